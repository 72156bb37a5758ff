/**
 * The seeded generator the benchmark corpus uses (mulberry32), the same on every machine, so a
 * test run can be repeated exactly.
 */
export { prng as seededRandom } from '../../bench/corpus.js';
