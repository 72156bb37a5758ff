// Does extracting a batch of documents on worker threads beat the runner's single thread?
// Both sides do the same work per document (read, cut into units and sentences, mark glossary
// terms, write the XLIFF kit in memory); the worker side pays for starting its threads and for
// loading the glossary once in each of them, as a real `run --workers` would.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;

async function extractor() {
  const [{ formatForPath }, { loadGlossary }, { createMatcher }, { createSegmenter }, { annotateTerms }, { extractDocument }, { planKit }, { glossaryLookup }] = await Promise.all([
    import(dist('formats/index.js')),
    import(dist('glossary/load.js')),
    import(dist('glossary/matcher/index.js')),
    import(dist('segment/srx/index.js')),
    import(dist('steps/annotate-terms.js')),
    import(dist('steps/extract-document.js')),
    import(dist('xliff/kit/index.js')),
    import(dist('xliff/glossary-from-termbase.js')),
  ]);
  const glossary = await loadGlossary([join(root, 'glossary/en-fa')]);
  const matcher = createMatcher(glossary, 'en');
  const segmenter = createSegmenter('en', {});
  const lookup = glossaryLookup(glossary, 'fa');
  return ({ path, bytes }) => {
    const document = extractDocument({ bytes, path, format: formatForPath(path), sourceLang: 'en', targetLang: 'fa', segmenter });
    const entries = planKit([annotateTerms(document, matcher)], { version: '2.1', kit: 'plain', toolVersion: 'bench', sourceLang: 'en', targetLang: 'fa', glossary, lookup });
    return entries.reduce((n, e) => n + e.data.length, 0);
  };
}

if (!isMainThread) {
  const extract = await extractor();
  parentPort.on('message', (doc) => parentPort.postMessage(extract(doc)));
  parentPort.postMessage('ready');
}

function batch(copies) {
  const examples = ['examples/text/night-of-fires.txt', 'examples/markdown/the-long-shadow-of-1988.md', 'examples/html/oil-workers-strike.html', 'examples/html/snapback-opinion.html'];
  const docs = [];
  for (let i = 0; i < copies; i++)
    for (const path of examples) {
      const text = readFileSync(join(root, path), 'utf8');
      const extra = `Dispatch number ${i} from Tehran.`;
      const changed = path.endsWith('.html') ? text.replace('<body>', `<body>\n<p>${extra}</p>`) : `${text}\n\n${extra}\n`;
      docs.push({ path: path.replace(/(\.\w+)$/, `-${i}$1`), bytes: new Uint8Array(Buffer.from(changed)) });
    }
  return docs;
}

async function singleThread(docs) {
  const started = performance.now();
  const extract = await extractor();
  const ready = performance.now();
  for (const doc of docs) extract(doc);
  return { total: performance.now() - started, work: performance.now() - ready };
}

async function onWorkers(docs, count) {
  const started = performance.now();
  const workers = await Promise.all(
    Array.from({ length: count }, () => new Promise((resolve, reject) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: {} });
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    })),
  );
  const ready = performance.now();
  let next = 0;
  await Promise.all(
    workers.map(async (worker) => {
      while (next < docs.length) {
        const doc = docs[next++];
        await new Promise((resolve) => {
          worker.once('message', resolve);
          worker.postMessage(doc);
        });
      }
    }),
  );
  const done = performance.now();
  await Promise.all(workers.map((w) => w.terminate()));
  return { total: done - started, work: done - ready };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runJobRunnerBench({ copies = 20, rounds = 3 } = {}) {
  void workerData;
  const docs = batch(copies);
  const rows = [];
  const measure = async (label, fn) => {
    const runs = [];
    for (let i = 0; i < rounds; i++) runs.push(await fn());
    rows.push({ label, total: median(runs.map((r) => r.total)), work: median(runs.map((r) => r.work)) });
  };
  // A fresh thread each time, as a run is a fresh process: code that is not yet optimized and
  // a glossary to load, on one side as on the other.
  await measure('one fresh thread (as `tarjoman run`)', () => onWorkers(docs, 1));
  await measure('2 worker threads', () => onWorkers(docs, 2));
  await measure('4 worker threads', () => onWorkers(docs, 4));
  await measure('main thread, warmed up by the rounds before (for reference)', () => singleThread(docs));
  const base = rows[0].total;
  const table = [
    `${docs.length} documents (the four examples × ${copies}), ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; median of ${rounds}`,
    '',
    '| extraction | total ms (with start-up and glossary load) | documents only, ms | total vs one thread |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.label} | ${r.total.toFixed(0)} | ${r.work.toFixed(0)} | ${(base / r.total).toFixed(2)}× |`),
  ].join('\n');
  console.log(table);
  return table;
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) await runJobRunnerBench();
