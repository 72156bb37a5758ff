import fc from 'fast-check';

// In CI the properties run from a fixed seed, so a run can be repeated exactly; on a
// developer's machine every run explores new cases. FC_SEED overrides either.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20_261_123 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
