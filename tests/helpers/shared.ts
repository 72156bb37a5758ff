import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli.js';

/**
 * The folder of reference material that sits beside a checkout of this project during
 * development and CI. A user's machine does not have it: tests that need it skip, loudly.
 */
export function sharedDir(): string | undefined {
  const dir = join(repoRoot, '..', 'shared');
  return existsSync(dir) ? dir : undefined;
}

export function warnSkipped(what: string, missing: string): void {
  console.warn(`\n*** SKIPPED: ${what} — ${missing} is not present on this machine ***\n`);
}
