import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatForPath } from '../formats/index.js';
import { createSegmenter } from '../segment/srx/index.js';
import { extractDocument } from '../steps/extract-document.js';
import { documentCounts } from '../xliff/kit/index.js';
import { expandGlobs } from './glob.js';
import type { Pipeline } from './pipeline.js';
import { JobStore, type JobState, type QaSummary } from './store.js';

export interface StatusRow {
  document: string;
  state: JobState;
  /** source words of the translatable units; undefined when the document cannot be read */
  words?: number;
  qa?: QaSummary;
}

/** Every input document with where it stands; documents not yet extracted are counted on the spot. */
export async function pipelineStatus(pipeline: Pipeline, root: string): Promise<StatusRow[]> {
  const store = new JobStore(resolve(root, pipeline.folders.state));
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
    rows.push({ document, state: record?.state ?? 'new', ...(words !== undefined ? { words } : {}), ...(record?.qa ? { qa: record.qa } : {}) });
  }
  return rows;
}
