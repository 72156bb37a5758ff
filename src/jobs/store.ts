import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../io/write-atomic.js';
import type { Finding } from '../xliff/check/index.js';
import { sha256 } from './key.js';

export const JOB_STATES = ['new', 'extracted', 'sent', 'returned', 'rejected', 'merged', 'published'] as const;
export type JobState = (typeof JOB_STATES)[number];

const QaSummarySchema = z.object({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  /** the returned file the result is about, relative to the working folder */
  file: z.string(),
});
export type QaSummary = z.infer<typeof QaSummarySchema>;

const hashes = z.record(z.string(), z.string());

export const JobRecordSchema = z.object({
  document: z.string().min(1),
  state: z.enum(JOB_STATES),
  /** the key of the last extraction, see stepKey */
  key: z.string().optional(),
  /** the glossary snapshot the extraction was last checked against */
  glossary: z.string().optional(),
  /** the concepts found in the document, in glossary order, with the hash of each */
  concepts: z.array(z.tuple([z.string(), z.string()])).optional(),
  /** outputs of the extraction, relative to the working folder, with their sha256 */
  outputs: hashes.optional(),
  units: z.number().int().nonnegative().optional(),
  segments: z.number().int().nonnegative().optional(),
  words: z.number().int().nonnegative().optional(),
  qa: QaSummarySchema.optional(),
  /** the returned file last merged, so an unchanged one is not merged again */
  returned: z.object({ file: z.string(), sha256: z.string() }).optional(),
  merged: hashes.optional(),
  /** the glossary snapshot the merged file was checked against, and what the check found */
  checked: z.object({ glossary: z.string(), findings: z.array(z.custom<Finding>((v) => typeof v === 'object' && v !== null)) }).optional(),
  /** the key of the kit that was marked as sent to translators */
  sent: z.string().optional(),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

/** concept id → hash of the concept, for the whole glossary a run used */
export type GlossarySnapshot = Record<string, string>;

/*
 * The name writeFileAtomic gives its temporary files. A run killed between writing one and
 * renaming it leaves it behind; the next run removes them before it starts.
 */
const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/u;

/** Removes temporary files left by an interrupted run anywhere under `dir`. */
export async function removeLeftovers(dir: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed += await removeLeftovers(path);
    else if (entry.isFile() && TEMPORARY.test(entry.name)) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * One JSON file per document, so documents processed at once never write the same file, and
 * each file replaced whole by a rename, so a killed run leaves the old record or the new one.
 * Glossary snapshots live in a sub-folder, named by their own hash, so that a record can
 * point to the exact glossary it was checked against.
 */
export class JobStore {
  constructor(readonly dir: string) {}

  fileFor(document: string): string {
    return join(this.dir, `${encodeURIComponent(document)}.json`);
  }

  async get(document: string): Promise<JobRecord | undefined> {
    const data = await this.readJson(this.fileFor(document));
    // A record that cannot be read or is not a record is treated as missing: the document is simply redone.
    const parsed = JobRecordSchema.safeParse(data);
    return parsed.success && parsed.data.document === document ? parsed.data : undefined;
  }

  async put(record: JobRecord): Promise<void> {
    await writeFileAtomic(this.fileFor(record.document), `${JSON.stringify(JobRecordSchema.parse(record), null, 2)}\n`);
  }

  private snapshotFile(id: string): string {
    return join(this.dir, 'glossary', `${id}.json`);
  }

  /** Stores a snapshot (once) and returns its id. */
  async putSnapshot(snapshot: GlossarySnapshot): Promise<string> {
    const text = `${JSON.stringify(snapshot, null, 1)}\n`;
    const id = sha256(text);
    const existing = await this.getSnapshot(id);
    if (!existing) await writeFileAtomic(this.snapshotFile(id), text);
    return id;
  }

  async getSnapshot(id: string): Promise<GlossarySnapshot | undefined> {
    const parsed = z.record(z.string(), z.string()).safeParse(await this.readJson(this.snapshotFile(id)));
    return parsed.success ? parsed.data : undefined;
  }

  /** Drops the snapshots no record points to any more. */
  async pruneSnapshots(keep: ReadonlySet<string>): Promise<void> {
    const names = await readdir(join(this.dir, 'glossary')).catch(() => [] as string[]);
    for (const name of names) if (name.endsWith('.json') && !keep.has(name.slice(0, -5))) await rm(join(this.dir, 'glossary', name), { force: true });
  }

  private async readJson(file: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as unknown;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }
}
