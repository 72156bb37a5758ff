import { readFile, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import PQueue from 'p-queue';
import { formatForPath } from '../formats/index.js';
import { combineGlossaryFiles, glossaryFilesOf, loadGlossaryFiles, mergeGlossaryFiles } from '../glossary/load.js';
import { createMatcher } from '../glossary/matcher/index.js';
import type { Glossary } from '../glossary/schema.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { planXliffMerge } from '../merge/index.js';
import { mergeChecks } from '../merge/qa-check.js';
import { TarjomanError } from '../model/located-error.js';
import { publish } from '../publish/index.js';
import { createSegmenter } from '../segment/srx/index.js';
import { annotateTerms } from '../steps/annotate-terms.js';
import { extractDocument } from '../steps/extract-document.js';
import { VERSION } from '../version.js';
import { glossaryLookup } from '../xliff/glossary-from-termbase.js';
import type { Finding } from '../xliff/check/index.js';
import { planKit, xliffPathFor, type KitEntry } from '../xliff/kit/index.js';
import { expandGlobs } from './glob.js';
import { sha256, stepKey } from './key.js';
import type { Pipeline } from './pipeline.js';
import { JobStore, type JobRecord } from './store.js';

export type JobEventKind = 'extracted' | 'skipped' | 'failed' | 'returned' | 'rejected' | 'merged' | 'published';

export interface JobEvent {
  event: JobEventKind;
  document: string;
  /** why a step was skipped or failed, or the file a step wrote */
  detail?: string;
  file?: string;
}

export interface RunOptions {
  root: string;
  concurrency: number;
  merge: boolean;
  onEvent(event: JobEvent): void;
  formatFinding(finding: Finding): string;
}

export interface RunResult {
  failed: number;
  rejected: number;
}

function toSlash(path: string): string {
  return path.split(sep).join('/');
}

interface Context {
  pipeline: Pipeline;
  root: string;
  store: JobStore;
  glossary?: Glossary;
  lookupEntries: KitEntry[] | undefined;
  glossaryBytes: { path: string; bytes: Uint8Array }[];
  srxBytes?: Uint8Array;
}

async function loadContext(pipeline: Pipeline, root: string): Promise<Context> {
  const at = (p: string) => resolve(root, p);
  const files = pipeline.glossaries.length ? await glossaryFilesOf(pipeline.glossaries.map(at)) : [];
  const glossaryBytes = await Promise.all(files.map(async (f) => ({ path: toSlash(relative(root, f)), bytes: new Uint8Array(await readFile(f)) })));
  glossaryBytes.sort((a, b) => (a.path < b.path ? -1 : 1));
  const context: Context = { pipeline, root, store: new JobStore(at(pipeline.folders.state)), lookupEntries: undefined, glossaryBytes };
  if (pipeline.glossaries.length) context.glossary = mergeGlossaryFiles(await loadGlossaryFiles(pipeline.glossaries.map(at)));
  if (pipeline.segmentation) context.srxBytes = new Uint8Array(await readFile(at(pipeline.segmentation.srx)));
  return context;
}

/** Only what changes the written kit; folders and merge policy do not. */
function extractSettings(pipeline: Pipeline, srx?: Uint8Array) {
  return { languages: pipeline.languages, xliff: pipeline.xliff, srx: srx ? sha256(srx) : null };
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

async function extractOne(context: Context, document: string, glossaryFiles: Awaited<ReturnType<typeof loadGlossaryFiles>> | undefined): Promise<JobEvent> {
  const { pipeline, root, store } = context;
  const bytes = await readFile(resolve(root, document)).then((b) => new Uint8Array(b), (cause: NodeJS.ErrnoException) => {
    throw new TarjomanError('errors:readFailed', { reason: cause.code ?? String(cause) }, { file: document }, { cause });
  });
  const key = stepKey({ document: bytes, glossaries: context.glossaryBytes, settings: extractSettings(pipeline, context.srxBytes), toolVersion: VERSION });
  const record = await store.get(document);
  if (record?.key === key && (await outputsIntact(root, record.outputs))) return { event: 'skipped', document, detail: 'unchanged' };

  const { source, target } = pipeline.languages;
  const srx = pipeline.segmentation ? resolve(root, pipeline.segmentation.srx) : undefined;
  const segmenter = createSegmenter(source, srx ? { srxPath: srx } : {});
  let extracted = extractDocument({ bytes, path: document, format: formatForPath(document), sourceLang: source, targetLang: target, segmenter });
  extracted = { ...extracted, path: document };
  const glossary = context.glossary;
  const annotated = glossary ? annotateTerms(extracted, createMatcher(glossary, source)) : extracted;
  const domain = glossaryFiles ? combineGlossaryFiles(glossaryFiles).domain : undefined;
  const entries = planKit([annotated], {
    version: pipeline.xliff.version,
    kit: pipeline.xliff.kit,
    toolVersion: VERSION,
    sourceLang: source,
    targetLang: target,
    ...(glossary ? { glossary: { ...glossary, ...(domain !== undefined ? { domain } : {}) }, lookup: glossaryLookup(glossary, target) } : {}),
  });
  const outputs: Record<string, string> = {};
  const planned = entries.map((entry) => ({ file: `${pipeline.folders.outbox.replace(/\/+$/, '')}/${outboxPath(document, entry)}`, entry }));
  for (const { file, entry } of planned) outputs[file] = sha256(entry.data);
  const xliff = entries.find((e) => e.role === 'xliff');
  const counts = xliff?.role === 'xliff' ? { units: xliff.units, words: xliff.words } : {};
  // A new glossary or tool version may give the same files: then nothing is rewritten.
  const same = record?.outputs !== undefined && JSON.stringify(record.outputs) === JSON.stringify(outputs) && (await outputsIntact(root, record.outputs));
  if (!same) for (const { file, entry } of planned) await writeFileAtomic(resolve(root, file), entry.data);
  const keepState = same && record && record.state !== 'new';
  await store.put({ ...(record ?? {}), document, state: keepState ? record.state : 'extracted', key, outputs, ...counts });
  if (same) return { event: 'skipped', document, detail: 'unchanged' };
  return { event: 'extracted', document, file: xliff ? planned.find((p) => p.entry === xliff)!.file : undefined } as JobEvent;
}

/** The document a returned file is about, even when the file is too broken to be planned. */
function recordedOriginal(bytes: Uint8Array): string | undefined {
  const match = /\boriginal="([^"]*)"/.exec(Buffer.from(bytes).toString('utf8'));
  return match?.[1];
}

async function mergeOne(context: Context, inboxFile: string, options: RunOptions, documents: Set<string>): Promise<JobEvent[]> {
  const { pipeline, root, store } = context;
  const path = resolve(root, inboxFile);
  const bytes = new Uint8Array(await readFile(path));
  const hash = sha256(bytes);
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
  const errors = all.filter((f) => f.severity === 'error').length;
  const qa = { errors, warnings: all.length - errors, file: inboxFile };
  const report = `${path}.qa.txt`;
  const records = new Map<string, JobRecord>();
  for (const name of names) records.set(name, (await store.get(name)) ?? { document: name, state: 'new' });

  const unchanged = [...records.values()].every((r) => r.returned?.sha256 === hash && (r.state === 'merged' || r.state === 'published'));
  if (unchanged && errors === 0) return names.map((document) => ({ event: 'skipped', document, detail: 'unchanged' }));

  const events: JobEvent[] = names.map((document) => ({ event: 'returned', document, file: inboxFile }));
  if (errors > 0) {
    await writeFileAtomic(report, all.map((f) => options.formatFinding(f)).join('\n') + '\n');
    for (const record of records.values()) await store.put({ ...record, state: 'rejected', qa });
    return [...events, ...names.map((document): JobEvent => ({ event: 'rejected', document, file: toSlash(relative(root, report)), detail: String(errors) }))];
  }
  await rm(report, { force: true });
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
    await store.put({ ...records.get(name)!, state, qa, returned: { file: inboxFile, sha256: hash }, merged });
    documents.add(name);
    events.push({ event: 'merged', document: name, file: toSlash(relative(root, target)) });
    if (outputs.length) events.push({ event: 'published', document: name, detail: pipeline.publish.join(',') });
  }
  return events;
}

/** Files a translator sent back: XLIFF anywhere under the inbox. */
export async function inboxFiles(pipeline: Pipeline, root: string): Promise<string[]> {
  const inbox = pipeline.folders.inbox.replace(/\/+$/, '');
  return expandGlobs(root, [`${inbox}/**/*.xlf`, `${inbox}/**/*.xliff`, `${inbox}/**/*.xlf.xml`]);
}

export async function runPipeline(pipeline: Pipeline, options: RunOptions): Promise<RunResult> {
  const { root } = options;
  const context = await loadContext(pipeline, root);
  const glossaryFiles = pipeline.glossaries.length ? await loadGlossaryFiles(pipeline.glossaries.map((g) => resolve(root, g))) : undefined;
  const documents = await expandGlobs(root, pipeline.inputs);
  const result: RunResult = { failed: 0, rejected: 0 };
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
          options.onEvent(await extractOne(context, document, glossaryFiles));
        } catch (error) {
          fail(document, error);
        }
      }),
    ),
  );

  const returned = await inboxFiles(pipeline, root);
  if (options.merge || returned.length) {
    const merged = new Set<string>();
    for (const file of returned) {
      try {
        for (const event of await mergeOne(context, file, options, merged)) {
          if (event.event === 'rejected') result.rejected++;
          options.onEvent(event);
        }
      } catch (error) {
        fail(file, error);
      }
    }
  }
  return result;
}
