import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlobs, matchesGlob } from '../../../src/jobs/glob.js';
import { stepKey } from '../../../src/jobs/key.js';

describe('glob matching', () => {
  it.each([
    ['examples/text/a.txt', 'examples/text/*.txt', true],
    ['examples/text/sub/a.txt', 'examples/text/*.txt', false],
    ['examples/text/sub/a.txt', 'examples/**/*.txt', true],
    ['examples/a.txt', 'examples/**/*.txt', true],
    ['examples/a.md', 'examples/**', true],
    ['a.txt', '?.txt', true],
    ['ab.txt', '?.txt', false],
    ['a+b(1).txt', 'a+b(1).txt', true],
    ['axtxt', 'a.txt', false],
  ])('%s ~ %s → %s', (path, pattern, expected) => {
    expect(matchesGlob(path, pattern)).toBe(expected);
  });

  it('expands patterns under a folder, sorted, without repeats, keeping literal names', async () => {
    const root = mkdtempSync(join(tmpdir(), 'glob-'));
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    for (const f of ['a/x.txt', 'a/b/y.txt', 'a/z.md']) writeFileSync(join(root, f), '');
    expect(await expandGlobs(root, ['a/**/*.txt', 'a/*.txt', 'missing.txt', 'none/*.txt'])).toEqual(['a/b/y.txt', 'a/x.txt', 'missing.txt']);
  });
});

describe('step keys', () => {
  const base = {
    document: new TextEncoder().encode('text'),
    glossaries: [{ path: 'g/a.yaml', bytes: new TextEncoder().encode('x') }],
    settings: { a: 1, b: { c: 2 } },
    toolVersion: '1.0.0',
  };

  it('is stable and ignores the order settings were written in', () => {
    expect(stepKey(base)).toBe(stepKey({ ...base, settings: { b: { c: 2 }, a: 1 } }));
    expect(stepKey(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with each part', () => {
    const key = stepKey(base);
    expect(stepKey({ ...base, document: new TextEncoder().encode('text!') })).not.toBe(key);
    expect(stepKey({ ...base, glossaries: [{ path: 'g/a.yaml', bytes: new TextEncoder().encode('y') }] })).not.toBe(key);
    expect(stepKey({ ...base, settings: { a: 2, b: { c: 2 } } })).not.toBe(key);
    expect(stepKey({ ...base, toolVersion: '1.0.1' })).not.toBe(key);
  });

  it('cannot be fooled by moving bytes between parts', () => {
    const a = stepKey({ ...base, document: new TextEncoder().encode('ab'), glossaries: [{ path: 'p', bytes: new TextEncoder().encode('c') }] });
    const b = stepKey({ ...base, document: new TextEncoder().encode('a'), glossaries: [{ path: 'p', bytes: new TextEncoder().encode('bc') }] });
    expect(a).not.toBe(b);
  });
});
