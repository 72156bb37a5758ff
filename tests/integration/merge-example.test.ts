import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatForPath } from '../../src/formats/index.js';
import { createSegmenter } from '../../src/segment/srx/index.js';
import { extractDocument } from '../../src/steps/extract-document.js';
import { writeXliff } from '../../src/xliff/write.js';
import { VERSION } from '../../src/version.js';
import { repoRoot, runCli } from '../helpers/cli.js';

const returned = join(repoRoot, 'examples', 'returned', 'night-of-fires.txt.xlf');
const expected = join(repoRoot, 'examples', 'translations', 'night-of-fires.fa.txt');
const translation = JSON.parse(readFileSync(join(repoRoot, 'examples', 'translations', 'night-of-fires.fa.json'), 'utf8')) as {
  document: string;
  segments: Record<string, string>;
};

/** The reviewed XLIFF a translator would send back: the extraction with the Persian translation as reviewed targets. */
function reviewedXliff(): string {
  const path = translation.document;
  const doc = extractDocument({ bytes: new Uint8Array(readFileSync(join(repoRoot, path))), path, format: formatForPath(path), sourceLang: 'en', targetLang: 'fa', segmenter: createSegmenter('en') });
  for (const unit of doc.units)
    for (const part of unit.parts)
      if (part.kind === 'segment') {
        part.target = [{ type: 'text', text: translation.segments[`${unit.id}/${part.id}`]! }];
        part.state = 'reviewed';
      }
  return writeXliff(doc, { version: '2.1', toolVersion: VERSION });
}

describe('the bundled Persian translation', () => {
  it('is the extraction of the example with the reviewed translation filled in', () => {
    expect(readFileSync(returned, 'utf8')).toBe(reviewedXliff());
  });

  it('merges with the shipped glossary into exactly the expected Persian article', () => {
    const out = mkdtempSync(join(tmpdir(), 'tarjoman-merge-'));
    const result = runCli(['merge', returned, '-g', 'glossary/en-fa', '--require', 'reviewed', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/error/u);
    const merged = readFileSync(join(out, 'examples', 'text', 'night-of-fires.txt'));
    expect(merged.equals(readFileSync(expected))).toBe(true);
  });

  it.each([
    ['an Arabic yeh', (x: string) => x.replace('کانون‌های شورشی سالگرد', 'کانون‌هاي شورشی سالگرد'), 'fa-arabic-letter'],
    ['a dropped number', (x: string) => x.replace('دست‌کم ۱۲ شهر', 'دست‌کم چند شهر'), 'number-missing'],
    ['a forbidden name', (x: string) => x.replace('آخوندها می‌دانند که سازمان مجاهدین خلق', 'آخوندها می‌دانند که منافقین'), 'term-forbidden'],
  ])('refuses a translation with %s and writes nothing', (_what, spoil, rule) => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-hostile-'));
    const bad = join(dir, 'night-of-fires.txt.xlf');
    const xml = spoil(readFileSync(returned, 'utf8'));
    expect(xml).not.toBe(readFileSync(returned, 'utf8'));
    writeFileSync(bad, xml);
    const out = join(dir, 'out');
    const result = runCli(['merge', bad, '-g', 'glossary/en-fa', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`[${rule}]`);
    expect(existsSync(out)).toBe(false);
  });
});
