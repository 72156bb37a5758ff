// An archive of many articles through `tarjoman run`, as a publisher would put one in: pages of a
// few kilobytes in text, Markdown and HTML, the shipped glossary, the shipped pipeline pointed at
// them. The first run extracts everything; the second finds nothing changed and must be quick.
// Each run is a whole process, start-up included, measured for wall time and peak RSS.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS, cacheDir, label, makeArticles, makeGlossary } from './corpus.js';
import { runMeasured } from './child.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'tarjoman.js');

/** The archive's folder with `count` pages in turn text, Markdown and HTML, made once per seed and count. */
function archiveDir(count, seed, pageBytes) {
  const dir = join(cacheDir(seed), `archive-${count}-${label(pageBytes)}`);
  if (existsSync(join(dir, 'done'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  const names = makeGlossary(100, seed);
  const formats = Object.keys(FORMATS);
  for (const format of formats) mkdirSync(join(dir, 'archive', format), { recursive: true });
  for (let i = 0; i < count; i++) {
    const format = formats[i % formats.length];
    const page = makeArticles(pageBytes, format, { seed: seed * 100_000 + i, glossary: names });
    writeFileSync(join(dir, 'archive', format, `page-${String(i).padStart(6, '0')}.${FORMATS[format]}`), page);
  }
  writeFileSync(join(dir, 'done'), '');
  return dir;
}

/** The shipped pipeline, reading the archive instead of the examples. */
function pipeline(dir) {
  const shipped = readFileSync(join(ROOT, 'pipelines', 'news-en-fa.yaml'), 'utf8');
  const inputs = Object.entries(FORMATS).map(([format, ext]) => `  - archive/${format}/*.${ext}`).join('\n');
  const text = shipped.replace(/^inputs:\n(?: {2}- .*\n)+/mu, `inputs:\n${inputs}\n`).replace(/^( {2}inbox:).*$/mu, '$1 work/inbox');
  if (!text.includes('archive/html')) throw new Error('the shipped pipeline no longer has the layout the archive bench rewrites');
  mkdirSync(join(dir, 'pipelines'), { recursive: true });
  writeFileSync(join(dir, 'pipelines', 'archive.yaml'), text);
  cpSync(join(ROOT, 'glossary'), join(dir, 'glossary'), { recursive: true });
}

/** `{ documents, bytes, runs: [{ run, seconds, maxRssKb }] }`, or a failure. */
export async function archiveRuns(ctx, { count = 10_000, pageBytes = 4_000 } = {}) {
  ctx.log(`  making an archive of ${count.toLocaleString('en')} pages`);
  const source = archiveDir(count, ctx.seed, pageBytes);
  // A fresh copy each time: the runs write their state and kits beside the archive.
  const dir = `${source}.run-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true });
  let bytes = 0;
  for (const format of Object.keys(FORMATS)) for (const name of readdirSync(join(dir, 'archive', format))) bytes += statSync(join(dir, 'archive', format, name)).size;
  pipeline(dir);
  const runs = [];
  try {
    for (const run of ['first', 'again']) {
      ctx.log(`  tarjoman run (${run})`);
      const r = await runMeasured(process.execPath, [BIN, 'run', 'pipelines/archive.yaml', '--no-progress'], { cwd: dir, timeoutSeconds: 900 });
      if (r.timedOut || r.code !== 0) {
        runs.push({ run, failed: true, reason: r.timedOut ? 'timed out after 900 s' : `exit ${r.code}: ${r.stderr.trim().split('\n').slice(-1)[0]}`, maxRssKb: r.maxRssKb });
        break;
      }
      runs.push({ run, seconds: r.seconds, maxRssKb: r.maxRssKb });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { documents: count, bytes, runs };
}
