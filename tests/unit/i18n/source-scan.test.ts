import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSource } from './message-scan.js';

const root = join(import.meta.dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('messages come from locales/', () => {
  it('flags words written straight to a stream, and not a message taken by key', () => {
    const sample = [
      "io.stdout.write('Done, all files written');",
      "io.stdout.write(`${t('cli:done')}\\n`);",
      "throw new Error(`cannot open ${path} for writing`);",
      "console.error('something went wrong');",
      "program.option('--out <file>', 'where to write the result');",
      "program.option('--out <file>', t('cli:options.out'));",
      "t('cli:done', { defaultValue: 'all done now' });",
      "const id = 'not a sink at all';",
    ].join('\n');
    const found = scanSource('sample.ts', sample);
    expect(found.map((f) => [f.line, f.sink, f.text])).toEqual([
      [1, '.write', 'Done, all files written'],
      [3, 'throw new Error', 'cannot open '],
      [3, 'throw new Error', ' for writing'],
      [4, 'console.error', 'something went wrong'],
      [5, '.option', 'where to write the result'],
      [7, 't() fallback', 'all done now'],
    ]);
  });

  it('finds no such message in src/', () => {
    const found = sources(join(root, 'src')).flatMap((file) =>
      scanSource(relative(root, file), readFileSync(file, 'utf8')).map((f) => `${f.file}:${f.line}:${f.column} ${f.sink}: ${JSON.stringify(f.text)}`),
    );
    expect(found).toEqual([]);
  });
});
