import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xliffPathFor } from '../../src/xliff/kit/index.js';
import { repoRoot } from '../helpers/cli.js';
import { extract, filesUnder, missingTools, shared, tempDir, validateXliff } from '../helpers/interop.js';

/*
 * examples/xliff/ shows a reader what extract writes, one file per XLIFF version for one
 * article. They are the CLI's output byte for byte; after a deliberate change to the writers,
 * rewrite them with TARJOMAN_WRITE_EXAMPLES=1 npx vitest run tests/interop/examples.test.ts
 */
const ARTICLE = 'examples/markdown/the-long-shadow-of-1988.md';
const SHOWN = join(repoRoot, 'examples', 'xliff');
const VERSIONS = ['1.2', '2.0', '2.1'] as const;
const shownName = (version: string) => `${ARTICLE.split('/').pop()}.xliff-${version}.xlf`;

/** What the CLI writes now for the article in each version, with the shipped glossary. */
function writtenNow(): Map<string, Buffer> {
  const out = tempDir('shown');
  const files = new Map<string, Buffer>();
  for (const version of VERSIONS) {
    const dir = join(out, version);
    extract([ARTICLE], ['--xliff', version, '-g', 'glossary/en-fa', '--out', dir]);
    files.set(shownName(version), readFileSync(join(dir, xliffPathFor(ARTICLE))));
  }
  return files;
}

describe('the XLIFF files shown in examples/xliff', () => {
  it('are what extract writes now', () => {
    const now = writtenNow();
    if (process.env.TARJOMAN_WRITE_EXAMPLES === '1') {
      mkdirSync(SHOWN, { recursive: true });
      for (const [name, bytes] of now) writeFileSync(join(SHOWN, name), bytes);
    }
    for (const [name, bytes] of now) {
      const file = join(SHOWN, name);
      expect(existsSync(file), `${file} is missing`).toBe(true);
      expect(readFileSync(file).equals(bytes), `${name} differs from what extract writes now; see the note at the top of this test to rewrite it`).toBe(true);
    }
  });

  const missing = missingTools('schema validation of the shown XLIFF files and the seed article', 'the shared reference folder', 'xmllint');

  it.skipIf(missing.length > 0)('validate against the OASIS schemas', () => {
    const files = VERSIONS.map((v) => join(SHOWN, shownName(v)));
    const verdicts = validateXliff(files);
    expect(files.map((f) => `${verdicts.get(f)?.verdict} ${f.slice(repoRoot.length + 1)} ${verdicts.get(f)?.detail}`).filter((l) => !l.startsWith('VALID'))).toEqual([]);
  });

  it.skipIf(missing.length > 0)('the seed article, extracted to XLIFF 1.2 and 2.1 with the shipped glossary, is valid and carries its terms', () => {
    const seeds = filesUnder(join(shared!, 'seeds'), '.txt');
    expect(seeds.length).toBeGreaterThan(0);
    const out = tempDir('seed');
    const written: string[] = [];
    for (const version of ['1.2', '2.1']) {
      extract(seeds, ['--xliff', version, '-g', 'glossary/en-fa', '--out', join(out, version)]);
      written.push(...filesUnder(join(out, version), '.xlf'));
    }
    expect(written).toHaveLength(2 * seeds.length);
    const verdicts = validateXliff(written);
    expect(written.map((f) => `${verdicts.get(f)?.verdict} ${f} ${verdicts.get(f)?.detail}`).filter((l) => !l.startsWith('VALID'))).toEqual([]);
    for (const file of written) {
      const xml = readFileSync(file, 'utf8');
      expect(xml.includes('from="tarjoman-glossary"') || xml.includes('<gls:glossEntry'), file).toBe(true);
    }
    expect(readFileSync(join(out, '1.2', 'glossary.utf8'), 'utf8')).toContain('\tسازمان مجاهدین خلق ایران');
  });
});
