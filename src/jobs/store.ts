import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/write-atomic.js';

export const JOB_STATES = ['new', 'extracted', 'returned', 'rejected', 'merged', 'published'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QaSummary {
  errors: number;
  warnings: number;
  /** the returned file the result is about, relative to the working folder */
  file: string;
}

export interface JobRecord {
  document: string;
  state: JobState;
  /** the key of the last extraction, see stepKey */
  key?: string;
  /** outputs of the extraction, relative to the working folder, with their sha256 */
  outputs?: Record<string, string>;
  units?: number;
  words?: number;
  qa?: QaSummary;
  /** the returned file last merged, so an unchanged one is not merged again */
  returned?: { file: string; sha256: string };
  merged?: Record<string, string>;
}

/** One JSON file per document, so documents processed at once never write the same file. */
export class JobStore {
  constructor(readonly dir: string) {}

  fileFor(document: string): string {
    return join(this.dir, `${encodeURIComponent(document)}.json`);
  }

  async get(document: string): Promise<JobRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.fileFor(document), 'utf8')) as JobRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      // A record that cannot be read is treated as missing: the document is simply redone.
      if (error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  async put(record: JobRecord): Promise<void> {
    await writeFileAtomic(this.fileFor(record.document), `${JSON.stringify(record, null, 2)}\n`);
  }
}
