import { resolve } from 'node:path';
import { TarjomanError } from '../model/located-error.js';
import { expandGlobs } from './glob.js';
import type { Pipeline } from './pipeline.js';
import { JobStore } from './store.js';

/**
 * Records that the kits of these documents (all extracted ones when none is named) went to
 * translators. The mark holds the kit's key: a document extracted again gets a new kit, and
 * is `extracted`, not `sent`, until that one is sent too.
 */
export async function markSent(pipeline: Pipeline, root: string, named: readonly string[]): Promise<string[]> {
  const store = new JobStore(resolve(root, pipeline.folders.state));
  const inputs = await expandGlobs(root, pipeline.inputs);
  const wanted = named.length ? named.map((d) => d.replace(/^\.\//, '')) : inputs;
  for (const document of wanted) if (!inputs.includes(document)) throw new TarjomanError('jobs:sent.notInput', { document });
  const marked: string[] = [];
  for (const document of wanted) {
    const record = await store.get(document);
    if (!record || record.state === 'new' || !record.key) {
      if (named.length) throw new TarjomanError('jobs:sent.notExtracted', { document });
      continue;
    }
    // A document further along (returned, merged) keeps its state; only the mark is recorded.
    if (record.state !== 'extracted' && record.state !== 'sent') continue;
    await store.put({ ...record, state: 'sent', sent: record.key });
    marked.push(document);
  }
  return marked;
}
