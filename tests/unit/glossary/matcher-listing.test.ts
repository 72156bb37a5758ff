import { afterEach, describe, expect, it } from 'vitest';
import { listTerms, otherLanguage, renderTermTable } from '../../../src/glossary/matcher/listing.js';
import type { Glossary } from '../../../src/glossary/schema.js';
import { setLocale } from '../../../src/i18n/index.js';

const glossary: Glossary = {
  languages: ['en', 'fa'],
  origins: new Map(),
  entries: [
    {
      id: 'mek',
      type: 'organization',
      terms: {
        en: [{ text: 'MEK', status: 'preferred' }],
        fa: [
          { text: 'سازمان مجاهدین خلق', status: 'preferred' },
          { text: 'مجاهدین خلق', status: 'admitted' },
          { text: 'منافقین', status: 'forbidden' },
        ],
      },
    },
    { id: 'khamenei', type: 'person', terms: { en: [{ text: 'Khamenei', status: 'preferred' }], fa: [{ text: 'خامنه‌ای', status: 'preferred' }] } },
    { id: 'evin', type: 'place', terms: { en: [{ text: 'Evin', status: 'preferred' }] } },
  ],
};

afterEach(() => setLocale('en'));

describe('terms listing', () => {
  const text = 'Khamenei spoke.\nThe MEK’s office near Evin.';

  it('lists hits with offsets into the input and the other language’s accepted terms', () => {
    expect(listTerms(text, glossary, 'en')).toEqual([
      { entry: 'khamenei', start: 0, end: 8, text: 'Khamenei', targets: ['خامنه‌ای'] },
      { entry: 'mek', start: 20, end: 25, text: 'MEK’s', targets: ['سازمان مجاهدین خلق', 'مجاهدین خلق'] },
      { entry: 'evin', start: 38, end: 42, text: 'Evin', targets: [] },
    ]);
  });

  it('lists Persian text against English terms', () => {
    expect(listTerms('سخنان خامنه ای', glossary, 'fa')).toEqual([{ entry: 'khamenei', start: 6, end: 14, text: 'خامنه ای', targets: ['Khamenei'] }]);
  });

  it('picks the other language from the glossary', () => {
    expect(otherLanguage(glossary, 'en')).toBe('fa');
    expect(otherLanguage(glossary, 'fa-IR')).toBe('en');
    expect(otherLanguage({ ...glossary, languages: ['en'] }, 'en')).toBe('fa');
  });

  it('renders a table with line:column, text, entry and target', () => {
    const table = renderTermTable(text, listTerms(text, glossary, 'en'));
    expect(table.split('\n')).toEqual([
      'line:col  text      entry     target',
      '1:1       Khamenei  khamenei  خامنه‌ای',
      '2:5       MEK’s     mek       سازمان مجاهدین خلق',
      '2:23      Evin      evin',
      '',
      'terms found: 3',
      '',
    ]);
  });

  it('says so when nothing is found, in the chosen language', () => {
    expect(renderTermTable('nothing here', [])).toBe('no glossary terms found\n');
    setLocale('fa');
    expect(renderTermTable('nothing here', [])).toBe('هیچ اصطلاحی از واژه‌نامه پیدا نشد\n');
    expect(renderTermTable(text, listTerms(text, glossary, 'en'))).toContain('اصطلاح‌های یافته‌شده: ۳');
  });
});
