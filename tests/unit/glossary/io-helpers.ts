import { join } from 'node:path';
import { TarjomanError } from '../../../src/model/located-error.js';
import { problemsOf } from '../../../src/glossary/native/problems.js';

export const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'glossary');

/** Runs a reader that should fail and returns each problem as `file:line:column: message`. */
export function problemsFrom(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof TarjomanError) return problemsOf(error).map((p) => p.render());
    throw error;
  }
  throw new Error('expected the reader to fail');
}

export async function problemsFromAsync(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TarjomanError) return problemsOf(error).map((p) => p.render());
    throw error;
  }
  throw new Error('expected the reader to fail');
}
