// The measured sections of `npm run bench`. Each measurement runs in a fresh process (see
// child.js); a section returns plain rows that report.js turns into tables.
//
// Every case has a time limit. A large case whose time, projected linearly from the next smaller
// size, would pass its limit is not started: the row says so and gives the projection, which
// keeps the full run within minutes while still saying how far the code is from the target.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORMATS, articleFile, glossaryDir, label } from './corpus.js';
import { installed, measure, runMeasured } from './child.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'tarjoman.js');
const DIST = join(import.meta.dirname, '..', 'dist');
export const MB = 1e6;

/**
 * XLIFF files are made by tarjoman itself, so they are cached per build of the code that makes
 * them: after a change to segmentation or the writer, merge would rightly refuse an old file as
 * drifted, and its figures would measure the refusal instead of the merge.
 */
export function xliffDir(ctx) {
  if (!ctx.xliffDir) {
    const hash = createHash('sha256');
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.js')) hash.update(entry.name).update(readFileSync(path));
      }
    };
    for (const part of ['formats', 'segment', 'xliff', 'steps', 'model', 'glossary']) walk(join(DIST, part));
    const name = `xliff-${hash.digest('hex').slice(0, 10)}`;
    ctx.xliffDir = join(ctx.dir, name);
    // Files made by an older build are never read again; at 100 MB they are worth removing.
    for (const old of readdirSync(ctx.dir)) if (old.startsWith('xliff-') && old !== name) rmSync(join(ctx.dir, old), { recursive: true, force: true });
    mkdirSync(ctx.xliffDir, { recursive: true });
  }
  return ctx.xliffDir;
}

const limitFor = (bytes) => (bytes >= 100 * MB ? 300 : 150);
const runsFor = (bytes) => (bytes <= MB ? 3 : 1);
/**
 * Readers take under a second on 10 MB: one run would mostly measure the JIT warming up, so
 * every reader, tarjoman's and the peers', gets the best of 3 up to that size.
 */
const readerRunsFor = (bytes) => (bytes <= 10 * MB ? 3 : 1);

/**
 * Extraction as the readers: a run projected, from the size below, to take under 2 s mostly
 * measures the JIT warming up and where the collector happens to fall, so it gets the best of 3.
 * Longer runs are timed once; the largest size, timed once, shows the steady rate.
 */
function extractionRunsFor(previous, bytes) {
  if (bytes <= MB) return runsFor(bytes);
  if (!previous?.seconds) return 1;
  return (previous.seconds * bytes) / previous.bytesAsked < 2 ? 3 : 1;
}

/**
 * A skip row when the case would not finish in time, judged from the same case one size down:
 * past its own limit, or past the end of the run's time budget (`--budget`).
 */
function projectedSkip(previous, bytes, limit, ctx) {
  if (!previous || previous.failed || previous.skipped) {
    if (previous && (previous.failed || previous.skipped)) return { skipped: true, reason: `not run: the ${label(previous.bytesAsked)} case did not finish` };
    return undefined;
  }
  const projected = (previous.seconds * bytes) / previous.bytesAsked;
  if (projected > limit) return { skipped: true, projectedSeconds: projected, reason: `not run: ${projected.toFixed(0)} s projected from the ${label(previous.bytesAsked)} case (limit ${limit} s)` };
  if (ctx?.deadline && Date.now() + projected * 1000 > ctx.deadline) return { skipped: true, projectedSeconds: projected, reason: `not run: ${projected.toFixed(0)} s projected from the ${label(previous.bytesAsked)} case would pass the run's time budget` };
  return undefined;
}

/**
 * The translated XLIFF file of about `bytes`, made once per seed with its original beside it:
 * from the HTML articles, or from the plain-text ones, whose units hold no inline codes.
 */
export async function xliffFile(ctx, bytes, version, source = 'html') {
  const name = `xliff-${label(bytes)}-${version}${source === 'html' ? '' : `-${source}`}`;
  const dir = xliffDir(ctx);
  const path = join(dir, `${name}.xlf`);
  if (!existsSync(path) || !existsSync(join(dir, `${name}.${FORMATS[source]}`))) {
    ctx.log(`  making ${name}.xlf`);
    const made = await measure('make-xliff', { dir, name, targetBytes: bytes, version, glossary: 10_000, seed: ctx.seed, format: source }, { timeoutSeconds: 900 });
    if (made.failed) throw new Error(`could not make ${name}.xlf: ${made.reason}`);
  }
  return path;
}

export function prepareCorpus(ctx) {
  for (const bytes of ctx.sizes) for (const format of ['text', 'markdown', 'html']) articleFile(bytes, format, ctx.seed);
  for (const entries of ctx.glossaries) glossaryDir(entries, ctx.seed);
}

/** Documents → segmented model with glossary annotations, per format and size, 10,000-entry glossary. */
export async function extraction(ctx) {
  const rows = [];
  for (const format of ['text', 'markdown', 'html']) {
    let previous;
    for (const bytes of ctx.sizes) {
      const limit = limitFor(bytes);
      const base = { format, bytesAsked: bytes, bytes: statSync(articleFile(bytes, format, ctx.seed)).size };
      const skip = projectedSkip(previous, bytes, limit, ctx);
      let row;
      if (skip) row = { ...base, ...skip };
      else {
        ctx.log(`  extraction ${format} ${label(bytes)}`);
        // Stages are taken apart up to 10 MB; at 100 MB they would double a case of minutes.
        const stages = bytes <= 10 * MB;
        const r = await measure('extract', { file: articleFile(bytes, format, ctx.seed), glossary: 10_000, runs: extractionRunsFor(previous, bytes), seed: ctx.seed, stages }, { timeoutSeconds: stages ? 2 * limit : limit });
        row = { ...base, ...r, seconds: r.failed ? undefined : r.extractSeconds + r.annotateSeconds };
      }
      rows.push(row);
      previous = row;
    }
  }
  return rows;
}

/**
 * Matching time per MB as the glossary grows (the same text, glossaries that are prefixes of one
 * another), and what the glossary costs the QA term check on a translated XLIFF file.
 */
export async function glossaryScaling(ctx) {
  const textBytes = ctx.quick ? MB : 10 * MB;
  const matching = [];
  for (const entries of ctx.glossaries) {
    ctx.log(`  glossary ${entries} entries`);
    const r = await measure('extract', { file: articleFile(textBytes, 'text', ctx.seed), glossary: entries, runs: 1, annotateRuns: 3, seed: ctx.seed }, { timeoutSeconds: 300 });
    matching.push({ entries, bytesAsked: textBytes, ...r });
  }
  // The term rules' cost: read + QA at library level on the 1 MB XLIFF 1.2 file, with a glossary.
  const qa = [];
  const file = await xliffFile(ctx, MB, '1.2');
  let previous;
  let none;
  const qaLimit = 120;
  for (const entries of [0, ...ctx.glossaries]) {
    let row = { entries, bytesAsked: MB };
    // Once the glossary shows in the time, the next size is projected in proportion to its entries.
    const extra = previous && none && previous.seconds > 2 * none.seconds ? ((previous.seconds - none.seconds) * entries) / previous.entries + none.seconds : 0;
    if (previous?.skipped || previous?.failed) row = { ...row, skipped: true, reason: 'not run: the smaller glossary did not finish' };
    else if (extra > qaLimit) row = { ...row, skipped: true, projectedSeconds: extra, reason: `not run: ${extra.toFixed(0)} s projected from the ${previous.entries.toLocaleString('en')}-entry glossary (limit ${qaLimit} s)` };
    else {
      ctx.log(`  read + QA with ${entries} glossary entries`);
      row = { ...row, ...(await measure('read-qa', { file, glossary: entries, runs: 1, seed: ctx.seed }, { timeoutSeconds: qaLimit })) };
    }
    if (entries === 0) none = row;
    qa.push(row);
    previous = row;
  }
  // The YAML folders as a user would keep them: what loading and validating them costs the CLI.
  const loading = [];
  let before;
  for (const entries of ctx.glossaries) {
    let row = { entries };
    // Start-up dominates the small glossaries, so no projection: each size runs under the limit.
    if (before && !before.seconds) row = { ...row, skipped: true, reason: 'not run: the smaller glossary did not finish' };
    else {
      ctx.log(`  glossary validate ${entries} entries`);
      const run = await runMeasured(process.execPath, [BIN, 'glossary', 'validate', glossaryDir(entries, ctx.seed)], { timeoutSeconds: 150 });
      row = run.timedOut || run.code !== 0 ? { ...row, failed: true, reason: run.timedOut ? 'timed out after 150 s' : `exit ${run.code}`, maxRssKb: run.maxRssKb } : { ...row, seconds: run.seconds, maxRssKb: run.maxRssKb };
    }
    loading.push(row);
    before = row;
  }
  return { textBytes, matching, qa, loading };
}

/**
 * The XLIFF files each reader is measured on: made from the HTML articles and from the
 * plain-text ones, in 1.2 and 2.1; at 100 MB only the HTML-made 1.2 file.
 */
export function xliffCases(ctx) {
  const cases = [];
  for (const bytes of ctx.sizes)
    for (const source of ['html', 'text'])
      for (const version of ['1.2', '2.1']) if (bytes < 100 * MB || (version === '1.2' && source === 'html')) cases.push({ bytes, version, source });
  return cases;
}

const READERS = [
  { id: 'read', name: 'tarjoman readXliff' },
  { id: 'read-check', name: 'tarjoman checkXliff, reading every unit (one pass)' },
  { id: 'read-qa', name: 'tarjoman read + QA (one pass: checkXliff hands each unit to checkSegment, every rule, no glossary)' },
  { id: 'qa-command', name: '`tarjoman qa` command incl. re-extraction of the original (whole process)' },
  { id: 'xliff-package', name: '`xliff` package (xliff12ToJs / xliff2js)' },
  { id: 'saxes', name: 'saxes, counting events only (floor)' },
  { id: 'pocount', name: 'Translate Toolkit pocount (whole process)', only: '1.2' },
];
export const READER_NAMES = Object.fromEntries(READERS.map((r) => [r.id, r.name]));

/** The `qa` command as a user runs it, start-up included; it exits 1 when it reports errors. */
async function qaCommand(file, cwd, limit) {
  const run = await runMeasured(process.execPath, [BIN, 'qa', file], { cwd, timeoutSeconds: limit });
  if (run.timedOut) return { failed: true, timedOut: true, reason: `timed out after ${limit} s`, maxRssKb: run.maxRssKb };
  if (run.code !== 0 && run.code !== 1) return { failed: true, reason: `exit ${run.code}: ${run.stderr.trim().split('\n').slice(-2).join(' / ')}`, maxRssKb: run.maxRssKb };
  return { seconds: run.seconds, maxRssKb: run.maxRssKb, exitCode: run.code };
}

async function pocount(file, limit) {
  const run = await runMeasured('pocount', [file], { timeoutSeconds: limit });
  if (run.timedOut) return { failed: true, timedOut: true, reason: `timed out after ${limit} s`, maxRssKb: run.maxRssKb };
  if (run.code !== 0) return { failed: true, reason: `exit ${run.code}` };
  return { seconds: run.seconds, maxRssKb: run.maxRssKb, note: 'includes Python start-up' };
}

const TINY_XLIFF = '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="en" target-language="fa" datatype="plaintext"><body><trans-unit id="1"><source>a</source><target>b</target></trans-unit></body></file></xliff>\n';

/** pocount's time on a one-unit file: its start-up, which its whole-process figures include and tarjoman's in-process ones do not. */
async function pocountStartup() {
  const dir = mkdtempSync(join(tmpdir(), 'tarjoman-bench-tiny-'));
  const file = join(dir, 'tiny.xlf');
  writeFileSync(file, TINY_XLIFF);
  let seconds = Infinity;
  for (let i = 0; i < 3; i++) {
    const run = await pocount(file, 60);
    if (!run.failed) seconds = Math.min(seconds, run.seconds);
  }
  rmSync(dir, { recursive: true, force: true });
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** XLIFF reading, checking and QA against the peers, on the same files in the same run. */
export async function xliffReading(ctx) {
  const hasPocount = installed('pocount');
  if (!hasPocount) ctx.log('  !! pocount (Translate Toolkit) is not installed: its rows are skipped');
  const startup = hasPocount ? await pocountStartup() : undefined;
  const rows = [];
  const previous = new Map();
  for (const { bytes, version, source } of xliffCases(ctx)) {
    const file = await xliffFile(ctx, bytes, version, source);
    for (const reader of READERS) {
      if (reader.only && reader.only !== version) continue;
      const key = `${reader.id}-${version}-${source}`;
      const limit = limitFor(bytes);
      const base = { reader: reader.id, version, source, bytesAsked: bytes, bytes: statSync(file).size };
      let row = projectedSkip(previous.get(key), bytes, limit, ctx);
      if (row) row = { ...base, ...row };
      // At the largest size the CLI section's `merge` runs the same check, read and QA; running
      // them here as well would add minutes and no information.
      else if (bytes >= 100 * MB && (reader.id === 'qa-command' || reader.id === 'read-check')) row = { ...base, skipped: true, reason: 'not run at this size: see `tarjoman merge` below' };
      else if (reader.id === 'pocount' && !hasPocount) row = { ...base, skipped: true, reason: 'pocount is not installed' };
      else {
        ctx.log(`  ${reader.id} ${label(bytes)} ${version} (from ${source})`);
        const r =
          reader.id === 'pocount'
            ? { ...(await pocount(file, bytes >= 100 * MB ? 180 : limit)), startupSeconds: startup }
            : reader.id === 'qa-command'
              ? await qaCommand(file, xliffDir(ctx), limit)
              : await measure(reader.id, { file, version, cwd: xliffDir(ctx), runs: readerRunsFor(bytes), glossary: 0, seed: ctx.seed }, { timeoutSeconds: limit });
        row = { ...base, ...r };
      }
      rows.push(row);
      previous.set(key, row);
    }
  }
  return rows;
}

/** The translated XLIFF 1.2 package of about `bytes`: many article pages, one `<file>` each, originals beside it. */
export async function packageFile(ctx, bytes) {
  const name = `package-${label(bytes)}-1.2`;
  const dir = xliffDir(ctx);
  const path = join(dir, `${name}.xlf`);
  if (!existsSync(path) || !existsSync(join(dir, name))) {
    ctx.log(`  making ${name}.xlf`);
    const made = await measure('make-package', { dir, name, targetBytes: bytes, glossary: 10_000, seed: ctx.seed }, { timeoutSeconds: 900 });
    if (made.failed) throw new Error(`could not make ${name}.xlf: ${made.reason}`);
  }
  return path;
}

/**
 * The real CLI, `tarjoman qa` and `tarjoman merge`, on translated XLIFF 1.2 files of each size:
 * wall time and peak RSS of the whole process. `merge` checks before it writes, so its figure at
 * the largest size is the "checked and merged" one; `qa` alone is not run there to save minutes.
 * Each size comes three ways: one large HTML document, whose original parse5 must hold as one
 * tree; one large plain-text document; and a package of article pages, the common case of a
 * large XLIFF, which the commands take one `<file>` at a time.
 */
export async function cliMemory(ctx) {
  const rows = [];
  const previous = new Map();
  const largest = Math.max(...ctx.sizes);
  for (const source of ['html', 'text', 'package']) {
    for (const bytes of ctx.sizes) {
      const file = source === 'package' ? await packageFile(ctx, bytes) : await xliffFile(ctx, bytes, '1.2', source);
      for (const command of ['qa', 'merge']) {
        const key = `${command} ${source}`;
        const base = { command, source, bytesAsked: bytes, bytes: statSync(file).size };
        if (command === 'qa' && bytes === largest && bytes >= 100 * MB) {
          rows.push({ ...base, skipped: true, reason: 'not run: `merge` below runs the same checks on this file' });
          continue;
        }
        const limit = bytes >= 100 * MB ? 420 : 150;
        let row = projectedSkip(previous.get(key), bytes, limit, ctx);
        if (row) row = { ...base, ...row };
        else {
          ctx.log(`  tarjoman ${command} ${label(bytes)} (${source})`);
          const out = mkdtempSync(join(tmpdir(), 'tarjoman-bench-out-'));
          const args = command === 'qa' ? [BIN, 'qa', file] : [BIN, 'merge', '--force', '-o', out, file];
          const run = await runMeasured(process.execPath, args, { cwd: xliffDir(ctx), timeoutSeconds: limit });
          rmSync(out, { recursive: true, force: true });
          if (run.timedOut) row = { ...base, failed: true, timedOut: true, reason: `timed out after ${limit} s`, maxRssKb: run.maxRssKb };
          // qa exits 1 when it reports errors; both still did the whole job. Anything else failed.
          else if (run.code !== 0 && run.code !== 1) row = { ...base, failed: true, reason: `exit ${run.code}: ${run.stderr.trim().split('\n').slice(-2).join(' / ')}`, maxRssKb: run.maxRssKb };
          else row = { ...base, seconds: run.seconds, maxRssKb: run.maxRssKb, exitCode: run.code };
        }
        rows.push(row);
        previous.set(key, row);
      }
    }
  }
  return rows;
}
