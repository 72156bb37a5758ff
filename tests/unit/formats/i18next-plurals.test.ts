import { describe, expect, it } from 'vitest';
import { i18nextFormat } from '../../../src/formats/i18next/index.js';
import type { Document } from '../../../src/model/schema.js';
import { translated } from '../../helpers/translate.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

const source = `{
  "title": "Comments",
  "comment_one": "{{count}} comment",
  "comment_other": "{{count}} comments",
  "nested": {
    "day_one": "one day",
    "day_other": "{{count}} days"
  },
  "place_ordinal_one": "{{count}}st",
  "place_ordinal_two": "{{count}}nd",
  "place_ordinal_few": "{{count}}rd",
  "place_ordinal_other": "{{count}}th"
}
`;

const extract = (targetLang: string): Document => i18nextFormat.extract(enc.encode(source), { path: 'en/c.json', sourceLang: 'en', targetLang });
const merged = (doc: Document) => dec.decode(i18nextFormat.merge(translated(doc, (s) => `«${s}»`), { targetLang: doc.targetLang! }));
const keysOf = (json: string) => {
  const out: string[] = [];
  const walk = (v: unknown, p: string) => {
    if (v && typeof v === 'object') for (const [k, vv] of Object.entries(v)) walk(vv, p ? `${p}.${k}` : k);
    else out.push(p);
  };
  walk(JSON.parse(json), '');
  return out;
};

describe('i18next plural forms follow the target language', () => {
  it('en → fa: cardinal one and other stay, ordinal forms shrink to other', () => {
    const doc = extract('fa');
    const out = merged(doc);
    expect(keysOf(out)).toEqual(['title', 'comment_one', 'comment_other', 'nested.day_one', 'nested.day_other', 'place_ordinal_other']);
    expect(out).toContain('  "comment_one": "{{count}}« comment»",\n');
    expect(out.endsWith('  "place_ordinal_other": "{{count}}«th»"\n}\n')).toBe(true);
  });

  it('en → ja: only other is kept, and the file stays valid JSON in its own layout', () => {
    const out = merged(extract('ja'));
    expect(keysOf(out)).toEqual(['title', 'comment_other', 'nested.day_other', 'place_ordinal_other']);
    expect(out).toBe(
      '{\n  "title": "«Comments»",\n  "comment_other": "{{count}}« comments»",\n  "nested": {\n    "day_other": "{{count}}« days»"\n  },\n  "place_ordinal_other": "{{count}}«th»"\n}\n',
    );
  });

  it('en → ar: zero, two, few and many are added as units the translator fills, taken from other', () => {
    const doc = extract('ar');
    const added = doc.units.filter((u) => u.notes.length > 0);
    expect(added.map((u) => u.id)).toEqual(['comment_zero', 'comment_two', 'comment_few', 'comment_many', 'nested.day_zero', 'nested.day_two', 'nested.day_few', 'nested.day_many']);
    expect(added[0]!.notes[0]).toContain('zero');
    const out = merged(doc);
    expect(keysOf(out).slice(0, 7)).toEqual(['title', 'comment_one', 'comment_other', 'comment_zero', 'comment_two', 'comment_few', 'comment_many']);
    expect(JSON.parse(out).comment_few).toBe('{{count}}« comments»');
    expect(out).toContain('"comment_other": "{{count}}« comments»",\n  "comment_zero": "{{count}}« comments»",\n');
    // An untranslated added form falls back to the source's other form, never to nothing.
    expect(JSON.parse(dec.decode(i18nextFormat.merge(doc, { targetLang: 'ar' }))).nested.day_many).toBe('{{count}} days');
  });

  it.each(['ar', 'ja', 'fa'])('writes the source layout back byte for byte when merged without a target language (extracted for %s)', (lang) => {
    expect(dec.decode(i18nextFormat.merge(extract(lang)))).toBe(source);
  });

  it('leaves the source untouched without a target language', () => {
    const doc = i18nextFormat.extract(enc.encode(source), { path: 'en/c.json', sourceLang: 'en' });
    expect(doc.units).toHaveLength(9);
    expect(dec.decode(i18nextFormat.merge(doc, { targetLang: 'ja' }))).toBe(source);
  });
});
