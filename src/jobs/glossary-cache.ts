import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { combineGlossaryFiles, glossaryFilesOf, loadGlossaryFiles, mergeGlossaryFiles } from '../glossary/load.js';
import { Concept, type Glossary } from '../glossary/schema.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { VERSION } from '../version.js';
import { sha256 } from './key.js';

/*
 * A run that finds nothing to do still has to know the glossary. The loaded glossary is kept
 * in the store as plain JSON, keyed by the bytes of every glossary file and the tool version,
 * and read back when none of them changed. A cache that is missing, stale or unreadable is
 * simply rebuilt. Since native YAML in the usual shape is read without a node tree, a cache hit
 * saves less than it did (about 40% at 100,000 entries, little at 10,000): the read-back is a
 * full zod pass.
 */

const CachedSchema = z.object({
  key: z.string(),
  languages: z.array(z.string()),
  entries: z.array(Concept),
  origins: z.array(z.tuple([z.string(), z.object({ file: z.string(), line: z.number().optional() })])),
  domain: z.string().optional(),
});

export interface LoadedGlossary {
  glossary: Glossary;
  domain?: string;
}

export async function loadGlossaryCached(paths: readonly string[], stateDir: string): Promise<LoadedGlossary> {
  const files = await glossaryFilesOf(paths);
  const hash = await Promise.all(files.map(async (f) => `${f.length}:${f}${sha256(await readFile(f))}`));
  const key = sha256(`${VERSION}\n${hash.join('\n')}`);
  const cacheFile = join(stateDir, 'cache', 'glossary.json');
  try {
    const cached = CachedSchema.safeParse(JSON.parse(await readFile(cacheFile, 'utf8')));
    if (cached.success && cached.data.key === key) {
      const { languages, entries, origins, domain } = cached.data;
      const glossary: Glossary = { languages, entries, origins: new Map(origins.map(([id, at]) => [id, at.line === undefined ? { file: at.file } : { file: at.file, line: at.line }])) };
      return domain === undefined ? { glossary } : { glossary, domain };
    }
  } catch {
    // No cache yet, or one cut short: read the files.
  }
  const loaded = await loadGlossaryFiles(files);
  const glossary = mergeGlossaryFiles(loaded);
  const domain = combineGlossaryFiles(loaded).domain;
  const cache: z.input<typeof CachedSchema> = { key, languages: glossary.languages, entries: glossary.entries, origins: [...glossary.origins], ...(domain !== undefined ? { domain } : {}) };
  await writeFileAtomic(cacheFile, JSON.stringify(cache));
  return domain === undefined ? { glossary } : { glossary, domain };
}
