import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatForPath } from '../../../src/formats/index.js';
import { joinBytes } from '../../../src/formats/shared.js';
import { planXliffMerge, type PlannedDocument } from '../../../src/merge/index.js';
import type { Document } from '../../../src/model/schema.js';
import { createSegmenter } from '../../../src/segment/srx/index.js';
import { extractDocument } from '../../../src/steps/extract-document.js';
import { writeXliff } from '../../../src/xliff/write.js';
import { seededRandom } from '../../helpers/random.js';
import { translated } from '../../helpers/translate.js';

const encode = (s: string) => new TextEncoder().encode(s);
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tarjoman-plan-chunks-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Seeded paragraphs, long enough that the merged file comes in several chunks. */
function article(seed: number, html: boolean): string {
  const rand = seededRandom(seed);
  const words = ['Tehran', 'said', 'the', 'workers', 'on', 'Monday', 'strike', 'of', 'oil', 'city'];
  const paragraphs = Array.from({ length: 700 }, () => `${Array.from({ length: 8 + Math.floor(rand() * 40) }, () => words[Math.floor(rand() * words.length)]).join(' ')}.`);
  if (!html) return `Seeded Title\n\n${paragraphs.join('\n\n')}\n`;
  return `<!DOCTYPE html>\n<html lang="en">\n<head><title>Seeded</title></head>\n<body>\n${paragraphs.map((p) => `<p>${p} <b>more</b></p>\n`).join('')}</body>\n</html>\n`;
}

/** The original written to disk, and an XLIFF of it whose every segment is translated. */
function setUp(name: string, text: string): { original: Document; xliff: Uint8Array; translation: Document } {
  writeFileSync(join(dir, name), text);
  const original = extractDocument({ bytes: encode(text), path: name, format: formatForPath(name), sourceLang: 'en', targetLang: 'fa', segmenter: createSegmenter('en') });
  const translation = translated(original, (s) => `😀${s.replace(/[A-Za-z]+/gu, (w) => (w.length % 2 ? 'سلام' : 'جهان'))}`);
  const filled: Document = { ...translation, units: translation.units.map((u) => ({ ...u, parts: u.parts.map((p) => (p.kind === 'segment' ? { ...p, state: 'translated' as const } : p)) })) };
  return { original, xliff: encode(writeXliff(filled, { version: '2.1', toolVersion: '0' })), translation };
}

const options = { untranslated: 'error' as const, checks: [], segmenterFor: (lang: string) => createSegmenter(lang) };

describe('planXliffMerge: merged bytes in chunks', () => {
  for (const [name, html] of [['seeded.txt', false], ['seeded.html', true]] as const) {
    it(`${name}: a document handed on gives in chunks what the format merges whole, however often it is taken`, async () => {
      const { xliff, translation } = setUp(name, article(7, html));
      const expected = formatForPath(name).merge(translation, { targetLang: 'fa' });
      const handed: PlannedDocument[] = [];
      const plan = await planXliffMerge(xliff, 'seeded.xlf', { ...options, cwd: dir, onDocument: (d) => handed.push(d) });
      expect(plan.refusals).toEqual([]);
      expect(handed).toHaveLength(1);
      const chunks = Array.from(handed[0]!.chunks());
      expect(chunks.length).toBeGreaterThan(1);
      expect(sameBytes(joinBytes(chunks), expected)).toBe(true);
      // Rendered anew each time the chunks are taken, so taking them twice gives the same bytes.
      expect(sameBytes(joinBytes(handed[0]!.chunks()), expected)).toBe(true);
      expect(sameBytes(handed[0]!.bytes, expected)).toBe(true);
    });

    it(`${name}: a document kept in the plan has its chunks and its bytes alike`, async () => {
      const { xliff, translation } = setUp(name, article(8, html));
      const expected = formatForPath(name).merge(translation, { targetLang: 'fa' });
      const plan = await planXliffMerge(xliff, 'seeded.xlf', { ...options, cwd: dir });
      expect(plan.refusals).toEqual([]);
      const [document] = plan.documents;
      expect(sameBytes(joinBytes(document!.chunks()), expected)).toBe(true);
      expect(sameBytes(document!.bytes, expected)).toBe(true);
      // Once joined, the chunks are the joined bytes.
      expect(sameBytes(joinBytes(document!.chunks()), expected)).toBe(true);
    });
  }

  it('a format merged whole is handed on as one chunk', async () => {
    const markdown = '# Seeded\n\nOne *short* paragraph. And another sentence.\n';
    const { xliff, translation } = setUp('seeded.md', markdown);
    const expected = formatForPath('seeded.md').merge(translation, { targetLang: 'fa' });
    const handed: PlannedDocument[] = [];
    await planXliffMerge(xliff, 'seeded.xlf', { ...options, cwd: dir, onDocument: (d) => handed.push(d) });
    const chunks = Array.from(handed[0]!.chunks());
    expect(chunks).toHaveLength(1);
    expect(sameBytes(chunks[0]!, expected)).toBe(true);
  });
});
