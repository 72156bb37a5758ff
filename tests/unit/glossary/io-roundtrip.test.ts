import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGlossaryCsv, writeGlossaryCsv } from '../../../src/glossary/delimited/csv.js';
import { parseGlossaryYaml, writeGlossaryYaml } from '../../../src/glossary/native/yaml.js';
import { ConceptType, GlossaryFile, PartOfSpeech, TermStatus, type Concept, type Term } from '../../../src/glossary/schema.js';
import { parseTbx } from '../../../src/glossary/tbx/read.js';
import { writeTbx } from '../../../src/glossary/tbx/write.js';

/** Letters and marks a real glossary holds: Persian (with ZWNJ and Persian digits), English, and XML/YAML/CSV specials. */
const CHARS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءآأئ',
  ...'۰۱۲۳۴۵۶۷۸۹٬٫،؛؟«»',
  '\u200c',
  ...' .,;:-_\'"&<>#|*!?/\\[]{}%@`~=+()',
  ' ',
  '\n',
  '\t',
  '\r',
];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 24 }).map((cs) => cs.join(''));
const termText = text.map((s) => s.trim()).filter((s) => s.length > 0);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function termArb(optionalText: fc.Arbitrary<string>): fc.Arbitrary<Term> {
  return fc
    .record({
      text: termText,
      status: fc.constantFrom(...TermStatus.options),
      case: optional(fc.constantFrom('sensitive' as const, 'insensitive' as const)),
      abbreviation: optional(fc.boolean()),
      partOfSpeech: optional(fc.constantFrom(...PartOfSpeech.options)),
      note: optional(optionalText),
      source: optional(optionalText),
      context: optional(optionalText),
    })
    .map(withoutUndefined);
}

function glossaryArb(optionalText: fc.Arbitrary<string>, withDomain: boolean): fc.Arbitrary<GlossaryFile> {
  return fc
    .uniqueArray(fc.constantFrom('en', 'fa', 'ar', 'fa-AF', 'en-GB'), { minLength: 1, maxLength: 3 })
    .chain((languages) => {
      const concept: fc.Arbitrary<Concept> = fc
        .record({
          id: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,10}$/u),
          type: fc.constantFrom(...ConceptType.options),
          definition: optional(optionalText),
          note: optional(optionalText),
          sources: optional(fc.array(optionalText, { minLength: 1, maxLength: 3 })),
          doNotTranslate: optional(fc.boolean()),
          terms: fc
            .subarray(languages)
            .chain((langs) => fc.tuple(...langs.map((l) => fc.array(termArb(optionalText), { minLength: 1, maxLength: 3 }).map((ts) => [l, ts] as const))))
            .map((pairs) => Object.fromEntries(pairs)),
        })
        .map(withoutUndefined);
      return fc.record({
        languages: fc.constant(languages),
        domain: withDomain ? optional(optionalText) : fc.constant(undefined),
        entries: fc.uniqueArray(concept, { selector: (c) => c.id, maxLength: 5 }),
      });
    })
    .map((file) => GlossaryFile.parse(withoutUndefined(file)));
}

describe('round trips', () => {
  it('native → TBX v3 → native gives back the same GlossaryFile', () => {
    fc.assert(
      fc.property(glossaryArb(text, true), (file) => {
        expect(parseTbx(writeTbx(file), 'rt.tbx')).toEqual(file);
      }),
      { numRuns: 300 },
    );
  });

  it('native → martif → native gives back the same GlossaryFile', () => {
    fc.assert(
      fc.property(glossaryArb(text, true), (file) => {
        expect(parseTbx(writeTbx(file, { shape: 'martif' }), 'rt.tbx')).toEqual(file);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a note of only spaces and line breaks through YAML', () => {
    for (const note of [' \n', '  \n\n', '\t\n ']) {
      const file: GlossaryFile = { languages: ['en', 'fa'], entries: [{ id: 'x', type: 'person', terms: { en: [{ text: 'a', status: 'preferred', note }], fa: [{ text: 'ب', status: 'preferred' }] } }] };
      expect(parseGlossaryYaml(writeGlossaryYaml(file), 'rt.yaml')).toEqual(file);
    }
  });

  it('native → YAML → native gives back the same GlossaryFile, and the same text again', () => {
    fc.assert(
      fc.property(glossaryArb(text, true), (file) => {
        const yaml = writeGlossaryYaml(file);
        const back = parseGlossaryYaml(yaml, 'rt.yaml');
        expect(back).toEqual(file);
        expect(writeGlossaryYaml(back)).toBe(yaml);
      }),
      { numRuns: 300 },
    );
  });

  // CSV has no place for a file's domain and cannot tell an empty cell from an absent value.
  it('native → CSV → native gives back the same GlossaryFile, for what CSV can hold', () => {
    const filled = text.filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(glossaryArb(filled, false), (file) => {
        expect(parseGlossaryCsv(writeGlossaryCsv(file), 'rt.csv')).toEqual(file);
      }),
      { numRuns: 300 },
    );
  });
});
