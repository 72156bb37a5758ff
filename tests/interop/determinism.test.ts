import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, extract, filesUnder, tempDir } from '../helpers/interop.js';

const VARIANTS = [
  ['XLIFF 1.2', '--xliff', '1.2'],
  ['XLIFF 1.2, OmegaT kit', '--xliff', '1.2', '--kit', 'omegat'],
  ['XLIFF 2.0', '--xliff', '2.0'],
  ['XLIFF 2.1', '--xliff', '2.1'],
] as const;

/** Every file under `dir`, by its path relative to it. */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(filesUnder(dir, '').map((f) => [relative(dir, f), readFileSync(f)]));
}

describe('extract writes byte-identical kits from the same input', () => {
  it.each(VARIANTS.map(([name, ...args]) => [name, args] as const))('%s, with the glossary slice', (_name, args) => {
    const documents = corpus();
    const [first, second] = [tempDir('same-a'), tempDir('same-b')];
    extract(documents, [...args, '-g', 'glossary/en-fa', '--out', first]);
    extract(documents, [...args, '-g', 'glossary/en-fa', '--out', join(second, 'elsewhere')]);
    const a = snapshot(first);
    const b = snapshot(join(second, 'elsewhere'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...a.keys()].filter((f) => f.endsWith('.xlf'))).toHaveLength(documents.length);
    expect([...a.keys()].some((f) => f.includes('glossary.'))).toBe(true);
    const differing = [...a].filter(([file, bytes]) => !bytes.equals(b.get(file)!)).map(([file]) => file);
    expect(differing).toEqual([]);
  });
});
