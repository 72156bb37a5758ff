// One measurement in its own process: `node bench/measure.js TASK 'JSON options'` prints one JSON
// line with the figures and the process's peak RSS. A fresh process per measurement is what makes
// the peak RSS belong to one tool on one input, and keeps one tool's heap from slowing the next.
// tarjoman is used through its built entry points only, as a program embedding it would.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeGlossary } from './corpus.js';

const dist = (p) => import(pathToFileURL(join(import.meta.dirname, '..', 'dist', p)).href);

/** Best wall time of `runs` calls, in seconds, and the last result. */
async function best(runs, fn) {
  let seconds = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = process.hrtime.bigint();
    result = await fn();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds, result };
}

async function extractParts(options) {
  const { formatForPath } = await dist('formats/index.js');
  const { extractDocument } = await dist('steps/extract-document.js');
  const { annotateTerms } = await dist('steps/annotate-terms.js');
  const { createSegmenter } = await dist('segment/srx/index.js');
  const { createMatcher } = await dist('glossary/matcher/index.js');
  const glossary = makeGlossary(options.glossary, options.seed);
  const built = await best(1, () => createMatcher(glossary, 'en'));
  const segmenter = createSegmenter('en');
  const extract = (bytes, path) => extractDocument({ bytes, path, format: formatForPath(path), sourceLang: 'en', targetLang: 'fa', segmenter });
  return { glossary, matcher: built.result, matcherSeconds: built.seconds, extract, annotateTerms };
}

const counts = (document) => {
  let segments = 0;
  let matches = 0;
  for (const unit of document.units)
    for (const part of unit.parts)
      if (part.kind === 'segment') {
        segments += 1;
        matches += part.matches?.length ?? 0;
      }
  return { units: document.units.length, segments, matches };
};

/**
 * The parser library alone on the same input, called as the format calls it: micromark/mdast
 * with GFM and front matter, parse5 with source locations. Plain text has no parser to compare.
 */
async function parserFloor(format, bytes, runs) {
  if (format === 'markdown') {
    const { fromMarkdown } = await import('mdast-util-from-markdown');
    const { gfm } = await import('micromark-extension-gfm');
    const { frontmatter } = await import('micromark-extension-frontmatter');
    const { gfmFromMarkdown } = await import('mdast-util-gfm');
    const { frontmatterFromMarkdown } = await import('mdast-util-frontmatter');
    const kinds = ['yaml', 'toml'];
    const parse = () => fromMarkdown(new TextDecoder().decode(bytes), { extensions: [gfm(), frontmatter(kinds)], mdastExtensions: [...gfmFromMarkdown(), frontmatterFromMarkdown(kinds)] });
    return { name: 'mdast-util-from-markdown (micromark, GFM, front matter)', ...(await best(runs, parse)) };
  }
  if (format === 'html') {
    const { parse, parseFragment } = await import('parse5');
    const run = () => {
      const text = new TextDecoder().decode(bytes);
      const options = { sourceCodeLocationInfo: true, onParseError: () => {} };
      return /<html|<!doctype/iu.test(text.slice(0, 4096)) ? parse(text, options) : parseFragment(text, options);
    };
    return { name: 'parse5 with source locations', ...(await best(runs, run)) };
  }
  return undefined;
}

/** The stages of extraction, each timed alone on the same input, and the parser library's own time. */
async function stagesOf(file, bytes, runs, parts, annotated) {
  const { formatForPath } = await dist('formats/index.js');
  const { segmentDocument } = await dist('segment/segment-content.js');
  const { createSegmenter } = await dist('segment/srx/index.js');
  const format = formatForPath(file);
  const segmenter = createSegmenter('en');
  const options = { path: file, sourceLang: 'en', targetLang: 'fa' };
  // A format that reads, checks and segments in one pass is timed as it runs: the three apart
  // would time a route its extraction no longer takes.
  if (typeof format.extractSegmented === 'function') {
    const pass = await best(runs, () => format.extractSegmented(bytes, options, segmenter));
    return { ...(await writeAndFloor(format, bytes, runs, parts, annotated)), onePass: true, parseSeconds: pass.seconds, roundTripSeconds: 0, roundTripSame: pass.result.intact, segmentSeconds: 0 };
  }
  const parsed = await best(runs, () => format.extract(bytes, options));
  const roundTrip = await best(runs, () => Buffer.compare(format.merge(parsed.result), bytes) === 0);
  const segmented = await best(runs, () => segmentDocument(parsed.result, segmenter));
  return {
    parseSeconds: parsed.seconds,
    roundTripSeconds: roundTrip.seconds,
    roundTripSame: roundTrip.result,
    segmentSeconds: segmented.seconds,
    ...(await writeAndFloor(format, bytes, runs, parts, annotated)),
  };
}

/** XLIFF writing of the annotated document and the parser library's own time, for either route. */
async function writeAndFloor(format, bytes, runs, parts, annotated) {
  const { writeXliff } = await dist('xliff/write.js');
  const { glossaryLookup } = await dist('xliff/glossary-from-termbase.js');
  // With the glossary's target terms, as `tarjoman extract -g` writes them.
  const lookup = glossaryLookup(parts.glossary, 'fa');
  const written = await best(runs, () => writeXliff(annotated, { version: '2.1', toolVersion: 'bench', glossary: lookup }));
  const floor = await parserFloor(format.name, bytes, runs);
  return {
    writeSeconds: written.seconds,
    xliffBytes: Buffer.byteLength(written.result),
    ...(floor ? { floorSeconds: floor.seconds, floorName: floor.name } : {}),
  };
}

// ---- a translation good enough for QA -------------------------------------------------------
// Targets are made from the sources: glossary terms become their preferred Persian forms, digits
// Persian digits, punctuation Persian punctuation and every other word a fixed Persian stand-in,
// so merge and QA see a plausible translated file rather than sources copied into targets.

const FA_LETTERS = 'ابپتثجچحخدرزسشصطعفقکگلمنوهی';
const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const standIns = new Map();
function standIn(word) {
  let fa = standIns.get(word);
  if (fa === undefined) {
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    fa = '';
    for (let i = 0; i < Math.max(2, Math.min(7, word.length)); i++) {
      fa += FA_LETTERS[(h >>> 0) % FA_LETTERS.length];
      h = Math.imul(h ^ i, 16777619);
    }
    standIns.set(word, fa);
  }
  return fa;
}

function translateText(text, terms) {
  const kept = [];
  // One private-use character per kept piece: nothing below rewrites it, unlike a digit index.
  const keep = (s) => String.fromCharCode(0xe000 + kept.push(s) - 1);
  let out = text.replace(/https?:\/\/[^\s)]+/gu, keep);
  for (const [en, fa] of terms) if (out.includes(en)) out = out.split(en).join(keep(fa));
  out = out
    .replace(/\d[\d,.]*\d|\d/gu, (n) => n.replace(/\d/gu, (d) => FA_DIGITS[d]).replace(/,/gu, '٬').replace(/\./gu, '٫'))
    .replace(/[A-Za-z][A-Za-z’']*/gu, standIn)
    .replace(/,/gu, '،')
    .replace(/\?/gu, '؟')
    .replace(/“/gu, '«')
    .replace(/”/gu, '»');
  return out.replace(/[\uE000-\uF8FF]/gu, (c) => kept[c.charCodeAt(0) - 0xe000]);
}

function translateDocument(document, glossary) {
  const persian = new Map(glossary.entries.map((e) => [e.id, e.terms.fa[0].text]));
  for (const unit of document.units)
    for (const part of unit.parts) {
      if (part.kind !== 'segment') continue;
      // Longest first, so "Hamid Sanrivimi" is replaced before "Sanrivimi".
      const terms = [...new Map((part.matches ?? []).map((m) => [m.text, persian.get(m.conceptId)])).entries()].sort((a, b) => b[0].length - a[0].length);
      part.target = part.source.map((inline) => (inline.type === 'text' ? { type: 'text', text: translateText(inline.text, terms) } : inline));
      part.state = 'translated';
    }
  return document;
}

/**
 * The maker of translated XLIFF text from an original's text: extracted and annotated with the
 * glossary, pseudo-translated, and written with the glossary's target terms as `extract -g` does.
 */
async function translatedXliff({ glossary, seed }) {
  const { writeXliff } = await dist('xliff/write.js');
  const parts = await extractParts({ glossary, seed });
  const entries = new Map(parts.glossary.entries.map((e) => [e.id, e]));
  const lookup = (id) => {
    const entry = entries.get(id);
    return entry && { translations: entry.terms.fa.map((t) => t.text), forbidden: [] };
  };
  return (source, path, version) => {
    const document = translateDocument(parts.annotateTerms(parts.extract(new TextEncoder().encode(source), path), parts.matcher), parts.glossary);
    return writeXliff(document, { version, toolVersion: 'bench', glossary: lookup });
  };
}

// ---- tasks ----------------------------------------------------------------------------------

const TASKS = {
  /**
   * documents → segmented, glossary-annotated model: the two phases timed apart. With `stages`,
   * the same input is also taken apart stage by stage (format parse, round-trip check,
   * segmentation, XLIFF writing) next to the parser library's own time on it, so the distance
   * to the target can be laid at the door of one stage.
   */
  async extract({ file, glossary, runs, annotateRuns = runs, seed, stages = false }) {
    const parts = await extractParts({ glossary, seed });
    const bytes = new Uint8Array(readFileSync(file));
    const extracted = await best(runs, () => parts.extract(bytes, file));
    const annotated = await best(annotateRuns, () => parts.annotateTerms(extracted.result, parts.matcher));
    const out = { bytes: bytes.length, extractSeconds: extracted.seconds, annotateSeconds: annotated.seconds, matcherSeconds: parts.matcherSeconds, ...counts(annotated.result) };
    if (!stages) return out;
    // The peak of extraction and annotation alone: the stages below hold more documents at once.
    out.maxRssKb = process.resourceUsage().maxRSS;
    try {
      return { ...out, ...(await stagesOf(file, bytes, runs, parts, annotated.result)) };
    } catch (error) {
      // The headline figures stand without the breakdown.
      return { ...out, stagesError: String(error?.message ?? error).split('\n')[0] };
    }
  },

  /** A translated XLIFF file of about `targetBytes`, from an original (HTML or plain text) written beside it. */
  async 'make-xliff'({ dir, name, targetBytes, version, glossary, seed, format = 'html' }) {
    const { makeArticles, FORMATS } = await import('./corpus.js');
    const translated = await translatedXliff({ glossary, seed });
    const ext = FORMATS[format];
    const build = (sourceBytes) => {
      const source = makeArticles(sourceBytes, format, { seed });
      return { source, xliff: translated(source, `${name}.${ext}`, version) };
    };
    const sample = build(200_000);
    const ratio = Buffer.byteLength(sample.xliff) / Buffer.byteLength(sample.source);
    const made = build(Math.round(targetBytes / ratio));
    // The original first and each under a temporary name: a run that finds the .xlf finds it whole, with its original.
    for (const [suffix, content] of [[ext, made.source], ['xlf', made.xliff]]) {
      const tmp = join(dir, `${name}.${suffix}.partial-${process.pid}`);
      writeFileSync(tmp, content);
      renameSync(tmp, join(dir, `${name}.${suffix}`));
    }
    return { bytes: Buffer.byteLength(made.xliff), sourceBytes: Buffer.byteLength(made.source) };
  },

  /** tarjoman's XLIFF reader alone. */
  async read({ file, runs }) {
    const { readXliff } = await dist('xliff/read/index.js');
    const bytes = new Uint8Array(readFileSync(file));
    const { seconds, result } = await best(runs, () => readXliff(bytes, file));
    return { bytes: bytes.length, seconds, units: result.files.reduce((n, f) => n + f.units.length, 0) };
  },

  /** The structural check (codes, ids, states) and the read in one pass, as merge does before anything else. */
  async 'read-check'({ file, runs }) {
    const { checkXliff } = await dist('xliff/check/index.js');
    const bytes = new Uint8Array(readFileSync(file));
    const { seconds, result } = await best(runs, () => {
      let units = 0;
      const findings = checkXliff(bytes, file, { unit: () => (units += 1) });
      return { findings, units };
    });
    return { bytes: bytes.length, seconds, findings: result.findings.length, units: result.units };
  },

  /**
   * XLIFF reading plus QA at library level, as a program embedding tarjoman would do it and as
   * `tarjoman qa` does: one pass, the structural check handing each unit as it is read to every
   * QA rule over each segment's source and target. The original document is not touched (that
   * is the `qa` command's drift check, measured apart).
   */
  async 'read-qa'({ file, runs, glossary = 0, seed }) {
    const { checkXliff } = await dist('xliff/check/index.js');
    const { checkSegment, prepareQa } = await dist('qa/index.js');
    const terms = glossary ? makeGlossary(glossary, seed) : undefined;
    // The glossary's matchers and indexes are built once per glossary, not per file: timed apart,
    // as `extract` times its matcher, so that the figure is what reading and checking a file costs.
    const prepared = terms ? await best(1, () => prepareQa(terms, 'en', 'fa')) : undefined;
    const bytes = new Uint8Array(readFileSync(file));
    const { seconds, result } = await best(runs, () => {
      const findings = [];
      let segments = 0;
      // The languages fall back as the reader's do: a file's own, else the document's, else the first file's.
      let doc = {};
      let first;
      let current;
      const structural = checkXliff(bytes, file, {
        document(_version, srcLang, trgLang) {
          doc = { srcLang, trgLang };
        },
        fileStart(raw) {
          first ??= raw;
          current = raw;
        },
        unit(unit) {
          if (!unit.translate) return;
          const sourceLang = current.srcLang || (doc.srcLang ?? first.srcLang ?? '');
          const targetLang = current.trgLang ?? doc.trgLang ?? first.trgLang ?? 'fa';
          for (const part of unit.parts) {
            if (part.kind !== 'segment') continue;
            segments += 1;
            const pair = { unitId: unit.id, segmentId: part.id, source: part.source, target: part.target ?? [], sourceLang, targetLang, ...(terms ? { glossary: terms } : {}) };
            for (const finding of checkSegment(pair)) findings.push(finding);
          }
        },
      });
      return { structural, findings, segments };
    });
    const out = { bytes: bytes.length, seconds, segments: result.segments, structural: result.structural.length, findings: result.findings.length, findingRules: ruleCounts(result.findings) };
    return prepared ? { ...out, glossarySeconds: prepared.seconds } : out;
  },

  /**
   * One translated XLIFF 1.2 file of about `targetBytes` holding many article pages, one `<file>`
   * each, as a CAT tool hands back a package: the originals go in a folder named after the file.
   */
  async 'make-package'({ dir, name, targetBytes, glossary, seed, pageBytes = 24_000 }) {
    const { makeArticles, makeGlossary: names } = await import('./corpus.js');
    const translated = await translatedXliff({ glossary, seed });
    const people = names(100, seed);
    const folder = join(dir, `${name}.originals-${process.pid}`);
    mkdirSync(folder, { recursive: true });
    const files = [];
    let bytes = 0;
    let sourceBytes = 0;
    for (let i = 1; bytes < targetBytes; i++) {
      const source = makeArticles(pageBytes, 'html', { seed: seed * 10_000 + i, glossary: people });
      const file = `page-${String(i).padStart(5, '0')}.html`;
      writeFileSync(join(folder, file), source);
      const xliff = translated(source, `${name}/${file}`, '1.2');
      const element = xliff.slice(xliff.indexOf('<file '), xliff.lastIndexOf('</file>') + '</file>'.length);
      files.push(element);
      bytes += Buffer.byteLength(element);
      sourceBytes += Buffer.byteLength(source);
    }
    const xliff = `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  ${files.join('\n  ')}\n</xliff>\n`;
    // The originals first and each under a temporary name: a run that finds the .xlf finds it whole, with its originals.
    rmSync(join(dir, name), { recursive: true, force: true });
    renameSync(folder, join(dir, name));
    const tmp = join(dir, `${name}.xlf.partial-${process.pid}`);
    writeFileSync(tmp, xliff);
    renameSync(tmp, join(dir, `${name}.xlf`));
    return { bytes: Buffer.byteLength(xliff), sourceBytes, documents: files.length };
  },

  /** The `xliff` npm package's reader: xliff12ToJs for 1.2, xliff2js for 2.x. */
  async 'xliff-package'({ file, version, runs }) {
    const { default: xliff } = await import('xliff');
    const bytes = readFileSync(file);
    const read = version === '1.2' ? xliff.xliff12ToJs : xliff.xliff2js;
    // Decoding is inside the timed call, as it is in tarjoman's reader, which is given bytes.
    const { seconds } = await best(runs, () => read(new TextDecoder().decode(bytes)));
    return { bytes: bytes.length, seconds };
  },

  /** A streaming XML parse that does nothing but count its events: the floor for any JavaScript XLIFF reader. */
  async saxes({ file, runs }) {
    const { SaxesParser } = await import('saxes');
    const bytes = readFileSync(file);
    const { seconds, result } = await best(runs, () => {
      // Namespaces on, as an XLIFF reader needs them to know its elements.
      const parser = new SaxesParser({ xmlns: true, position: true });
      let events = 0;
      const count = () => (events += 1);
      parser.on('opentag', count);
      parser.on('closetag', count);
      parser.on('text', count);
      parser.write(new TextDecoder().decode(bytes)).close();
      return events;
    });
    return { bytes: bytes.length, seconds, events: result };
  },
};

function ruleCounts(findings) {
  const out = {};
  for (const f of findings) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

const [task, json = '{}'] = process.argv.slice(2);
if (!TASKS[task]) throw new Error(`unknown task ${task}`);
const result = await TASKS[task](JSON.parse(json));
// maxRSS is in kilobytes; read last, so it covers everything the task did, unless the task took it earlier.
process.stdout.write(`${JSON.stringify({ ...result, maxRssKb: result.maxRssKb ?? process.resourceUsage().maxRSS })}\n`);
