import { closeSync, mkdirSync, openSync, renameSync, rmdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Files written under temporary names as soon as their content is made, then renamed into
 * place together, or all removed with the folders made for them. A command that must write
 * everything or nothing can let go of each output as it goes instead of holding all of them;
 * readers see no output until `commit`, and a refused run leaves the output folder as it was.
 */
export class StagedWrites {
  private readonly staged: { temporary: string; path: string }[] = [];
  private readonly made: string[] = [];

  /** `data` given as chunks is written one chunk after another as each is taken, never joined. */
  write(path: string, data: Uint8Array | string | Iterable<Uint8Array>): void {
    const folder = dirname(path);
    const first = mkdirSync(folder, { recursive: true });
    // mkdirSync names only the topmost folder it made; the ones below it were made too.
    if (first !== undefined) for (let dir = folder; dir.length >= first.length; dir = dirname(dir)) this.made.push(dir);
    const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    this.staged.push({ temporary, path });
    if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(temporary, data);
    else writeChunks(temporary, data);
  }

  /** Every staged file into place, in the order written. */
  commit(): void {
    for (const { temporary, path } of this.staged.splice(0)) renameSync(temporary, path);
    this.made.length = 0;
  }

  /** Nothing staged is kept: the temporary files go, and the folders made for them if they are empty. */
  abort(): void {
    for (const { temporary } of this.staged.splice(0)) rmSync(temporary, { force: true });
    for (const dir of this.made.splice(0).sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty: something else was put there meanwhile, and it stays.
      }
    }
  }
}

function writeChunks(path: string, chunks: Iterable<Uint8Array>): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) {
      // A write may take less than it was given; the rest follows until the chunk is all out.
      for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
    }
  } finally {
    closeSync(fd);
  }
}
