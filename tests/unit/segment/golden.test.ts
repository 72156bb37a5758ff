import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentences } from '../../../src/segment/sentences.js';
import { createSegmenter } from '../../../src/segment/srx/index.js';

interface GoldenCase {
  input: string;
  expected: string[];
}

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'segmentation');
const load = (name: string): GoldenCase[] => JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')) as GoldenCase[];
const split = (lang: string, text: string) => sentences(text, createSegmenter(lang).breaks(text)).map((s) => s.text);

describe.each([
  ['en', 70],
  ['fa', 35],
] as const)('golden segmentation, %s', (lang, minimum) => {
  const cases = load(lang);

  it(`has at least ${minimum} cases, each expected sentence an exact substring in order`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(minimum);
    for (const c of cases) {
      let at = 0;
      for (const s of c.expected) {
        const found = c.input.indexOf(s, at);
        expect(found, s).toBeGreaterThanOrEqual(at);
        expect(c.input.slice(at, found).trim(), s).toBe('');
        at = found + s.length;
      }
      expect(c.input.slice(at).trim()).toBe('');
    }
  });

  it.each(cases.map((c) => [c.input.replace(/\n/gu, '⏎'), c] as const))('%s', (_, c) => {
    expect(split(lang, c.input)).toEqual(c.expected);
  });
});

// These sets were written before the rules and are never tuned against: they estimate accuracy on unseen prose.
describe.each([
  ['en', 'en-heldout', 30, 0.95],
  ['fa', 'fa-heldout', 15, 1],
] as const)('held-out segmentation, %s', (lang, file, minimum, floor) => {
  it(`scores at least ${floor} exact-match accuracy on ${file}`, () => {
    const cases = load(file);
    expect(cases.length).toBeGreaterThanOrEqual(minimum);
    const failures = cases.filter((c) => JSON.stringify(split(lang, c.input)) !== JSON.stringify(c.expected));
    const accuracy = (cases.length - failures.length) / cases.length;
    expect(accuracy, JSON.stringify(failures.map((f) => f.input), null, 2)).toBeGreaterThanOrEqual(floor);
  });
});

describe('Persian fixtures', () => {
  it('use Persian yeh and keheh, never the Arabic letters', () => {
    for (const name of ['fa', 'fa-heldout']) expect(readFileSync(join(fixtures, `${name}.json`), 'utf8')).not.toMatch(/[\u064A\u0643]/u);
  });
});
