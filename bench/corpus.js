// Deterministic benchmark corpus: news articles as plain text, Markdown and HTML, and glossaries
// of people, organisations, places and events with Persian forms. The same seed gives the same
// bytes on every machine (no Math.random, no dates from the clock, no locale-dependent
// formatting), so figures from two runs or two machines describe the same input.
//
// Articles name only the first 100 glossary entries: every glossary is a prefix of the larger
// ones, so the same text finds the same terms whatever the glossary size, and a change in
// matching time measures the glossary's size alone.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Bumped whenever the generator's output changes, so cached files from an older generator are not reused. */
export const CORPUS_VERSION = 1;
export const DEFAULT_SEED = 1388;
export const CACHE_DIR = join(import.meta.dirname, '.corpus');
export const FORMATS = { text: 'txt', markdown: 'md', html: 'html' };

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// Given names with their usual Persian spelling; surnames are built from syllables, each with a
// Persian rendering, so a generated name has a plausible Persian form rather than random letters.
const FIRST_NAMES = {
  Ali: 'علی', Hassan: 'حسن', Hossein: 'حسین', Maryam: 'مریم', Massoud: 'مسعود', Mohammad: 'محمد', Reza: 'رضا',
  Fatemeh: 'فاطمه', Zahra: 'زهرا', Mahmoud: 'محمود', Akbar: 'اکبر', Mehdi: 'مهدی', Narges: 'نرگس', Shirin: 'شیرین',
  Ebrahim: 'ابراهیم', Javad: 'جواد', Hamid: 'حمید', Saeed: 'سعید', Leila: 'لیلا', Nasrin: 'نسرین', Kazem: 'کاظم',
  Mostafa: 'مصطفی', Parvin: 'پروین', Abbas: 'عباس', Nader: 'نادر', Soheila: 'سهیلا', Behrouz: 'بهروز', Golnar: 'گلنار',
};
const SYLLABLES = [
  ['kha', 'خا'], ['me', 'مه'], ['nei', 'نه‌ای'], ['raf', 'رف'], ['san', 'سن'], ['ja', 'جا'], ['ni', 'نی'], ['ra', 'را'],
  ['vi', 'وی'], ['rou', 'رو'], ['ha', 'ها'], ['zad', 'زاد'], ['eh', 'ه'], ['mou', 'مو'], ['sa', 'سا'], ['lar', 'لار'],
  ['ta', 'تا'], ['ba', 'با'], ['tai', 'تایی'], ['gha', 'قا'], ['li', 'لی'], ['baf', 'باف'], ['shah', 'شاه'], ['ro', 'رو'],
  ['khi', 'خی'], ['mir', 'میر'], ['dam', 'دام'], ['di', 'دی'], ['far', 'فر'], ['pour', 'پور'], ['zar', 'زر'],
  ['sol', 'سل'], ['man', 'من'], ['ka', 'کا'], ['ri', 'ری'], ['mi', 'می'], ['nej', 'نژ'], ['ad', 'اد'], ['bah', 'به'],
  ['rami', 'رامی'], ['dous', 'دوس'], ['ti', 'تی'], ['ya', 'یا'], ['zan', 'زن'], ['gan', 'گان'], ['dar', 'دار'],
];
const ORG_ADJECTIVES = {
  National: 'ملی', Islamic: 'اسلامی', Revolutionary: 'انقلابی', Supreme: 'عالی', Central: 'مرکزی', Popular: 'مردمی',
  Democratic: 'دموکراتیک', United: 'متحد', Independent: 'مستقل', Provincial: 'استانی', Federal: 'فدرال', Free: 'آزاد',
  Workers: 'کارگران', Students: 'دانشجویان', Judicial: 'قضایی', Economic: 'اقتصادی', Cultural: 'فرهنگی',
};
const ORG_NOUNS = {
  Council: 'شورای', Front: 'جبهه', Organization: 'سازمان', Guard: 'سپاه', Committee: 'کمیته', Assembly: 'مجمع',
  Foundation: 'بنیاد', Movement: 'جنبش', Party: 'حزب', Union: 'اتحادیه', Association: 'انجمن', Court: 'دادگاه',
  Ministry: 'وزارت', Agency: 'خبرگزاری', Corps: 'سپاه', League: 'اتحادیه', Centre: 'مرکز', Society: 'جامعه',
};
const ORG_OBJECTS = {
  Resistance: 'مقاومت', Security: 'امنیت', Justice: 'عدالت', Intelligence: 'اطلاعات', Culture: 'فرهنگ', Martyrs: 'شهدا',
  Veterans: 'ایثارگران', Teachers: 'معلمان', Journalists: 'روزنامه‌نگاران', Guidance: 'ارشاد', Reconstruction: 'بازسازی',
  Labour: 'کار', Defence: 'دفاع', Prisoners: 'زندانیان',
};
const PLACE_SUFFIX = { Province: 'استان', Prison: 'زندان', County: 'شهرستان', District: 'منطقه', Square: 'میدان', Street: 'خیابان', University: 'دانشگاه', Airport: 'فرودگاه' };
const EVENT_NOUNS = { Uprising: 'قیام', Massacre: 'کشتار', Protests: 'اعتراضات', Agreement: 'توافق', Conference: 'کنفرانس', Trials: 'محاکمات', Strike: 'اعتصاب', Offensive: 'حمله' };

function surname(rand) {
  const n = 2 + Math.floor(rand() * 3);
  let en = '';
  let fa = '';
  for (let i = 0; i < n; i++) {
    const [e, f] = pick(rand, SYLLABLES);
    en += e;
    fa += f;
  }
  return { en: capital(en), fa };
}

const keyOf = (map, rand) => pick(rand, Object.keys(map));

/** One candidate concept; the caller rejects names already taken so that every term names one concept. */
function makeConcept(rand, index) {
  const kind = rand();
  if (kind < 0.4) {
    const first = keyOf(FIRST_NAMES, rand);
    const last = surname(rand);
    return {
      id: `person.p${index}`,
      type: 'person',
      terms: {
        en: [
          { text: `${first} ${last.en}`, status: 'preferred', case: 'sensitive' },
          { text: last.en, status: 'admitted', case: 'sensitive' },
        ],
        fa: [{ text: `${FIRST_NAMES[first]} ${last.fa}`, status: 'preferred' }],
      },
    };
  }
  if (kind < 0.7) {
    const adjective = keyOf(ORG_ADJECTIVES, rand);
    const noun = keyOf(ORG_NOUNS, rand);
    const object = keyOf(ORG_OBJECTS, rand);
    const words = [adjective, noun, 'of', object];
    let fa = `${ORG_NOUNS[noun]} ${ORG_ADJECTIVES[adjective]} ${ORG_OBJECTS[object]}`;
    if (rand() < 0.6) {
      const place = surname(rand);
      words.push('of', place.en);
      fa += ` ${place.fa}`;
    }
    const letters = words.filter((w) => /^[A-Z]/u.test(w)).map((w) => w[0]).join('');
    const acronym = letters + String.fromCharCode(65 + Math.floor(rand() * 26));
    return {
      id: `org.o${index}`,
      type: 'organization',
      terms: {
        en: [
          { text: words.join(' '), status: 'preferred', case: 'sensitive' },
          { text: acronym, status: 'admitted', case: 'sensitive', abbreviation: true },
        ],
        fa: [{ text: fa, status: 'preferred' }],
      },
    };
  }
  if (kind < 0.9) {
    const place = surname(rand);
    const suffix = keyOf(PLACE_SUFFIX, rand);
    return {
      id: `place.l${index}`,
      type: 'place',
      terms: { en: [{ text: `${place.en} ${suffix}`, status: 'preferred', case: 'sensitive' }], fa: [{ text: `${PLACE_SUFFIX[suffix]} ${place.fa}`, status: 'preferred' }] },
    };
  }
  const place = surname(rand);
  const noun = keyOf(EVENT_NOUNS, rand);
  return {
    id: `event.v${index}`,
    type: 'event',
    terms: { en: [{ text: `${place.en} ${noun}`, status: 'preferred', case: 'insensitive' }], fa: [{ text: `${EVENT_NOUNS[noun]} ${place.fa}`, status: 'preferred' }] },
  };
}

/**
 * A glossary of exactly `size` concepts in the shape of `glossary/en-fa/*.yaml`. Entries come
 * from one endless stream, so a smaller glossary is a prefix of a larger one with the same seed.
 */
export function makeGlossary(size, seed = DEFAULT_SEED) {
  const rand = prng(seed);
  const taken = new Set();
  const entries = [];
  while (entries.length < size) {
    const concept = makeConcept(rand, entries.length);
    const names = concept.terms.en.map((t) => t.text.toLowerCase());
    if (names.some((n) => taken.has(n))) continue;
    for (const n of names) taken.add(n);
    entries.push(concept);
  }
  return { languages: ['en', 'fa'], entries, origins: new Map() };
}

// ---- articles -------------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SUBJECTS = ['Officials', 'Witnesses', 'Rights groups', 'The ministry', 'Lawyers', 'Relatives of the prisoners', 'Local reporters', 'Diplomats', 'The prosecutor', 'Analysts', 'A spokesman', 'Residents'];
const VERBS = ['said', 'reported', 'confirmed', 'denied', 'warned', 'claimed', 'announced', 'insisted', 'told reporters'];
const CLAUSES = [
  'that the trial would resume next week',
  'that dozens had been arrested overnight',
  'that the statement was issued after a closed meeting',
  'that the border crossing remained shut',
  'that new sanctions were being prepared',
  'that the ceasefire had collapsed in the north',
  'that several journalists were still missing',
  'that the vote had been postponed again',
  'that the families had not been told where the prisoners were held',
  'that the budget for the coming year had been cut',
];
const TAILS = ['on Monday', 'late on Friday', 'in a statement', 'according to state media', 'without giving details', 'in an interview', 'despite earlier denials', 'for the second time this month'];
const QUOTES = [
  'We will not be silenced',
  'Nobody has told us anything about where he is',
  'The figures speak for themselves',
  'This is not the first time, and it will not be the last',
  'We demand an independent investigation',
  'The court never showed us the evidence',
];
const UNITS = ['people', 'prisoners', 'protesters', 'workers', 'students', 'families', 'cities'];
const TOPICS = ['Arrests', 'Trial', 'Sanctions', 'Strike', 'Vote', 'Protests', 'Talks', 'Budget', 'Executions', 'Elections'];
const SLUGS = ['report', 'statement', 'analysis', 'interview', 'timeline', 'background'];

const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');

/**
 * An article as format-neutral pieces: inline spans are `{ text }`, `{ em }`, `{ strong }` and
 * `{ link, href }`, so the three formats carry exactly the same words.
 */
function makeArticle(rand, names, n) {
  const date = () => `${1 + Math.floor(rand() * 28)} ${pick(rand, MONTHS)} ${2015 + Math.floor(rand() * 10)}`;
  const name = () => pick(rand, names);
  const sentence = () => {
    const r = rand();
    const tail = pick(rand, TAILS);
    if (r < 0.15) return [{ text: `${name()} ${pick(rand, VERBS)} ${pick(rand, CLAUSES)} ${tail}.` }];
    if (r < 0.25) return [{ text: `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} that ` }, { strong: name() }, { text: `’s office was closed ${tail}.` }];
    if (r < 0.35) return [{ text: `At least ${grouped(Math.floor(rand() * 5000) + 2)} ${pick(rand, UNITS)} were affected, ${pick(rand, SUBJECTS).toLowerCase()} ${pick(rand, VERBS)} on ${date()}.` }];
    if (r < 0.45) return [{ text: `“${pick(rand, QUOTES)},” ${pick(rand, ['a relative', 'one witness', 'a lawyer', 'a student'])} told ` }, { em: name() }, { text: '.' }];
    if (r < 0.55) return [{ text: `According to ` }, { link: `the ${pick(rand, SLUGS)} by ${name()}`, href: `https://news.example.org/${2015 + Math.floor(rand() * 10)}/${pick(rand, SLUGS)}-${Math.floor(rand() * 100000)}` }, { text: `, ${(rand() * 100).toFixed(1)} percent of the ${pick(rand, UNITS)} believe ${pick(rand, CLAUSES)}.` }];
    if (r < 0.62) return [{ text: `${pick(rand, SUBJECTS)} close to the ${name()} ${pick(rand, VERBS)} ${pick(rand, CLAUSES)}.` }];
    return [{ text: `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, CLAUSES)} ${tail}.` }];
  };
  const paragraph = () => {
    const spans = [];
    const count = 2 + Math.floor(rand() * 4);
    for (let i = 0; i < count; i++) {
      if (i > 0) spans.push({ text: ' ' });
      spans.push(...sentence());
    }
    return spans;
  };
  const blocks = [];
  const paragraphs = 4 + Math.floor(rand() * 8);
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0 && p % 4 === 0) blocks.push({ kind: 'heading', spans: [{ text: `${pick(rand, TOPICS)} in ${name()}` }] });
    if (rand() < 0.08) blocks.push({ kind: 'quote', spans: [{ text: `“${pick(rand, QUOTES)}. ${pick(rand, QUOTES)}.”` }] });
    else blocks.push({ kind: 'paragraph', spans: paragraph() });
  }
  const topic = pick(rand, TOPICS);
  return {
    title: `${topic}: ${name()} and the ${pick(rand, ['crackdown', 'inquiry', 'talks', 'strike', 'appeal'])} (${n})`,
    byline: `By ${pick(rand, Object.keys(FIRST_NAMES))} ${capital(pick(rand, SYLLABLES)[0] + pick(rand, SYLLABLES)[0])}, ${pick(rand, WEEKDAYS)} ${date()}`,
    blocks,
  };
}

const escapeHtml = (s) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

const RENDER = {
  text: {
    span: (s) => s.text ?? s.em ?? s.strong ?? `${s.link} (${s.href})`,
    article(a, spans) {
      const body = a.blocks.map((b) => (b.kind === 'quote' ? `    ${spans(b.spans)}` : spans(b.spans)));
      return `${a.title}\n\n${a.byline}\n\n${body.join('\n\n')}\n\n`;
    },
  },
  markdown: {
    span: (s) => (s.text ?? (s.em ? `*${s.em}*` : s.strong ? `**${s.strong}**` : `[${s.link}](${s.href})`)),
    article(a, spans) {
      const body = a.blocks.map((b) => (b.kind === 'heading' ? `### ${spans(b.spans)}` : b.kind === 'quote' ? `> ${spans(b.spans)}` : spans(b.spans)));
      return `## ${a.title}\n\n*${a.byline}*\n\n${body.join('\n\n')}\n\n`;
    },
  },
  html: {
    span: (s) =>
      s.text !== undefined ? escapeHtml(s.text) : s.em ? `<em>${escapeHtml(s.em)}</em>` : s.strong ? `<strong>${escapeHtml(s.strong)}</strong>` : `<a href="${s.href}">${escapeHtml(s.link)}</a>`,
    article(a, spans) {
      const body = a.blocks.map((b) => (b.kind === 'heading' ? `<h3>${spans(b.spans)}</h3>` : b.kind === 'quote' ? `<blockquote><p>${spans(b.spans)}</p></blockquote>` : `<p>${spans(b.spans)}</p>`));
      return `<article>\n<h2>${escapeHtml(a.title)}</h2>\n<p class="byline">${escapeHtml(a.byline)}</p>\n${body.join('\n')}\n</article>\n`;
    },
  },
};

const HTML_HEAD = '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Archive</title></head>\n<body>\n';
const HTML_TAIL = '</body>\n</html>\n';

/**
 * About `bytes` bytes of articles in one format (`text`, `markdown` or `html`), whole articles
 * only: the result ends at the first article boundary past `bytes`, a few kilobytes at most.
 * The same seed gives the same articles in every format.
 */
export function makeArticles(bytes, format, { seed = DEFAULT_SEED, glossary = makeGlossary(100, seed) } = {}) {
  const render = RENDER[format];
  if (!render) throw new Error(`unknown format ${format}`);
  const rand = prng(seed ^ 0x5eed);
  const names = glossary.entries.slice(0, 100).flatMap((e) => e.terms.en.map((t) => t.text));
  const spans = (list) => list.map(render.span).join('');
  const head = format === 'html' ? HTML_HEAD : '';
  const tail = format === 'html' ? HTML_TAIL : '';
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let n = 1; size < bytes; n++) {
    const article = render.article(makeArticle(rand, names, n), spans);
    parts.push(article);
    size += Buffer.byteLength(article);
  }
  parts.push(tail);
  // A text file ends with a single newline, as editors save it.
  const joined = parts.join('');
  return format === 'html' ? joined : joined.replace(/\n+$/u, '\n');
}

// ---- cache ----------------------------------------------------------------------------------

export const label = (bytes) => (bytes >= 1e6 ? `${Math.round(bytes / 1e6)}mb` : `${Math.round(bytes / 1e3)}kb`);

export function cacheDir(seed = DEFAULT_SEED) {
  const dir = join(CACHE_DIR, `v${CORPUS_VERSION}-seed${seed}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Written under a temporary name first, so an interrupted run never leaves a truncated file to be reused. */
function writeOnce(path, make) {
  if (existsSync(path)) return path;
  const tmp = `${path}.partial-${process.pid}`;
  writeFileSync(tmp, make());
  renameSync(tmp, path);
  return path;
}

/** The cached article file for this size and format, made on first use. */
export function articleFile(bytes, format, seed = DEFAULT_SEED) {
  const path = join(cacheDir(seed), `articles-${label(bytes)}.${FORMATS[format]}`);
  return writeOnce(path, () => makeArticles(bytes, format, { seed }));
}

const GLOSSARY_FILES = { person: 'people.yaml', organization: 'organizations.yaml', place: 'places.yaml', event: 'events.yaml' };

/** The cached glossary folder of `size` entries, one YAML file per concept type as in the shipped glossary. */
export function glossaryDir(size, seed = DEFAULT_SEED) {
  const dir = join(cacheDir(seed), `glossary-${size}`);
  if (existsSync(join(dir, 'done'))) return dir;
  mkdirSync(dir, { recursive: true });
  const { entries } = makeGlossary(size, seed);
  for (const [type, file] of Object.entries(GLOSSARY_FILES)) {
    const doc = { languages: ['en', 'fa'], domain: `benchmark: ${type}`, entries: entries.filter((e) => e.type === type) };
    writeFileSync(join(dir, file), stringify(doc, { lineWidth: 0 }));
  }
  writeFileSync(join(dir, 'done'), '');
  return dir;
}
