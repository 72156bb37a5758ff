import { readFile, rm, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import PQueue from 'p-queue';
import { formatForPath } from '../formats/index.js';
import { createMatcher, type TermMatcher } from '../glossary/matcher/index.js';
import type { Glossary } from '../glossary/schema.js';
import { currentLocale } from '../i18n/index.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { planXliffMerge } from '../merge/index.js';
import { mergeChecks } from '../merge/qa-check.js';
import { TarjomanError } from '../model/located-error.js';
import type { Document } from '../model/schema.js';
import { publish } from '../publish/index.js';
import { buildReport, renderHtmlReport, segmentTexts, type ReportFile, type SegmentText } from '../report/index.js';
import { createSegmenter } from '../segment/srx/index.js';
import { annotateTerms } from '../steps/annotate-terms.js';
import { extractDocument } from '../steps/extract-document.js';
import { VERSION } from '../version.js';
import { glossaryLookup } from '../xliff/glossary-from-termbase.js';
import type { Finding } from '../xliff/check/index.js';
import { readXliff } from '../xliff/read/index.js';
import { planKit, xliffPathFor, type KitEntry } from '../xliff/kit/index.js';
import { changedSince, hitsOf, hitsUnchanged, matcherFor, mentions, snapshotOf } from './concepts.js';
import { expandGlobs } from './glob.js';
import { loadGlossaryCached } from './glossary-cache.js';
import { sha256, stepKey } from './key.js';
import { inboxFolders, type Pipeline } from './pipeline.js';
import { JobStore, removeLeftovers, type GlossarySnapshot, type JobRecord } from './store.js';

export type JobEventKind = 'extracted' | 'skipped' | 'failed' | 'returned' | 'rejected' | 'merged' | 'published' | 'report';

export interface JobEvent {
  event: JobEventKind;
  document: string;
  /** why a step was skipped or failed, or the file a step wrote */
  detail?: string;
  file?: string;
}

/** How far the extraction has come, for a progress display. */
export interface RunProgress {
  total: number;
  done: number;
  segments: number;
  words: number;
}

export interface RunOptions {
  root: string;
  concurrency: number;
  merge: boolean;
  onEvent(event: JobEvent): void;
  onProgress?(progress: RunProgress): void;
  formatFinding(finding: Finding): string;
}

export interface RunResult {
  failed: number;
  rejected: number;
  documents: number;
  merged: number;
  published: number;
  /** folders and files, relative to the working folder */
  outbox: string;
  out: string;
  report?: string;
}

/** The run-wide QA report, written into the out folder when there are returned files. */
export const REPORT_FILE = 'qa-report.html';

function toSlash(path: string): string {
  return path.split(sep).join('/');
}

const trimSlash = (p: string) => p.replace(/\/+$/, '');

interface Context {
  pipeline: Pipeline;
  root: string;
  store: JobStore;
  glossary?: Glossary;
  domain?: string;
  snapshot: GlossarySnapshot;
  snapshotId: string;
  /** a matcher for the concepts changed since an older snapshot, by its id, built once per run; undefined when that snapshot is gone */
  changed: Map<string, Promise<{ matcher: TermMatcher | undefined } | undefined>>;
  srxBytes?: Uint8Array;
  matcher?: TermMatcher;
}

async function loadContext(pipeline: Pipeline, root: string): Promise<Context> {
  const at = (p: string) => resolve(root, p);
  const store = new JobStore(at(pipeline.folders.state));
  const loaded = pipeline.glossaries.length ? await loadGlossaryCached(pipeline.glossaries.map(at), at(pipeline.folders.state)) : undefined;
  const glossary = loaded?.glossary;
  const domain = loaded?.domain;
  const snapshot = snapshotOf(glossary);
  // Written before any record points to it, so that a killed run never leaves a dangling id.
  const snapshotId = await store.putSnapshot(snapshot);
  const context: Context = { pipeline, root, store, snapshot, snapshotId, changed: new Map() };
  if (glossary) context.glossary = glossary;
  if (domain !== undefined) context.domain = domain;
  if (pipeline.segmentation) context.srxBytes = new Uint8Array(await readFile(at(pipeline.segmentation.srx)));
  return context;
}

/** Only what changes the written kit; folders and merge policy do not, nor glossary concepts a document does not mention. */
function extractSettings(context: Context) {
  const { pipeline, srxBytes, glossary, domain } = context;
  return {
    languages: pipeline.languages,
    xliff: pipeline.xliff,
    srx: srxBytes ? sha256(srxBytes) : null,
    glossary: glossary ? { languages: glossary.languages, domain: domain ?? null } : null,
  };
}

/**
 * Each document gets its own kit: the XLIFF at its recorded path in the outbox, and the
 * document's glossary slice (or OmegaT project) beside it, named after it, so that documents
 * never overwrite each other's files.
 */
function outboxPath(document: string, entry: KitEntry): string {
  if (entry.role === 'xliff' && !entry.path.includes('/source/')) return entry.path;
  return `${xliffPathFor(document).slice(0, -'.xlf'.length)}.${entry.path}`;
}

async function outputsIntact(root: string, outputs: Record<string, string> | undefined): Promise<boolean> {
  if (!outputs) return false;
  for (const [path, hash] of Object.entries(outputs)) {
    try {
      if (sha256(await readFile(resolve(root, path))) !== hash) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function segmentCount(document: Document): number {
  let n = 0;
  for (const unit of document.units) if (unit.translate) for (const part of unit.parts) if (part.kind === 'segment') n++;
  return n;
}

interface Extracted {
  event: JobEvent;
  segments: number;
  words: number;
}

function parse(context: Context, document: string, bytes: Uint8Array): Document {
  const { pipeline, root } = context;
  const { source, target } = pipeline.languages;
  const srx = pipeline.segmentation ? resolve(root, pipeline.segmentation.srx) : undefined;
  const segmenter = createSegmenter(source, srx ? { srxPath: srx } : {});
  return { ...extractDocument({ bytes, path: document, format: formatForPath(document), sourceLang: source, targetLang: target, segmenter }), path: document };
}

/**
 * Whether a glossary change since the record was written leaves the document's kit as it is:
 * every concept it hit is unchanged, and no new or changed concept occurs in it.
 */
async function glossaryUnaffected(context: Context, record: JobRecord, parsed: () => Document): Promise<boolean> {
  if (record.glossary === context.snapshotId) return true;
  if (!record.glossary || !hitsUnchanged(record.concepts, context.glossary, context.snapshot)) return false;
  let changed = context.changed.get(record.glossary);
  if (!changed) {
    const lang = context.pipeline.languages.source;
    changed = context.store.getSnapshot(record.glossary).then((before) => (before ? { matcher: matcherFor(context.glossary, changedSince(before, context.glossary, context.snapshot), lang) } : undefined));
    context.changed.set(record.glossary, changed);
  }
  const since = await changed;
  return since !== undefined && !mentions(parsed(), since.matcher);
}

async function extractOne(context: Context, document: string): Promise<Extracted> {
  const { pipeline, root, store } = context;
  const bytes = await readFile(resolve(root, document)).then((b) => new Uint8Array(b), (cause: NodeJS.ErrnoException) => {
    throw new TarjomanError('errors:readFailed', { reason: cause.code ?? String(cause) }, { file: document }, { cause });
  });
  const key = stepKey({ document: bytes, glossaries: [], settings: extractSettings(context), toolVersion: VERSION });
  const record = await store.get(document);
  let parsedDocument: Document | undefined;
  const parsed = () => (parsedDocument ??= parse(context, document, bytes));
  const skipped = (r: JobRecord): Extracted => ({ event: { event: 'skipped', document, detail: 'unchanged' }, segments: r.segments ?? 0, words: r.words ?? 0 });
  if (record?.key === key && (await outputsIntact(root, record.outputs)) && (await glossaryUnaffected(context, record, parsed))) {
    if (record.glossary !== context.snapshotId) await store.put({ ...record, glossary: context.snapshotId });
    return skipped(record);
  }

  const { source, target } = pipeline.languages;
  const glossary = context.glossary;
  // One matcher for the whole run: building it costs more than matching a document.
  const annotated = glossary ? annotateTerms(parsed(), (context.matcher ??= createMatcher(glossary, source))) : parsed();
  const entries = planKit([annotated], {
    version: pipeline.xliff.version,
    kit: pipeline.xliff.kit,
    toolVersion: VERSION,
    sourceLang: source,
    targetLang: target,
    ...(glossary ? { glossary: { ...glossary, ...(context.domain !== undefined ? { domain: context.domain } : {}) }, lookup: glossaryLookup(glossary, target) } : {}),
  });
  const outputs: Record<string, string> = {};
  const planned = entries.map((entry) => ({ file: `${trimSlash(pipeline.folders.outbox)}/${outboxPath(document, entry)}`, entry }));
  for (const { file, entry } of planned) outputs[file] = sha256(entry.data);
  const xliff = entries.find((e) => e.role === 'xliff');
  const counts = { ...(xliff?.role === 'xliff' ? { units: xliff.units, words: xliff.words } : {}), segments: segmentCount(annotated) };
  // A new tool version may give the same files: then nothing is rewritten.
  const same = record?.outputs !== undefined && JSON.stringify(record.outputs) === JSON.stringify(outputs) && (await outputsIntact(root, record.outputs));
  // Outputs first, record last: a run killed in between leaves an old record, and the document is redone.
  if (!same) for (const { file, entry } of planned) await writeFileAtomic(resolve(root, file), entry.data);
  const keepState = same && record && record.state !== 'new';
  const concepts = hitsOf(annotated, glossary, context.snapshot);
  const next: JobRecord = { ...(record ?? {}), document, state: keepState ? record.state : 'extracted', key, glossary: context.snapshotId, concepts, outputs, ...counts };
  if (!keepState) delete next.sent;
  await store.put(next);
  if (same) return skipped(next);
  const file = xliff ? planned.find((p) => p.entry === xliff)!.file : undefined;
  return { event: { event: 'extracted', document, ...(file ? { file } : {}) }, segments: counts.segments, words: counts.words ?? 0 };
}

/** The document a returned file is about, even when the file is too broken to be planned. */
export function recordedOriginal(bytes: Uint8Array): string | undefined {
  const match = /\boriginal="([^"]*)"/.exec(Buffer.from(bytes).toString('utf8'));
  return match?.[1];
}

/**
 * Where the findings of a rejected file go: beside it in the first inbox, the translators'
 * drop folder. A file in a further inbox folder (bundled reviewed translations, a shared
 * folder) is never written beside: its findings go into the first inbox under its own path.
 */
export function reportPathFor(pipeline: Pipeline, inboxFile: string): string {
  const [first] = inboxFolders(pipeline).map(trimSlash);
  if (inboxFile.startsWith(`${first}/`)) return `${inboxFile}.qa.txt`;
  return `${first}/${inboxFile}.qa.txt`;
}

/**
 * The record of a returned file merged before, unchanged since, checked against this very
 * glossary, and with its outputs intact: then checking it again would find the same, and
 * the stored findings are used. A file about several documents is always checked again.
 */
async function alreadyMerged(context: Context, bytes: Uint8Array, hash: string): Promise<JobRecord | undefined> {
  const originals = Buffer.from(bytes).toString('utf8').match(/\boriginal="/g) ?? [];
  const document = recordedOriginal(bytes);
  if (originals.length !== 1 || !document) return undefined;
  const record = await context.store.get(document);
  if (!record || record.returned?.sha256 !== hash || (record.state !== 'merged' && record.state !== 'published')) return undefined;
  if (record.checked?.glossary !== context.snapshotId || !(await outputsIntact(context.root, record.merged))) return undefined;
  return record;
}

interface Merged {
  events: JobEvent[];
  report: ReportFile;
}

async function mergeOne(context: Context, inboxFile: string, options: RunOptions, documents: Set<string>): Promise<Merged> {
  const { pipeline, root, store } = context;
  const path = resolve(root, inboxFile);
  const bytes = new Uint8Array(await readFile(path));
  const hash = sha256(bytes);
  const textsOf = () => {
    try {
      return segmentTexts(readXliff(bytes, inboxFile));
    } catch (error) {
      // The plan refuses a file that cannot be read, and says why.
      if (!(error instanceof TarjomanError)) throw error;
      return new Map<string, SegmentText>();
    }
  };
  const skip = await alreadyMerged(context, bytes, hash);
  if (skip) return { events: [{ event: 'skipped', document: skip.document, detail: 'unchanged' }], report: { xliff: inboxFile, original: skip.document, findings: skip.checked!.findings, texts: textsOf() } };
  const plan = await planXliffMerge(bytes, inboxFile, {
    untranslated: pipeline.merge.untranslated,
    ...(pipeline.merge.require ? { require: pipeline.merge.require } : {}),
    to: pipeline.languages.target,
    cwd: root,
    segmenterFor: (lang) => createSegmenter(lang, pipeline.segmentation ? { srxPath: resolve(root, pipeline.segmentation.srx) } : {}),
    checks: mergeChecks(context.glossary),
  });
  const names = plan.documents.length ? plan.documents.map((d) => d.document.path) : [recordedOriginal(bytes) ?? inboxFile];
  const all = [...plan.refusals, ...plan.findings];
  const report: ReportFile = { xliff: inboxFile, original: recordedOriginal(bytes) ?? null, findings: all, texts: textsOf() };
  const errors = all.filter((f) => f.severity === 'error').length;
  const qa = { errors, warnings: all.length - errors, file: inboxFile };
  const reportFile = resolve(root, reportPathFor(pipeline, inboxFile));
  const records = new Map<string, JobRecord>();
  for (const name of names) records.set(name, (await store.get(name)) ?? { document: name, state: 'new' });

  let unchanged = errors === 0;
  for (const r of records.values()) {
    if (!unchanged) break;
    unchanged = r.returned?.sha256 === hash && (r.state === 'merged' || r.state === 'published') && (await outputsIntact(root, r.merged));
  }
  if (unchanged) {
    for (const record of records.values()) if (record.checked?.glossary !== context.snapshotId) await store.put({ ...record, qa, checked: { glossary: context.snapshotId, findings: all } });
    return { events: names.map((document) => ({ event: 'skipped', document, detail: 'unchanged' })), report };
  }

  const events: JobEvent[] = names.map((document) => ({ event: 'returned', document, file: inboxFile }));
  if (errors > 0) {
    await writeFileAtomic(reportFile, all.map((f) => options.formatFinding(f)).join('\n') + '\n');
    for (const record of records.values()) await store.put({ ...record, state: 'rejected', qa, returned: { file: inboxFile, sha256: hash } });
    events.push(...names.map((document): JobEvent => ({ event: 'rejected', document, file: toSlash(relative(root, reportFile)), detail: String(errors) })));
    return { events, report };
  }
  await rm(reportFile, { force: true });
  for (const planned of plan.documents) {
    const outDir = resolve(root, pipeline.folders.out);
    const target = join(outDir, ...planned.outPath.split('/'));
    const merged: Record<string, string> = {};
    await writeFileAtomic(target, planned.bytes);
    merged[toSlash(relative(root, target))] = sha256(planned.bytes);
    const outputs = publish(pipeline.publish, {
      path: planned.document.path,
      units: planned.document.units,
      sourceLang: planned.document.sourceLang,
      targetLang: planned.targetLang,
      toolVersion: VERSION,
    });
    for (const output of outputs) {
      await writeFileAtomic(target + output.suffix, output.content);
      merged[toSlash(relative(root, target + output.suffix))] = sha256(output.content);
    }
    const name = planned.document.path;
    const state = outputs.length ? 'published' : 'merged';
    // The record is written after every output, so a run killed before it merges the file again.
    await store.put({ ...records.get(name)!, state, qa, returned: { file: inboxFile, sha256: hash }, merged, checked: { glossary: context.snapshotId, findings: all } });
    documents.add(name);
    events.push({ event: 'merged', document: name, file: toSlash(relative(root, target)) });
    for (const output of outputs) events.push({ event: 'published', document: name, file: toSlash(relative(root, target + output.suffix)), detail: output.format });
  }
  return { events, report };
}

/** Files translators sent back: XLIFF anywhere under the inbox folders, the first folder's first. */
export async function inboxFiles(pipeline: Pipeline, root: string): Promise<string[]> {
  const files: string[] = [];
  for (const folder of inboxFolders(pipeline).map(trimSlash)) {
    for (const file of await expandGlobs(root, [`${folder}/**/*.xlf`, `${folder}/**/*.xliff`, `${folder}/**/*.xlf.xml`])) if (!files.includes(file)) files.push(file);
  }
  return files;
}

/**
 * The date a report carries: SOURCE_DATE_EPOCH when set, else the time of the newest
 * returned file, so that an unchanged inbox gives the same page and the report is not rewritten.
 */
async function reportDate(root: string, files: readonly string[]): Promise<Date> {
  const epoch = process.env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && /^\d+$/u.test(epoch)) return new Date(Number(epoch) * 1000);
  let newest = 0;
  for (const file of files) newest = Math.max(newest, Math.floor((await stat(resolve(root, file))).mtimeMs / 1000) * 1000);
  return new Date(newest);
}

async function writeIfChanged(path: string, content: string): Promise<boolean> {
  const old = await readFile(path, 'utf8').catch(() => undefined);
  if (old === content) return false;
  await writeFileAtomic(path, content);
  return true;
}

export async function runPipeline(pipeline: Pipeline, options: RunOptions): Promise<RunResult> {
  const { root } = options;
  const folders = [pipeline.folders.outbox, pipeline.folders.out, pipeline.folders.state, inboxFolders(pipeline)[0]!];
  for (const folder of folders) await removeLeftovers(resolve(root, folder));
  const context = await loadContext(pipeline, root);
  const documents = await expandGlobs(root, pipeline.inputs);
  const result: RunResult = { failed: 0, rejected: 0, documents: documents.length, merged: 0, published: 0, outbox: trimSlash(pipeline.folders.outbox), out: trimSlash(pipeline.folders.out) };
  const progress: RunProgress = { total: documents.length, done: 0, segments: 0, words: 0 };
  options.onProgress?.({ ...progress });
  const queue = new PQueue({ concurrency: options.concurrency });
  const fail = (document: string, error: unknown) => {
    result.failed++;
    const detail = error instanceof TarjomanError ? error.render() : (error as Error).message;
    options.onEvent({ event: 'failed', document, detail });
  };
  // Each document stands alone: one that fails is reported, and the others go on.
  await Promise.all(
    documents.map((document) =>
      queue.add(async () => {
        try {
          const done = await extractOne(context, document);
          progress.segments += done.segments;
          progress.words += done.words;
          options.onEvent(done.event);
        } catch (error) {
          fail(document, error);
        }
        progress.done++;
        options.onProgress?.({ ...progress });
      }),
    ),
  );
  if (!result.failed) {
    const keep = new Set([context.snapshotId]);
    for (const document of documents) {
      const id = (await context.store.get(document))?.glossary;
      if (id) keep.add(id);
    }
    await context.store.pruneSnapshots(keep);
  }

  const returned = await inboxFiles(pipeline, root);
  if (options.merge || returned.length) {
    const merged = new Set<string>();
    const reports: ReportFile[] = [];
    for (const file of returned) {
      try {
        const done = await mergeOne(context, file, options, merged);
        reports.push(done.report);
        for (const event of done.events) {
          if (event.event === 'rejected') result.rejected++;
          options.onEvent(event);
        }
      } catch (error) {
        fail(file, error);
      }
    }
    for (const document of documents) {
      const state = (await context.store.get(document))?.state;
      if (state === 'merged' || state === 'published') result.merged++;
      if (state === 'published') result.published++;
    }
    if (reports.length) {
      const report = `${result.out}/${REPORT_FILE}`;
      const html = renderHtmlReport(buildReport(VERSION, reports), { locale: currentLocale(), date: await reportDate(root, returned) });
      if (await writeIfChanged(resolve(root, report), html)) options.onEvent({ event: 'report', document: '', file: report });
      result.report = report;
    }
  }
  return result;
}
