// Throughput of the pipeline's stages on generated articles, with peers measured in the same run:
// extraction (segmentation + glossary annotation), XLIFF writing, and XLIFF reading against the
// `xliff` npm package, a plain saxes parse (the floor for any JavaScript XLIFF reader) and
// Translate Toolkit's pocount where it is installed. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';
import xliff from 'xliff';
import { makeGlossary, makeText } from './glossary-scaling.js';

const dist = (p) => import(pathToFileURL(join(import.meta.dirname, '..', 'dist', p)).href);

function seconds(fn, runs = 3) {
  let best = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: best, result };
}

async function secondsAsync(fn, runs = 3) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

/** The same prose as plain text, Markdown and HTML, so the formats are compared on equal content. */
function asFormats(text) {
  const paragraphs = text.split('\n\n');
  const md = paragraphs.map((p, i) => (i % 20 === 0 ? `## ${p.split('.')[0]}\n\n` : '') + p.replace(/ (said|reported) /u, ' **$1** ')).join('\n\n');
  const html = `<!DOCTYPE html>\n<html lang="en"><head><title>Bench</title></head><body>\n${paragraphs
    .map((p) => `<p>${p.replace(/&/gu, '&amp;').replace(/ (said|reported) /u, ' <strong>$1</strong> ')}</p>`)
    .join('\n')}\n</body></html>\n`;
  return { 'x.txt': text, 'x.md': md, 'x.html': html };
}

export async function runPipelineThroughput({ megabytes = 2, entries = 10_000, log = console.log } = {}) {
  const { formatForPath } = await dist('formats/index.js');
  const { extractDocument } = await dist('steps/extract-document.js');
  const { annotateTerms } = await dist('steps/annotate-terms.js');
  const { createSegmenter } = await dist('segment/srx/index.js');
  const { createMatcher } = await dist('glossary/matcher/index.js');
  const { writeXliff } = await dist('xliff/write.js');
  const { readXliff } = await dist('xliff/read/index.js');

  const glossary = makeGlossary(entries);
  const matcher = createMatcher(glossary, 'en');
  const segmenter = createSegmenter('en');
  const text = makeText(megabytes * 1_000_000, glossary);
  const enc = new TextEncoder();
  log(`machine: ${cpus()[0]?.model} (${cpus().length} cores), node ${process.version}; ${megabytes} MB of generated prose, glossary of ${entries} entries`);
  log('\n| stage | format | MB | seconds | MB/s |\n|---|---|---:|---:|---:|');
  const rows = [];
  let document;
  for (const [path, source] of Object.entries(asFormats(text))) {
    const bytes = enc.encode(source);
    const mb = bytes.length / 1e6;
    const run = seconds(() => annotateTerms(extractDocument({ bytes, path, format: formatForPath(path), sourceLang: 'en', targetLang: 'fa', segmenter }), matcher));
    if (path === 'x.txt') document = run.result;
    rows.push({ stage: 'extract + terms', format: path.slice(2), mb, s: run.seconds });
    log(`| extract + terms | ${path.slice(2)} | ${mb.toFixed(1)} | ${run.seconds.toFixed(2)} | ${(mb / run.seconds).toFixed(1)} |`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'tarjoman-bench-'));
  const files = {};
  for (const version of ['1.2', '2.1']) {
    const run = seconds(() => writeXliff(document, { version, toolVersion: 'bench' }));
    const bytes = enc.encode(run.result);
    files[version] = { path: join(dir, `x-${version}.xlf`), bytes, text: run.result };
    writeFileSync(files[version].path, bytes);
    log(`| write XLIFF ${version} | txt | ${(bytes.length / 1e6).toFixed(1)} (out) | ${run.seconds.toFixed(2)} | ${(bytes.length / 1e6 / run.seconds).toFixed(1)} |`);
  }
  log('\n| reading | XLIFF | MB | seconds | MB/s | ratio to tarjoman |\n|---|---|---:|---:|---:|---:|');
  for (const version of ['1.2', '2.1']) {
    const { bytes, text: xml, path } = files[version];
    const mb = bytes.length / 1e6;
    const ours = seconds(() => readXliff(bytes, path)).seconds;
    const floor = seconds(() => {
      const parser = new SaxesParser({ xmlns: true, position: true });
      let n = 0;
      parser.on('opentag', () => (n += 1));
      parser.write(xml).close();
      return n;
    }).seconds;
    const peer = await secondsAsync(() => (version === '1.2' ? xliff.xliff12ToJs(xml) : xliff.xliff2js(xml)), 2);
    const line = (name, s) => log(`| ${name} | ${version} | ${mb.toFixed(1)} | ${s.toFixed(2)} | ${(mb / s).toFixed(1)} | ${(s / ours).toFixed(2)}× |`);
    line('tarjoman readXliff', ours);
    line('saxes parse only (floor)', floor);
    line('xliff npm package', peer);
    if (version === '1.2') {
      try {
        const start = process.hrtime.bigint();
        execFileSync('pocount', [path], { stdio: 'ignore' });
        line('Translate Toolkit pocount', Number(process.hrtime.bigint() - start) / 1e9);
      } catch {
        log('| Translate Toolkit pocount | 1.2 | — | not installed | — | — |');
      }
    }
  }
  return rows;
}

export default runPipelineThroughput;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runPipelineThroughput();
}
