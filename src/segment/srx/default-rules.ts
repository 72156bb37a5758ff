import { fileURLToPath } from 'node:url';

/**
 * The shipped rules. `tsc` does not copy .srx files, so both the sources and the compiled
 * module (three folders below the package root either way) read the one under src/.
 */
export const DEFAULT_SRX_PATH = fileURLToPath(new URL('../../../src/segment/rules/default.srx', import.meta.url));
