import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossaryCsv, parseGlossaryCsvLocated, writeGlossaryCsv } from '../../../src/glossary/delimited/csv.js';
import { parseOmegatTsv, parseOmegatTsvLocated, writeOmegatTsv } from '../../../src/glossary/delimited/tsv.js';
import type { GlossaryFile } from '../../../src/glossary/schema.js';
import { sharedDir, warnSkipped } from '../../helpers/shared.js';
import { fixtures, problemsFrom } from './io-helpers.js';

const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('OmegaT tab-separated glossaries', () => {
  it('reads source, target and comment; skips # lines and blank lines; joins rows with one source', () => {
    const located = parseOmegatTsvLocated(read('omegat.txt'), 'omegat.txt');
    expect(located.lines).toEqual([3, 4, 6, 9, 10]);
    expect(located.file).toEqual({
      languages: ['en', 'fa'],
      entries: [
        {
          id: 'islamic-revolutionary-guard-corps',
          type: 'term',
          terms: {
            en: [{ text: 'Islamic Revolutionary Guard Corps', status: 'preferred' }],
            fa: [{ text: 'سپاه پاسداران انقلاب اسلامی', status: 'preferred', note: 'organization' }],
          },
        },
        {
          id: 'irgc',
          type: 'term',
          terms: { en: [{ text: 'IRGC', status: 'preferred' }], fa: [{ text: 'سپاه', status: 'preferred', note: 'short form' }] },
        },
        {
          id: 'execution',
          type: 'term',
          terms: {
            en: [{ text: 'execution', status: 'preferred' }],
            fa: [
              // The repeated row adds its comment to the term it repeats.
              { text: 'اعدام', status: 'preferred', note: 'duplicate row' },
              { text: 'قصاص', status: 'admitted', note: 'only for retribution in kind' },
            ],
          },
        },
        {
          id: 'summary-execution',
          type: 'term',
          terms: { en: [{ text: 'summary execution', status: 'preferred' }], fa: [{ text: 'اعدام فراقضایی', status: 'preferred' }] },
        },
        {
          id: 'said-no',
          type: 'term',
          // Quotes are plain text in OmegaT's TSV.
          terms: { en: [{ text: 'said "no"', status: 'preferred' }], fa: [{ text: 'گفت «نه»', status: 'preferred', note: 'quotes are text in TSV' }] },
        },
      ],
    });
  });

  it('takes the languages and concept type from the options', () => {
    const file = parseOmegatTsv('سپاه\tIRGC\n', 'x.tsv', { from: 'fa', to: 'en', type: 'organization' });
    expect(file).toEqual({
      languages: ['fa', 'en'],
      entries: [{ id: 'entry-1', type: 'organization', terms: { fa: [{ text: 'سپاه', status: 'preferred' }], en: [{ text: 'IRGC', status: 'preferred' }] } }],
    });
  });

  it('refuses a row without a target, at its line', () => {
    expect(problemsFrom(() => parseOmegatTsv('# c\nIRGC\tسپاه\nMEK\n', 'x.tsv'))).toEqual(['x.tsv:3:1: a glossary row needs a source term and a target term']);
  });

  it('writes one row per usable term pair, and OmegaT rows read back', () => {
    const file: GlossaryFile = {
      languages: ['en', 'fa'],
      entries: [
        {
          id: 'irgc',
          type: 'organization',
          note: 'concept note',
          terms: {
            en: [
              { text: 'Islamic Revolutionary Guard Corps', status: 'preferred' },
              { text: 'IRGC', status: 'admitted', abbreviation: true },
              { text: 'Pasdaran', status: 'deprecated' },
            ],
            fa: [
              { text: 'سپاه پاسداران', status: 'preferred', note: 'line\tone\nline two' },
              { text: 'سپاه', status: 'admitted' },
              { text: 'پاسداران', status: 'forbidden' },
            ],
          },
        },
      ],
    };
    const text = writeOmegatTsv(file);
    expect(text).toBe(
      [
        'Islamic Revolutionary Guard Corps\tسپاه پاسداران\tline one line two',
        'Islamic Revolutionary Guard Corps\tسپاه\tconcept note',
        'IRGC\tسپاه پاسداران\tline one line two',
        'IRGC\tسپاه\tconcept note',
        '',
      ].join('\n'),
    );
    const back = parseOmegatTsv(text, 'back.tsv');
    expect(back.entries.map((e) => [e.terms.en![0]!.text, e.terms.fa!.map((t) => `${t.status}:${t.text}`)])).toEqual([
      ['Islamic Revolutionary Guard Corps', ['preferred:سپاه پاسداران', 'admitted:سپاه']],
      ['IRGC', ['preferred:سپاه پاسداران', 'admitted:سپاه']],
    ]);
    expect(writeOmegatTsv(file, { from: 'fa', to: 'en' }).split('\n')[0]).toBe('سپاه پاسداران\tIslamic Revolutionary Guard Corps\tconcept note');
  });
});

describe('header-mapped CSV glossaries', () => {
  it('reads named columns, quoted fields with commas, quotes and line breaks, a BOM, and multi-row concepts', () => {
    const located = parseGlossaryCsvLocated(read('header.csv'), 'header.csv');
    expect(located.lines).toEqual([2, 4, 6]);
    expect(located.file).toEqual({
      languages: ['en', 'fa'],
      entries: [
        {
          id: 'irgc',
          type: 'organization',
          note: 'Founded 1979, after the revolution',
          sources: ['https://example.org/irgc'],
          terms: {
            en: [
              { text: 'Islamic Revolutionary Guard Corps', status: 'preferred' },
              { text: 'IRGC', status: 'admitted', abbreviation: true },
            ],
            fa: [
              { text: 'سپاه پاسداران انقلاب اسلامی', status: 'preferred' },
              { text: 'سپاه', status: 'admitted', note: 'short, informal' },
            ],
          },
        },
        {
          id: 'raisi-ebrahim',
          type: 'person',
          terms: { en: [{ text: 'Raisi, Ebrahim', status: 'preferred' }], fa: [{ text: 'ابراهیم رئیسی', status: 'preferred', note: 'line one\nline two' }] },
        },
        {
          id: '1988-massacre',
          type: 'event',
          terms: { en: [{ text: '1988 massacre', status: 'preferred' }], fa: [{ text: 'کشتار ۶۷', status: 'preferred', note: 'the "summer" of 1988' }] },
        },
      ],
    });
  });

  it('refuses an unknown column, naming it, at its line and column', () => {
    expect(problemsFrom(() => parseGlossaryCsv(read('bad/unknown-column.csv'), 'u.csv'))).toEqual([
      'u.csv:1:15: unknown column "fa_stauts" (known: id, type, definition, note, doNotTranslate, source, a language code such as en or fa, and a language code followed by _status, _case, _abbreviation, _partOfSpeech, _note, _source or _context)',
    ]);
  });

  it('locates bad values at their cell, after a quoted line break', () => {
    const text = 'id,en,fa,fa_status,note\nx,"two\nlines",ایکس,maybe,\ny,,,admitted,\n';
    expect(problemsFrom(() => parseGlossaryCsv(text, 'v.csv'))).toEqual([
      'v.csv:4:5: the column "fa_status" has a value but this row has no fa term',
    ]);
    const bad = 'id,en,fa,fa_status\nx,"two\nlines",ایکس,maybe\n';
    expect(problemsFrom(() => parseGlossaryCsv(bad, 'v.csv'))).toEqual([
      'v.csv:3:13: entry "x": terms.fa[0].status is "maybe" but must be one of: preferred, admitted, deprecated, forbidden',
    ]);
    const conflict = 'id,type,en\nx,person,A\nx,place,B\n';
    expect(problemsFrom(() => parseGlossaryCsv(conflict, 'c.csv'))).toEqual([
      'c.csv:3:3: the column "type" of entry "x" differs from the value on the entry\'s first row',
    ]);
    expect(problemsFrom(() => parseGlossaryCsv('id,en,"a\n', 'q.csv'))[0]).toMatch(/^q\.csv:1: the CSV parser rejected the file: Quote Not Closed/u);
  });

  it('reads a headerless CSV as OmegaT source,target,comment rows', () => {
    const text = '"Islamic Revolutionary Guard Corps, the","سپاه پاسداران انقلاب اسلامی","quoted, with a comma"\nlibrary,کتابخانه,\n';
    const file = parseGlossaryCsv(text, 'o.csv');
    expect(file.entries.map((e) => [e.terms.en![0]!.text, e.terms.fa![0]!.text, e.terms.fa![0]!.note])).toEqual([
      ['Islamic Revolutionary Guard Corps, the', 'سپاه پاسداران انقلاب اسلامی', 'quoted, with a comma'],
      ['library', 'کتابخانه', undefined],
    ]);
  });

  it('writes a CSV that reads back the same file', () => {
    const file: GlossaryFile = {
      languages: ['en', 'fa'],
      entries: [
        {
          id: 'mek',
          type: 'organization',
          definition: 'Opposition group, founded 1965',
          sources: ['a', 'b "quoted"'],
          doNotTranslate: false,
          terms: {
            en: [
              { text: 'MEK', status: 'preferred', case: 'sensitive', abbreviation: true },
              { text: 'Mojahedin', status: 'admitted', partOfSpeech: 'properNoun', context: 'the Mojahedin, he said\nagain' },
            ],
            fa: [{ text: 'مجاهدین خلق', status: 'preferred', source: 'BBC فارسی' }],
          },
        },
        { id: 'evin', type: 'place', terms: { fa: [{ text: 'اوین', status: 'preferred' }] } },
        { id: 'empty', type: 'term', terms: {} },
      ],
    };
    const text = writeGlossaryCsv(file);
    expect(text.split('\n')[0]).toBe(
      'id,type,definition,doNotTranslate,source,source,en,en_status,en_case,en_abbreviation,en_partOfSpeech,en_context,fa,fa_status,fa_source',
    );
    expect(parseGlossaryCsv(text, 'back.csv')).toEqual(file);
  });

  it('reads the OmegaT interop examples', (context) => {
    const shared = sharedDir();
    if (!shared) {
      warnSkipped('OmegaT TSV and CSV examples', 'the shared interop folder');
      context.skip();
      return;
    }
    const examples = join(shared, 'interop', 'examples');
    const tsv = parseOmegatTsv(readFileSync(join(examples, 'glossary-en-fa.txt'), 'utf8'), 'glossary-en-fa.txt');
    expect(tsv.entries.map((e) => e.terms.en![0]!.text)).toEqual(['Islamic Revolutionary Guard Corps', 'IRGC', 'library', 'garden']);
    expect(tsv.entries[3]!.terms.fa).toEqual([{ text: 'باغچه', status: 'preferred' }]);
    const csv = parseGlossaryCsv(readFileSync(join(examples, 'glossary-en-fa.csv'), 'utf8'), 'glossary-en-fa.csv');
    expect(csv.entries.map((e) => [e.terms.en![0]!.text, e.terms.fa![0]!.text])).toEqual([
      ['Islamic Revolutionary Guard Corps, the', 'سپاه پاسداران انقلاب اسلامی'],
      ['library', 'کتابخانه'],
    ]);
  });
});
