// `npm run bench`: every benchmark in one run, so figures for tarjoman and its peers come from the
// same machine at the same time, and bench/RESULTS.md is written from them. Not part of
// `npm test`: timings belong here, never in assertions. Needs `npm run build` first (the npm
// script does it).
//
//   node bench/run.js                 full run (1, 10 and 100 MB), writes bench/RESULTS.md
//   node bench/run.js --quick         1 and 10 MB only, writes bench/.corpus/RESULTS-quick.md
//   node bench/run.js --only NAME     one section (extraction, glossary, xliff, cli, archive, segmentation, job-runner)
//   node bench/run.js --seed N        another corpus
//   node bench/run.js --budget MIN    large cases that would end the run after MIN minutes are skipped
//   node bench/run.js --render        rewrite bench/RESULTS.md from the last full run's figures, measuring nothing
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE_DIR, DEFAULT_SEED, cacheDir } from './corpus.js';
import { MB, cliMemory, extraction, glossaryScaling, prepareCorpus, xliffReading } from './sections.js';
import { installed } from './child.js';
import { renderResults } from './report.js';

const SECTIONS = ['extraction', 'glossary', 'xliff', 'cli', 'archive', 'segmentation', 'job-runner'];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    render: { type: 'boolean', default: false },
    budget: { type: 'string' },
  },
});
if (values.render) {
  // After a change to the report's layout only; the figures stay those of the last full run.
  const saved = JSON.parse(readFileSync(join(CACHE_DIR, 'results-full.json'), 'utf8'));
  writeFileSync(join(import.meta.dirname, 'RESULTS.md'), renderResults(saved));
  console.log(`bench/RESULTS.md rewritten from the run of ${saved.date}`);
  process.exit(0);
}
if (values.only !== undefined && !SECTIONS.includes(values.only)) {
  console.error(`--only takes one of: ${SECTIONS.join(', ')}`);
  process.exit(2);
}
if (!existsSync(join(import.meta.dirname, '..', 'dist', 'xliff', 'read', 'index.js'))) {
  console.error('the compiled code is missing: run `npm run build` first (or `npm run bench`)');
  process.exit(2);
}

const seed = Number(values.seed);
const quick = values.quick;
const wanted = (name) => values.only === undefined || values.only === name;
const ctx = {
  seed,
  quick,
  dir: cacheDir(seed),
  sizes: quick ? [MB, 10 * MB] : [MB, 10 * MB, 100 * MB],
  glossaries: [100, 10_000, 100_000],
  log: (line) => console.log(line),
  // Checked before each large case; cases that run without a projection (the smallest size) are not stopped.
  deadline: values.budget === undefined ? undefined : Date.now() + Number(values.budget) * 60_000,
};

function pocountVersion() {
  if (!installed('pocount')) return undefined;
  try {
    // The interpreter pocount itself runs under, which need not be the first python3 on the PATH.
    const script = execFileSync('sh', ['-c', 'command -v pocount'], { encoding: 'utf8' }).trim();
    const python = /^#!\s*(\S+)/u.exec(readFileSync(script, 'utf8').split('\n', 1)[0] ?? '')?.[1] ?? 'python3';
    const version = execFileSync(python, ['-c', 'import translate.__version__ as v; print(v.sver)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `Translate Toolkit ${version}`;
  } catch {
    return 'Translate Toolkit (version unknown)';
  }
}

const started = Date.now();
const results = {
  command: `node bench/run.js${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
  date: new Date().toISOString().replace(/\.\d+Z$/u, 'Z'),
  seed,
  quick,
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGb: (os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    pocount: pocountVersion(),
    loadBefore: os.loadavg()[0].toFixed(1),
  },
};

console.log(`benchmark corpus in ${ctx.dir} (seed ${seed})`);
prepareCorpus(ctx);
if (wanted('extraction')) {
  console.log('\n## extraction');
  results.extraction = await extraction(ctx);
}
if (wanted('glossary')) {
  console.log('\n## glossary size');
  results.glossary = await glossaryScaling(ctx);
}
if (wanted('xliff')) {
  console.log('\n## XLIFF reading against peers');
  results.reading = await xliffReading(ctx);
}
if (wanted('cli')) {
  console.log('\n## the CLI: qa and merge');
  results.cli = await cliMemory(ctx);
}
if (wanted('archive')) {
  console.log('\n## an archive through the job runner');
  const { archiveRuns } = await import('./archive.js');
  results.archive = await archiveRuns(ctx, { count: quick ? 1_000 : 10_000 });
}
if (wanted('segmentation')) {
  console.log('\n## segmentation accuracy');
  const { formatAccuracyTable, runSegmentationAccuracy } = await import('./segmentation-accuracy.js');
  results.segmentation = formatAccuracyTable(await runSegmentationAccuracy());
}
if (wanted('job-runner') && existsSync(join(import.meta.dirname, 'job-runner.js'))) {
  console.log('\n## job runner');
  const { runJobRunnerBench } = await import('./job-runner.js');
  const out = await runJobRunnerBench();
  results.jobRunner = typeof out === 'string' ? out : `\`\`\`json\n${JSON.stringify(out, null, 2)}\n\`\`\``;
}
results.totalSeconds = (Date.now() - started) / 1000;
results.machine.loadAfter = os.loadavg()[0].toFixed(1);
results.targets = values.only === undefined || ['extraction', 'glossary', 'xliff', 'cli'].includes(values.only);

const markdown = renderResults(results);
// Only a full run of every section replaces the committed results; other runs go beside the corpus.
const full = !quick && values.only === undefined && seed === DEFAULT_SEED;
mkdirSync(CACHE_DIR, { recursive: true });
const out = full ? join(import.meta.dirname, 'RESULTS.md') : join(CACHE_DIR, `RESULTS-${quick ? 'quick' : 'partial'}${values.only ? `-${values.only}` : ''}.md`);
writeFileSync(out, markdown);
// The raw figures beside the corpus, for comparing runs without parsing Markdown.
writeFileSync(join(CACHE_DIR, `results-${quick ? 'quick' : full ? 'full' : 'partial'}.json`), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${markdown}\nwritten to ${out}`);
