// Exact-match sentence segmentation accuracy of tarjoman's SRX rules against other splitters,
// on the golden sets (the tuning sets and the held-out sets the rules were never tuned on).
// Needs the compiled engine: `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sbd from 'sbd';
import { split as splitSentences } from 'sentence-splitter';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'tests', 'fixtures', 'segmentation');

export const SETS = [
  { name: 'en (tuning)', lang: 'en', file: 'en.json' },
  { name: 'en (held-out)', lang: 'en', file: 'en-heldout.json' },
  { name: 'fa (tuning)', lang: 'fa', file: 'fa.json' },
  { name: 'fa (held-out)', lang: 'fa', file: 'fa-heldout.json' },
];

const trimmed = (pieces) => pieces.map((s) => s.trim()).filter((s) => s.length > 0);

async function loadEngine() {
  const index = join(root, 'dist', 'segment', 'srx', 'index.js');
  if (!existsSync(index)) throw new Error('the compiled engine is missing: run `npm run build` first');
  const { createSegmenter } = await import(pathToFileURL(index).href);
  const { sentences } = await import(pathToFileURL(join(root, 'dist', 'segment', 'sentences.js')).href);
  return { createSegmenter, sentences };
}

/** Each splitter as `(text, lang) => string[]`, whitespace around sentences trimmed. */
export async function splitters() {
  const { createSegmenter, sentences } = await loadEngine();
  return [
    {
      name: 'tarjoman (SRX)',
      split: (text, lang) => sentences(text, createSegmenter(lang).breaks(text)).map((s) => s.text),
    },
    {
      name: 'Intl.Segmenter',
      split: (text, lang) =>
        trimmed([...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((s) => s.segment)),
    },
    {
      name: 'sentence-splitter',
      split: (text) => trimmed(splitSentences(text).filter((n) => n.type === 'Sentence').map((n) => n.raw)),
    },
    {
      // preserve_whitespace keeps sbd from rewriting the text, so exact matches are possible.
      name: 'sbd',
      split: (text) => trimmed(sbd.sentences(text, { preserve_whitespace: true })),
    },
  ];
}

/** Accuracy of every splitter on every set: `{ machine, node, splitters, rows: [{ set, cases, results }] }`. */
export async function runSegmentationAccuracy() {
  const list = await splitters();
  const rows = SETS.map((set) => {
    const cases = JSON.parse(readFileSync(join(fixtures, set.file), 'utf8'));
    const results = list.map((splitter) => {
      let correct = 0;
      const started = performance.now();
      for (const c of cases) {
        let got;
        try {
          got = splitter.split(c.input, set.lang);
        } catch {
          got = undefined;
        }
        if (JSON.stringify(got) === JSON.stringify(c.expected)) correct += 1;
      }
      return { splitter: splitter.name, correct, accuracy: correct / cases.length, ms: performance.now() - started };
    });
    return { set: set.name, cases: cases.length, results };
  });
  return { machine: os.cpus()[0]?.model ?? 'unknown', node: process.version, splitters: list.map((s) => s.name), rows };
}

/** The results as a markdown table, one row per set, one column per splitter. */
export function formatAccuracyTable(report) {
  const header = `| set | cases | ${report.splitters.join(' | ')} |`;
  const rule = `|---|---:|${report.splitters.map(() => '---:').join('|')}|`;
  const lines = report.rows.map(
    (row) =>
      `| ${row.set} | ${row.cases} | ${row.results
        .map((r) => `${(r.accuracy * 100).toFixed(1)}% (${r.correct})`)
        .join(' | ')} |`,
  );
  return [
    '### Sentence segmentation: exact-match accuracy',
    '',
    header,
    rule,
    ...lines,
    '',
    `Machine: ${report.machine}, Node ${report.node}. A case counts only if every sentence matches exactly.`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSegmentationAccuracy().then(
    (report) => console.log(formatAccuracyTable(report)),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
