import { describe, expect, it } from 'vitest';
import { makeArticles, makeGlossary, type ArticleFormat } from '../../../bench/corpus.js';
import { GlossaryFile } from '../../../src/glossary/schema.js';

const FORMATS: ArticleFormat[] = ['text', 'markdown', 'html'];

describe('benchmark corpus generator', () => {
  it.each(FORMATS)('gives the same %s bytes for the same seed and other bytes for another seed', (format) => {
    const a = makeArticles(60_000, format, { seed: 7 });
    expect(makeArticles(60_000, format, { seed: 7 })).toBe(a);
    expect(makeArticles(60_000, format, { seed: 8 })).not.toBe(a);
  });

  it.each(FORMATS.flatMap((format) => [200_000, 500_000].map((size) => [format, size] as const)))('writes %s within 5%% of %i bytes', (format, size) => {
    const bytes = Buffer.byteLength(makeArticles(size, format));
    expect(Math.abs(bytes - size) / size).toBeLessThan(0.05);
  });

  it('writes the same articles in every format: names, numbers, dates, links, emphasis and quotes', () => {
    const glossary = makeGlossary(100);
    const md = makeArticles(100_000, 'markdown', { glossary });
    const html = makeArticles(100_000, 'html', { glossary });
    expect(md).toMatch(/\*\*[^*]+\*\*/u);
    expect(md).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/u);
    expect(md).toMatch(/“[^”]+”/u);
    expect(md).toMatch(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/u);
    expect(html).toMatch(/<a href="https:\/\/[^"]+">/u);
    expect(html).toMatch(/<em>[^<]+<\/em>/u);
    const names = glossary.entries.flatMap((e) => (e.terms.en ?? []).map((t) => t.text));
    expect(names.filter((n) => md.includes(n)).length).toBeGreaterThan(50);
  });

  it.each([100, 10_000])('makes exactly %i valid glossary entries with unique ids and English terms', (size) => {
    const glossary = makeGlossary(size);
    expect(glossary.entries).toHaveLength(size);
    expect(GlossaryFile.safeParse({ languages: glossary.languages, entries: glossary.entries }).success).toBe(true);
    expect(new Set(glossary.entries.map((e) => e.id)).size).toBe(size);
    const english = glossary.entries.flatMap((e) => (e.terms.en ?? []).map((t) => t.text.toLowerCase()));
    expect(new Set(english).size).toBe(english.length);
    expect(glossary.entries.every((e) => (e.terms.fa?.length ?? 0) > 0)).toBe(true);
  });

  it('makes smaller glossaries as prefixes of larger ones with the same seed', () => {
    expect(makeGlossary(1_000).entries).toEqual(makeGlossary(3_000).entries.slice(0, 1_000));
  });
});
