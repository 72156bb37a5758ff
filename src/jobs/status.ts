import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatForPath } from '../formats/index.js';
import { createSegmenter } from '../segment/srx/index.js';
import { extractDocument } from '../steps/extract-document.js';
import { documentCounts } from '../xliff/kit/index.js';
import { expandGlobs } from './glob.js';
import { sha256 } from './key.js';
import type { Pipeline } from './pipeline.js';
import { inboxFiles, recordedOriginal } from './run.js';
import { JobStore, type JobState, type QaSummary } from './store.js';

export interface StatusRow {
  document: string;
  state: JobState;
  /** source words of the translatable units; undefined when the document cannot be read */
  words?: number;
  qa?: QaSummary;
  /** a returned file waiting in the inbox for this document */
  waiting?: string;
}

/** Returned files in the inbox not merged yet, by the document they are about. */
async function waitingFiles(pipeline: Pipeline, root: string): Promise<Map<string, { file: string; sha256: string }>> {
  const waiting = new Map<string, { file: string; sha256: string }>();
  for (const file of await inboxFiles(pipeline, root)) {
    const bytes = await readFile(resolve(root, file)).then((b) => new Uint8Array(b), () => undefined);
    const document = bytes && recordedOriginal(bytes);
    if (document && !waiting.has(document)) waiting.set(document, { file, sha256: sha256(bytes) });
  }
  return waiting;
}

/** Every input document with where it stands; documents not yet extracted are counted on the spot. */
export async function pipelineStatus(pipeline: Pipeline, root: string): Promise<StatusRow[]> {
  const store = new JobStore(resolve(root, pipeline.folders.state));
  const waiting = await waitingFiles(pipeline, root);
  const rows: StatusRow[] = [];
  for (const document of await expandGlobs(root, pipeline.inputs)) {
    const record = await store.get(document);
    let words = record?.words;
    if (words === undefined) {
      try {
        const bytes = new Uint8Array(await readFile(resolve(root, document)));
        const srxPath = pipeline.segmentation ? resolve(root, pipeline.segmentation.srx) : undefined;
        const segmenter = createSegmenter(pipeline.languages.source, srxPath ? { srxPath } : {});
        const extracted = extractDocument({ bytes, path: document, format: formatForPath(document), sourceLang: pipeline.languages.source, segmenter });
        words = documentCounts(extracted).words;
      } catch {
        words = undefined;
      }
    }
    let state: JobState = record?.state ?? 'new';
    // A file the run has not looked at yet (or a newer one than it last checked) means the translation is back.
    const back = waiting.get(document);
    if (back && record?.returned?.sha256 !== back.sha256 && state !== 'new') state = 'returned';
    rows.push({ document, state, ...(words !== undefined ? { words } : {}), ...(record?.qa ? { qa: record.qa } : {}), ...(state === 'returned' && back ? { waiting: back.file } : {}) });
  }
  return rows;
}
