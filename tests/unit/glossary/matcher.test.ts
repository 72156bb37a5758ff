import { describe, expect, it } from 'vitest';
import { createMatcher, spellingVariants } from '../../../src/glossary/matcher/index.js';
import type { Concept, Glossary } from '../../../src/glossary/schema.js';
import type { Content } from '../../../src/model/schema.js';
import { entry } from '../../helpers/concept.js';



function glossary(entries: Concept[]): Glossary {
  return { languages: ['en', 'fa'], entries, origins: new Map() };
}

const en = glossary([
  entry('mek', { en: ['MEK', { text: 'PMOI', status: 'admitted' }, { text: "People's Mojahedin Organization of Iran", status: 'admitted' }], fa: ['سازمان مجاهدین خلق'] }, { type: 'organization' }),
  entry('pmoi-mek', { en: ['PMOI/MEK'] }),
  entry('iran', { en: ['Iran'], fa: ['ایران'] }, { type: 'place' }),
  entry('ncri', { en: ['National Council of Resistance of Iran', { text: 'NCRI', abbreviation: true }] }, { type: 'organization' }),
  entry('khamenei', { en: ['Ali Khamenei', 'Khamenei'], fa: ['خامنه‌ای'] }, { type: 'person' }),
  entry('rajavi', { en: ['Rajavi'] }, { type: 'person' }),
  entry('iran-iraq-war', { en: ['Iran-Iraq War'] }, { type: 'event' }),
  entry('irgc', { en: [{ text: 'IRGC', abbreviation: true }] }, { type: 'organization' }),
  entry('basij', { en: ['Basij'] }, { type: 'organization' }),
  entry('death-commission', { en: [{ text: 'death commission', case: 'insensitive' }] }),
  entry('militia', { en: [{ text: 'militia', case: 'insensitive' }] }),
  entry('party', { en: [{ text: 'party', case: 'insensitive' }] }),
  entry('velayat', { en: ['velayat-e faqih'] }),
  entry('aids', { en: [{ text: 'AIDS', abbreviation: true }] }),
  entry('resolution-598', { en: ['Resolution 598'] }),
  entry('box', { en: [{ text: 'ballot box', case: 'insensitive' }] }),
]);

const hits = (text: string, g: Glossary = en, lang = 'en') =>
  createMatcher(g, lang)
    .find(text)
    .map((h) => [h.text, h.conceptId]);

describe('English term matching', () => {
  it.each<[string, string, [string, string][]]>([
    ['plain name', 'Rajavi spoke.', [['Rajavi', 'rajavi']]],
    ['acronym', 'The MEK said', [['MEK', 'mek']]],
    ['possessive', "the MEK's leaders", [["MEK's", 'mek']]],
    ['typographic possessive', 'the MEK’s leaders', [['MEK’s', 'mek']]],
    ['modifier-letter possessive', 'the MEKʼs leaders', [['MEKʼs', 'mek']]],
    ['plural possessive with a bare apostrophe', "the Rajavis' home", [["Rajavis'", 'rajavi']]],
    ['plural of a name', 'the Rajavis left', [['Rajavis', 'rajavi']]],
    ['plural of an acronym', 'two IRGCs', [['IRGCs', 'irgc']]],
    ['-ies plural', 'Parties met', [['Parties', 'party']]],
    ['-ies plural possessive', "the parties' leaders", [["parties'", 'party']]],
    ['-s plural', 'the militias', [['militias', 'militia']]],
    ['-es plural', 'ballot boxes were burnt', [['ballot boxes', 'box']]],
    ['possessive after a final s in the term itself', 'the AIDS’ toll', [['AIDS’', 'aids']]],
    ['hyphen as written', 'the Iran-Iraq War ended', [['Iran-Iraq War', 'iran-iraq-war']]],
    ['space for hyphen', 'the Iran Iraq War ended', [['Iran Iraq War', 'iran-iraq-war']]],
    ['en dash for hyphen', 'the Iran–Iraq War ended', [['Iran–Iraq War', 'iran-iraq-war']]],
    ['hyphen inside the term written as a space', 'under velayat e faqih rule', [['velayat e faqih', 'velayat']]],
    ['line break inside a name', 'National Council of\nResistance of Iran', [['National Council of\nResistance of Iran', 'ncri']]],
    ['no-break space inside a name', 'Ali\u00A0Khamenei', [['Ali\u00A0Khamenei', 'khamenei']]],
    ['digits in a term', 'Resolution 598 was accepted', [['Resolution 598', 'resolution-598']]],
    ['Persian digits in a Latin term', 'Resolution ۵۹۸ was accepted', [['Resolution ۵۹۸', 'resolution-598']]],
    ['sensitive acronym in another case', 'mek and Mek', []],
    ['sensitive name in lower case', 'the basij', []],
    ['insensitive term in any case', 'The Death Commission and the DEATH COMMISSION', [['Death Commission', 'death-commission'], ['DEATH COMMISSION', 'death-commission']]],
    ['capitals headline', 'KHAMENEI SAYS NO', [['KHAMENEI', 'khamenei']]],
    ['capitals headline, two words', 'ALI KHAMENEI SAYS NO', [['ALI KHAMENEI', 'khamenei']]],
    ['lone capitals in running text is not a name', 'the KHAMENEI said', []],
    ['abbreviations never relax their case', 'Aids WORKERS', []],
    ['capital at the start of a sentence', 'It ended. Velayat-e faqih stayed.', [['Velayat-e faqih', 'velayat']]],
    ['no capital in mid-sentence', 'the Velayat-e faqih stayed', []],
    ['not inside a word', 'Iranian and Iranians', []],
    ['not at the start of a longer word', 'MEKA, Basiji', []],
    ['not after a letter', 'preIran xMEK', []],
    ['not next to digits', 'Iran2 2Iran', []],
    ['not next to Persian letters', 'MEKها ایرانMEK', []],
    ['next to punctuation', '(Iran), "MEK".', [['Iran', 'iran'], ['MEK', 'mek']]],
    ['Persian punctuation around', '«MEK»، Iran؟', [['MEK', 'mek'], ['Iran', 'iran']]],
    ['leftmost-longest: the long name, not the country', 'the National Council of Resistance of Iran said', [['National Council of Resistance of Iran', 'ncri']]],
    ['leftmost-longest: full name before surname', 'Ali Khamenei and Khamenei', [['Ali Khamenei', 'khamenei'], ['Khamenei', 'khamenei']]],
    ['PMOI/MEK as one entry', 'the PMOI/MEK said', [['PMOI/MEK', 'pmoi-mek']]],
    ['a term with an apostrophe', "the People's Mojahedin Organization of Iran", [["People's Mojahedin Organization of Iran", 'mek']]],
    ['invisible direction marks are ignored', 'the \u200FMEK\u200F said', [['MEK', 'mek']]],
  ])('%s', (_, text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  it('splits PMOI/MEK when the glossary has no such entry', () => {
    const g = glossary(en.entries.filter((e) => e.id !== 'pmoi-mek'));
    expect(hits('the PMOI/MEK said', g)).toEqual([
      ['PMOI', 'mek'],
      ['MEK', 'mek'],
    ]);
  });

  it('matches "Iranian" only when a term says so', () => {
    const g = glossary([...en.entries, entry('iranian', { en: ['Iranian'] })]);
    expect(hits('Iranian officials', g)).toEqual([['Iranian', 'iranian']]);
  });

  it('reports UTF-16 offsets, the matched term and the stem end', () => {
    const text = '🇮🇷 the MEK’s base';
    const [hit] = createMatcher(en, 'en').find(text);
    expect(hit).toMatchObject({ conceptId: 'mek', start: 9, end: 14, stemEnd: 12, text: 'MEK’s' });
    expect(hit!.term.text).toBe('MEK');
    expect(text.slice(hit!.start, hit!.end)).toBe(hit!.text);
  });

  it('prefers the better status when two entries share a spelling, then glossary order', () => {
    const g = glossary([
      entry('a', { en: [{ text: 'Mossad', status: 'deprecated' }] }),
      entry('b', { en: ['Mossad'] }),
      entry('c', { en: ['Mossad'] }),
    ]);
    expect(createMatcher(g, 'en').find('Mossad').map((h) => h.conceptId)).toEqual(['b']);
  });

  it('prefers an exact-case term over a relaxed one for the same span', () => {
    const g = glossary([entry('a', { en: ['Basij'] }), entry('b', { en: ['BASIJ'] })]);
    expect(createMatcher(g, 'en').find('BASIJ SAYS').map((h) => h.conceptId)).toEqual(['b']);
  });

  it('gives the same hits whatever was matched before', () => {
    const matcher = createMatcher(en, 'en');
    matcher.find("MEKes MEK's MEKs Iran-Iraq War ".repeat(50));
    expect(matcher.find('MEK')).toEqual([{ conceptId: 'mek', term: expect.objectContaining({ text: 'MEK' }), start: 0, end: 3, text: 'MEK', stemEnd: 3 }]);
    matcher.find('ایرانیها '.repeat(10));
    expect(createMatcher(en, 'en').find('Iran')).toHaveLength(1);
  });

  it('returns nothing for empty text or an empty glossary', () => {
    expect(createMatcher(en, 'en').find('')).toEqual([]);
    expect(createMatcher(glossary([]), 'en').find('Iran')).toEqual([]);
  });

  it('finds terms of a regional language code under its primary language', () => {
    const g = glossary([entry('iran', { 'en-GB': ['Iran'] })]);
    expect(hits('Iran', g, 'en')).toEqual([['Iran', 'iran']]);
  });

  it('caches the matcher per glossary and language, and rebuilds when entries change', () => {
    const g = glossary([entry('iran', { en: ['Iran'] })]);
    expect(createMatcher(g, 'en')).toBe(createMatcher(g, 'en'));
    g.entries.push(entry('iraq', { en: ['Iraq'] }));
    expect(hits('Iran and Iraq', g)).toEqual([
      ['Iran', 'iran'],
      ['Iraq', 'iraq'],
    ]);
  });
});

describe('matching across inline codes', () => {
  const b = (kind: 'open' | 'close', id = '1') => ({ type: 'code' as const, kind, id, tag: 'b', data: kind === 'open' ? '<b>' : '</b>' });
  const text = (t: string) => ({ type: 'text' as const, text: t });

  it('matches a name split by a paired code, with offsets into the plain text', () => {
    const content: Content = [text('Ayatollah Ali '), b('open'), text('Khame'), b('close'), text('nei spoke')];
    const found = createMatcher(en, 'en').findInContent(content);
    expect(found.map((h) => [h.text, h.start, h.end])).toEqual([['Ali Khamenei', 10, 22]]);
  });

  it('matches a name wrapped in bold', () => {
    const content: Content = [text('the '), b('open'), text('MEK'), b('close'), text("'s base")];
    expect(createMatcher(en, 'en').findInContent(content).map((h) => h.text)).toEqual(["MEK's"]);
  });

  it('never looks inside a code', () => {
    const content: Content = [text('see '), { type: 'code', kind: 'standalone', id: '2', tag: 'img', data: '<img alt="Iran">' }, text(' here')];
    expect(createMatcher(en, 'en').findInContent(content)).toEqual([]);
  });

  it('treats a standalone code as a word break', () => {
    const content: Content = [text('Iran'), { type: 'code', kind: 'standalone', id: '3', tag: 'br', data: '<br/>' }, text('MEK')];
    expect(createMatcher(en, 'en').findInContent(content).map((h) => [h.text, h.start, h.end])).toEqual([
      ['Iran', 0, 4],
      ['MEK', 4, 7],
    ]);
  });
});

const fa = glossary([
  entry('khamenei', { en: ['Khamenei'], fa: ['خامنه‌ای'] }, { type: 'person' }),
  entry('mek', { en: ['MEK'], fa: ['سازمان مجاهدین خلق', { text: 'منافقین', status: 'forbidden' }] }, { type: 'organization' }),
  entry('iran', { en: ['Iran'], fa: ['ایران'] }, { type: 'place' }),
  entry('ncri', { en: ['NCRI'], fa: ['شورای ملی مقاومت ایران'] }),
  entry('basij', { en: ['Basij'], fa: ['بسیج'] }),
  entry('kayhan', { en: ['Kayhan'], fa: ['کیهان'] }),
  entry('maryam', { en: ['Maryam Rajavi'], fa: ['مریم رجوی'] }, { type: 'person' }),
]);

describe('Persian term matching', () => {
  const faHits = (text: string) =>
    createMatcher(fa, 'fa')
      .find(text)
      .map((h) => [h.text, h.conceptId]);

  it.each<[string, string]>([
    ['with ZWNJ', 'خامنه‌ای'],
    ['with a space', 'خامنه ای'],
    ['with nothing', 'خامنهای'],
    ['with Arabic yeh', 'خامنه‌اي'],
    ['with alef maksura', 'خامنه‌اى'],
    ['with tatweel', 'خامنـه‌ای'],
    ['with diacritics', 'خامِنه‌ای'],
    ['with plural suffix', 'خامنه‌ایها'],
    ['with plural suffix after ZWNJ', 'خامنه‌ای‌ها'],
    ['with plural-ezafe suffix', 'خامنه‌ای‌های'],
    ['with possessive suffix', 'خامنه‌ای‌اش'],
    ['with attached object marker', 'خامنه‌ای‌را'],
    ['with ezafe yeh', 'خامنه‌ای‌ی'],
    ['with a Latin neighbour', 'Khamenei (خامنه‌ای)'],
    ['in a sentence', 'رهبر جمهوری اسلامی، خامنه‌ای، گفت'],
  ])('satisfies خامنه‌ای: %s', (_, text) => {
    const found = createMatcher(fa, 'fa').find(text);
    expect(found.map((h) => h.conceptId)).toEqual(['khamenei']);
    const hit = found[0]!;
    expect(text.slice(hit.start, hit.end)).toBe(hit.text);
  });

  it.each<[string, string]>([
    ['glued to a preceding word', 'برخامنه‌ای'],
    ['after a prefix with ZWNJ', 'بی‌خامنه‌ای'],
    ['followed by letters that are no suffix', 'خامنه‌ایان'],
    ['only half of it', 'خامنه'],
    ['split by a full stop', 'خامنه. ای'],
  ])('does not satisfy خامنه‌ای: %s', (_, text) => {
    expect(faHits(text)).toEqual([]);
  });

  it('includes the suffix in the span and keeps the stem end', () => {
    const [hit] = createMatcher(fa, 'fa').find('از خامنه‌ای‌ها');
    expect(hit).toMatchObject({ start: 3, end: 14, stemEnd: 11, text: 'خامنه‌ای‌ها' });
  });

  it('folds Arabic kaf and yeh in text and in terms', () => {
    expect(faHits('روزنامه كيهان')).toEqual([['كيهان', 'kayhan']]);
    const arabic = glossary([entry('kayhan', { fa: ['كيهان'] })]);
    expect(createMatcher(arabic, 'fa').find('کیهان').map((h) => h.text)).toEqual(['کیهان']);
  });

  it('matches multi-word names with spaces, ZWNJ or nothing where the term has a space', () => {
    expect(faHits('شورای ملی مقاومت ایران')).toEqual([['شورای ملی مقاومت ایران', 'ncri']]);
    expect(faHits('شورای ملی‌مقاومت ایران')).toEqual([['شورای ملی‌مقاومت ایران', 'ncri']]);
    expect(faHits('مریم  رجوی')).toEqual([['مریم  رجوی', 'maryam']]);
  });

  it('does not invent a space where the term has none', () => {
    expect(faHits('بس یج')).toEqual([]);
    expect(faHits('ای ران')).toEqual([]);
  });

  it('does not take a word boundary for a joint: «ایران» is not found inside «ایرانشهر» but «ایران شهر» has it', () => {
    expect(faHits('ایرانشهر')).toEqual([]);
    expect(faHits('ایران شهر')).toEqual([['ایران', 'iran']]);
  });

  it('finds forbidden terms too, for checks to report', () => {
    expect(createMatcher(fa, 'fa').find('منافقین گفتند').map((h) => [h.conceptId, h.term.status])).toEqual([['mek', 'forbidden']]);
  });

  it('finds Latin acronyms inside Persian text', () => {
    const g = glossary([entry('mek', { fa: ['MEK'] })]);
    expect(createMatcher(g, 'fa').find('سازمان MEK گفت').map((h) => h.text)).toEqual(['MEK']);
  });
});

describe('spelling variants', () => {
  it('lets ZWNJ and spaces between Persian letters vary, and nothing else', () => {
    expect(spellingVariants('خامنه‌ای').sort()).toEqual(['خامنه ای', 'خامنهای'].sort());
    expect(spellingVariants('Iran-Iraq War')).toEqual(['Iran-Iraq War']);
    expect(spellingVariants('MEK')).toEqual(['MEK']);
    expect(spellingVariants('شورای ملی مقاومت ایران')).toHaveLength(8);
  });
});
