import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, extract, filesUnder, missingTools, tempDir, validateXliff, type Verdict } from '../helpers/interop.js';

const VARIANTS = [
  { name: 'XLIFF 1.2', args: ['--xliff', '1.2'] },
  { name: 'XLIFF 1.2, OmegaT kit', args: ['--xliff', '1.2', '--kit', 'omegat'] },
  { name: 'XLIFF 2.0', args: ['--xliff', '2.0'] },
  { name: 'XLIFF 2.1', args: ['--xliff', '2.1'] },
].flatMap((v) => [
  { name: v.name, args: v.args, glossary: false },
  { name: `${v.name} with the shipped glossary`, args: [...v.args, '-g', 'glossary/en-fa'], glossary: true },
]);

const missing = missingTools('XLIFF schema validation', 'the shared reference folder', 'xmllint');

describe.skipIf(missing.length > 0)('every XLIFF file extract writes validates against the OASIS schemas', () => {
  const documents = corpus();
  const written = new Map<string, string[]>();
  let verdicts: Map<string, Verdict>;

  beforeAll(() => {
    const root = tempDir('schema');
    VARIANTS.forEach((variant, i) => {
      const out = join(root, String(i));
      extract(documents, [...variant.args, '--out', out]);
      written.set(variant.name, filesUnder(out, '.xlf'));
    });
    // One validator run for all of them: xmllint starts once per file, the script once per batch.
    verdicts = validateXliff([...written.values()].flat());
  }, 120_000);

  it('covers every example and fixture, the empty documents included', () => {
    expect(documents.length).toBeGreaterThan(30);
    expect(documents.filter((d) => d.includes('empty')).sort()).toEqual(['tests/fixtures/markdown/empty.md', 'tests/fixtures/text/empty.txt']);
    for (const files of written.values()) expect(files).toHaveLength(documents.length);
  });

  it.each(VARIANTS.map((v) => [v.name]))('%s', (name) => {
    const files = written.get(name)!;
    const failures = files
      .map((file) => ({ file, verdict: verdicts.get(file) }))
      .filter(({ verdict }) => verdict?.verdict !== 'VALID')
      .map(({ file, verdict }) => `${file.replace(/^.*?\/\d+\//u, '')}: ${verdict ? `${verdict.verdict} ${verdict.detail}` : 'not validated'}`);
    expect(failures).toEqual([]);
  });
});
