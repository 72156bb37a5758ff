import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StagedWrites } from '../../../src/io/staged-writes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tarjoman-staged-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tree = (root: string): string[] => (existsSync(root) ? readdirSync(root, { recursive: true }).map(String).sort() : []);

describe('StagedWrites', () => {
  it('shows nothing under the final names until commit, then everything', () => {
    const staging = new StagedWrites();
    staging.write(join(dir, 'out', 'a', 'one.txt'), 'one');
    staging.write(join(dir, 'out', 'two.txt'), new TextEncoder().encode('two'));
    expect(existsSync(join(dir, 'out', 'a', 'one.txt'))).toBe(false);
    expect(tree(join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toHaveLength(2);
    staging.commit();
    expect(readFileSync(join(dir, 'out', 'a', 'one.txt'), 'utf8')).toBe('one');
    expect(readFileSync(join(dir, 'out', 'two.txt'), 'utf8')).toBe('two');
    expect(tree(join(dir, 'out'))).toEqual(['a', 'a/one.txt', 'two.txt']);
    // after a commit, abort has nothing left to undo
    staging.abort();
    expect(tree(join(dir, 'out'))).toEqual(['a', 'a/one.txt', 'two.txt']);
  });

  it('writes chunks one after another as they are taken, never joined', () => {
    const taken: string[] = [];
    function* chunks(): Generator<Uint8Array> {
      for (const part of ['first ', 'بند ', '😀', '', ' last']) {
        taken.push(part);
        yield new TextEncoder().encode(part);
      }
    }
    const staging = new StagedWrites();
    staging.write(join(dir, 'out', 'chunked.txt'), chunks());
    staging.write(join(dir, 'out', 'empty.txt'), []);
    expect(taken).toHaveLength(5);
    staging.commit();
    expect(readFileSync(join(dir, 'out', 'chunked.txt'), 'utf8')).toBe('first بند 😀 last');
    expect(readFileSync(join(dir, 'out', 'empty.txt'))).toHaveLength(0);
  });

  it('leaves nothing behind when the chunks fail part way and the writes are aborted', () => {
    function* failing(): Generator<Uint8Array> {
      yield new TextEncoder().encode('half');
      throw new Error('render failed');
    }
    const staging = new StagedWrites();
    expect(() => staging.write(join(dir, 'out', 'doc.txt'), failing())).toThrow('render failed');
    staging.abort();
    expect(tree(dir)).toEqual([]);
  });

  it('replaces an existing file only on commit', () => {
    writeFileSync(join(dir, 'doc.txt'), 'old');
    const staging = new StagedWrites();
    staging.write(join(dir, 'doc.txt'), 'new');
    expect(readFileSync(join(dir, 'doc.txt'), 'utf8')).toBe('old');
    staging.commit();
    expect(readFileSync(join(dir, 'doc.txt'), 'utf8')).toBe('new');
  });

  it('on abort, removes its files and the folders it made, and nothing else', () => {
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'keep.txt'), 'kept');
    const staging = new StagedWrites();
    staging.write(join(dir, 'out', 'keep.txt'), 'replaced?');
    staging.write(join(dir, 'out', 'deep', 'er', 'doc.txt'), 'x');
    staging.write(join(dir, 'fresh', 'doc.txt'), 'y');
    mkdirSync(join(dir, 'out', 'deep', 'other'));
    writeFileSync(join(dir, 'out', 'deep', 'other', 'theirs.txt'), 'theirs');
    staging.abort();
    expect(tree(dir)).toEqual(['out', 'out/deep', 'out/deep/other', 'out/deep/other/theirs.txt', 'out/keep.txt']);
    expect(readFileSync(join(dir, 'out', 'keep.txt'), 'utf8')).toBe('kept');
  });
});
