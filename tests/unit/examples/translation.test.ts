import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatForPath } from '../../../src/formats/index.js';
import { segments } from '../../../src/model/content.js';
import { createSegmenter } from '../../../src/segment/srx/index.js';
import { extractDocument } from '../../../src/steps/extract-document.js';

/** The reviewed Persian translation of the example article, checked for its own orthography. */

const root = join(import.meta.dirname, '..', '..', '..');
const translationPath = join(root, 'examples', 'translations', 'night-of-fires.fa.json');

interface Translation {
  document: string;
  targetLang: string;
  segments: Record<string, string>;
}

const translation = JSON.parse(readFileSync(translationPath, 'utf8')) as Translation;
const entries = Object.entries(translation.segments);

const ZWNJ = '\u200C';

/** Latin acronyms kept after the Persian name (MEK, IRGC, U.N.) are left out of the Persian checks. */
const withoutAcronyms = (text: string) => text.replace(/[A-Za-z][A-Za-z0-9.\/-]*/gu, '');

/** Every place where a ZWNJ does not sit between two letters of a word. */
function strayZwnj(text: string): number[] {
  const out: number[] = [];
  const chars = [...text];
  chars.forEach((ch, i) => {
    if (ch !== ZWNJ) return;
    const before = chars[i - 1];
    const after = chars[i + 1];
    const letter = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}]/u.test(c);
    if (!letter(before) || !letter(after)) out.push(i);
  });
  return out;
}

function expectedKeys(): string[] {
  const path = translation.document;
  const document = extractDocument({
    bytes: readFileSync(join(root, path)),
    path,
    format: formatForPath(path),
    sourceLang: 'en',
    targetLang: 'fa',
    segmenter: createSegmenter('en'),
  });
  return document.units.flatMap((unit) => segments(unit).map((segment) => `${unit.id}/${segment.id}`));
}

describe('Persian translation of the example article', () => {
  it('names its document and language', () => {
    expect(translation.document).toBe('examples/text/night-of-fires.txt');
    expect(translation.targetLang).toBe('fa');
  });

  it('has exactly the segments the extractor cuts from the article, in order', () => {
    expect(Object.keys(translation.segments)).toEqual(expectedKeys());
  });

  it.each(entries)('%s is a non-empty, trimmed string', (_key, value) => {
    expect(typeof value).toBe('string');
    expect(value.trim()).not.toBe('');
    expect(value).toBe(value.trim());
    expect(value).not.toMatch(/\s{2,}/u);
  });

  it.each(entries)('%s uses Persian yeh and kaf only', (_key, value) => {
    expect(value).not.toMatch(/[\u064A\u0643\u0649]/u);
  });

  it.each(entries)('%s writes numbers in Persian digits', (_key, value) => {
    const persian = withoutAcronyms(value);
    expect(persian).not.toMatch(/[0-9\u0660-\u0669]/u);
    // thousands with ٬ and decimals with ٫, never with Latin or Arabic commas and points
    expect(persian).not.toMatch(/[\u06F0-\u06F9][.,\u060C][\u06F0-\u06F9]/u);
  });

  it.each(entries)('%s uses Persian punctuation', (_key, value) => {
    expect(value).not.toMatch(/[,;?]/u);
    expect(value).not.toMatch(/[“”"]/u);
  });

  it.each(entries)('%s puts ZWNJ only inside words', (_key, value) => {
    expect(strayZwnj(value)).toEqual([]);
    expect(value).not.toContain(ZWNJ + ZWNJ);
  });
});
