// How term matching scales with glossary size: the same ~1 MB English text is matched against
// deterministic glossaries of 100, 10,000 and 100,000 entries. Matching time per MB should not
// grow with the glossary (target: 100,000 entries at most 1.5× the time of 100).
//
//   npx tsc -p tsconfig.build.json && node bench/glossary-scaling.js

import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMatcher } from '../dist/glossary/matcher/index.js';

/** mulberry32: small, fast and the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = ['Ali', 'Hassan', 'Hossein', 'Maryam', 'Massoud', 'Mohammad', 'Reza', 'Fatemeh', 'Zahra', 'Mahmoud', 'Akbar', 'Mehdi', 'Narges', 'Shirin', 'Ebrahim', 'Javad', 'Hamid', 'Saeed', 'Leila', 'Nasrin', 'Kazem', 'Mostafa', 'Parvin', 'Abbas'];
const SYLLABLES = ['kha', 'me', 'nei', 'raf', 'san', 'ja', 'ni', 'ra', 'ja', 'vi', 'rou', 'ha', 'zad', 'eh', 'mou', 'sa', 'vi', 'lar', 'ija', 'ni', 'ta', 'ba', 'tai', 'gha', 'li', 'baf', 'shah', 'ro', 'khi', 'mir', 'dam', 'gha', 'di', 'far', 'pour', 'zar', 'ei', 'sol', 'ey', 'man', 'ka', 'ri', 'mi', 'nej', 'ad', 'bah', 'rami'];
const ORG_ADJECTIVES = ['National', 'Islamic', 'Revolutionary', 'Supreme', 'Central', 'Popular', 'Democratic', 'United', 'Independent', 'Provincial', 'Federal', 'Free', 'Workers', 'Students', 'Women’s', 'Judicial', 'Economic', 'Cultural'];
const ORG_NOUNS = ['Council', 'Front', 'Organization', 'Guard', 'Committee', 'Assembly', 'Foundation', 'Movement', 'Party', 'Union', 'Association', 'Court', 'Ministry', 'Agency', 'Corps', 'League', 'Centre', 'Society'];
const ORG_OBJECTS = ['Resistance', 'Security', 'Justice', 'Intelligence', 'Culture', 'Martyrs', 'Veterans', 'Teachers', 'Journalists', 'Guidance', 'Reconstruction', 'Labour', 'Defence', 'Prisoners'];
const PLACE_SUFFIX = ['Province', 'Prison', 'County', 'District', 'Square', 'Street', 'University', 'Airport'];
const EVENT_NOUNS = ['Uprising', 'Massacre', 'Protests', 'Agreement', 'Conference', 'Trials', 'Strike', 'Offensive'];
const FA_LETTERS = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function capital(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function surname(rand) {
  const n = 2 + Math.floor(rand() * 3);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rand, SYLLABLES);
  return capital(s);
}

function persian(rand, words) {
  const out = [];
  for (let w = 0; w < words; w++) {
    let s = '';
    const n = 3 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) s += pick(rand, FA_LETTERS);
    out.push(s);
  }
  return out.join(' ');
}

function acronym(words) {
  return words
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

/** The i-th entry of an endless deterministic stream, so smaller glossaries are prefixes of larger ones. */
function makeEntry(rand, i) {
  const kind = rand();
  const id = `e${i}`;
  if (kind < 0.4) {
    const first = pick(rand, FIRST_NAMES);
    const last = surname(rand);
    return {
      id,
      type: 'person',
      terms: {
        en: [{ text: `${first} ${last}`, status: 'preferred' }, { text: last, status: 'admitted' }],
        fa: [{ text: persian(rand, 2), status: 'preferred' }],
      },
    };
  }
  if (kind < 0.7) {
    const words = [pick(rand, ORG_ADJECTIVES), pick(rand, ORG_NOUNS), 'of', pick(rand, ORG_OBJECTS)];
    if (rand() < 0.5) words.push('of', surname(rand));
    const name = words.join(' ');
    const short = acronym(words) + (rand() < 0.5 ? '' : String.fromCharCode(65 + Math.floor(rand() * 26)));
    return {
      id,
      type: 'organization',
      terms: {
        en: [{ text: name, status: 'preferred' }, { text: short, status: 'admitted', abbreviation: true }],
        fa: [{ text: persian(rand, 4), status: 'preferred' }],
      },
    };
  }
  if (kind < 0.9) {
    const name = `${surname(rand)} ${pick(rand, PLACE_SUFFIX)}`;
    return { id, type: 'place', terms: { en: [{ text: name, status: 'preferred' }], fa: [{ text: persian(rand, 2), status: 'preferred' }] } };
  }
  const name = `${surname(rand)} ${pick(rand, EVENT_NOUNS)}`;
  return { id, type: 'event', terms: { en: [{ text: name, status: 'preferred', case: 'insensitive' }], fa: [{ text: persian(rand, 2), status: 'preferred' }] } };
}

export function makeGlossary(size, seed = 1388) {
  const rand = prng(seed);
  const entries = [];
  for (let i = 0; i < size; i++) entries.push(makeEntry(rand, i));
  return { languages: ['en', 'fa'], entries, origins: new Map() };
}

const SUBJECTS = ['Officials', 'Witnesses', 'Rights groups', 'The ministry', 'Lawyers', 'Relatives of the prisoners', 'Local reporters', 'Diplomats', 'The prosecutor', 'Analysts'];
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
];
const TAILS = ['on Monday', 'late on Friday', 'in a statement', 'according to state media', 'without giving details', 'in an interview', 'despite earlier denials'];

/** About `bytes` of English news prose; one sentence in three names one of the first 100 entries. */
export function makeText(bytes, glossary, seed = 598) {
  const rand = prng(seed);
  const known = glossary.entries.slice(0, 100).flatMap((e) => e.terms.en.map((t) => t.text));
  const paragraphs = [];
  let size = 0;
  while (size < bytes) {
    const sentences = [];
    const count = 3 + Math.floor(rand() * 4);
    for (let s = 0; s < count; s++) {
      const r = rand();
      const tail = pick(rand, TAILS);
      let sentence;
      if (r < 0.15) sentence = `${pick(rand, known)} ${pick(rand, VERBS)} ${pick(rand, CLAUSES)} ${tail}.`;
      else if (r < 0.25) sentence = `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} that ${pick(rand, known)}’s office was closed ${tail}.`;
      else if (r < 0.33) sentence = `${pick(rand, SUBJECTS)} close to the ${pick(rand, known)} ${pick(rand, VERBS)} ${pick(rand, CLAUSES)}.`;
      else sentence = `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, CLAUSES)} ${tail}.`;
      sentences.push(sentence);
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return paragraphs.join('\n\n');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// The best of several rounds is what the code costs; the other rounds measure whatever else the
// machine was doing, which on a shared machine can double the time of a single run.
const best = (values) => Math.min(...values);

/**
 * Runs the benchmark and returns its figures; `log` receives the printed lines
 * (pass `() => {}` to stay silent).
 */
export async function runGlossaryScaling({ sizes = [100, 10_000, 100_000], textBytes = 1_000_000, runs = 9, log = console.log } = {}) {
  const largest = makeGlossary(Math.max(...sizes));
  const text = makeText(textBytes, largest);
  const mb = Buffer.byteLength(text) / 1_000_000;
  const paragraphs = text.split('\n\n');
  const built = [];
  for (const size of sizes) {
    const glossary = { ...largest, entries: largest.entries.slice(0, size) };
    globalThis.gc?.();
    const t0 = performance.now();
    const matcher = createMatcher(glossary, 'en');
    matcher.find('warm up the build');
    built.push({ size, matcher, buildMs: performance.now() - t0, whole: [], split: [], hits: 0 });
  }
  // Sizes take turns in every round, so JIT warm-up and machine noise fall on all of them alike;
  // the first two rounds only warm up.
  for (let round = 0; round < runs + 2; round++) {
    for (const b of built) {
      const t0 = performance.now();
      b.hits = b.matcher.find(text).length;
      const t1 = performance.now();
      for (const p of paragraphs) b.matcher.find(p);
      const t2 = performance.now();
      if (round >= 2) {
        b.whole.push((t1 - t0) / mb);
        b.split.push((t2 - t1) / mb);
      }
    }
  }
  const results = built.map((b) => ({
    entries: b.size,
    buildMs: b.buildMs,
    matchMsPerMb: best(b.whole),
    paragraphMsPerMb: best(b.split),
    medianMatchMsPerMb: median(b.whole),
    medianParagraphMsPerMb: median(b.split),
    hits: b.hits,
  }));
  const first = results[0];
  const last = results[results.length - 1];
  const ratio = last.matchMsPerMb / first.matchMsPerMb;
  const paragraphRatio = last.paragraphMsPerMb / first.paragraphMsPerMb;
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version };

  log(`glossary scaling: ${mb.toFixed(2)} MB of English text, ${paragraphs.length} paragraphs, best of ${runs} rounds (median in brackets)`);
  log(`machine: ${machine.cpu} (${machine.cores} cores), node ${machine.node}`);
  log('entries   build ms   whole text ms/MB   by paragraph ms/MB     hits');
  const cell = (a, m) => `${a.toFixed(1)} (${m.toFixed(1)})`;
  for (const r of results)
    log(
      `${String(r.entries).padStart(7)}  ${r.buildMs.toFixed(0).padStart(9)}  ${cell(r.matchMsPerMb, r.medianMatchMsPerMb).padStart(17)}  ${cell(r.paragraphMsPerMb, r.medianParagraphMsPerMb).padStart(19)}  ${String(r.hits).padStart(7)}`,
    );
  log(`ratio ${last.entries}/${first.entries}: ${ratio.toFixed(2)}× whole text, ${paragraphRatio.toFixed(2)}× by paragraph (target ≤ 1.5×)`);
  return { machine, textMb: mb, results, ratio, paragraphRatio };
}

export default runGlossaryScaling;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runGlossaryScaling();
}
