import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { registerTerms } from '../../../src/cli/terms.js';
import type { Glossary } from '../../../src/glossary/schema.js';

const glossary: Glossary = {
  languages: ['en', 'fa'],
  origins: new Map(),
  entries: [
    { id: 'mek', type: 'organization', terms: { en: [{ text: 'MEK', status: 'preferred' }], fa: [{ text: 'سازمان مجاهدین خلق', status: 'preferred' }] } },
    { id: 'khamenei', type: 'person', terms: { en: [{ text: 'Khamenei', status: 'preferred' }], fa: [{ text: 'خامنه‌ای', status: 'preferred' }] } },
  ],
};

const loaded: string[][] = [];
vi.mock('../../../src/glossary/load.js', () => ({
  loadGlossary: async (paths: string[]) => {
    loaded.push(paths);
    return glossary;
  },
}));

async function run(args: string[], stdin = ''): Promise<string> {
  let out = '';
  const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, stdin: Readable.from([Buffer.from(stdin)]) };
  const program = new Command('tarjoman').exitOverride();
  registerTerms(program, io);
  await program.parseAsync(['node', 'tarjoman', ...args]);
  return out;
}

describe('tarjoman terms', () => {
  it('prints JSON matches of standard input', async () => {
    const out = await run(['terms', '--glossary', 'g.yaml', '--json'], 'Khamenei and the MEK’s men');
    expect(JSON.parse(out)).toEqual([
      { entry: 'khamenei', start: 0, end: 8, text: 'Khamenei', targets: ['خامنه‌ای'] },
      { entry: 'mek', start: 17, end: 22, text: 'MEK’s', targets: ['سازمان مجاهدین خلق'] },
    ]);
  });

  it('reads a file, takes several glossaries, and prints a table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'terms-'));
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'x\nسخنان خامنه ای');
    const out = await run(['terms', '-g', 'a.yaml', '--glossary', 'b', '--lang', 'fa', file]);
    expect(loaded.at(-1)).toEqual(['a.yaml', 'b']);
    expect(out).toContain('2:7');
    expect(out).toContain('khamenei');
    expect(out).toContain('Khamenei');
  });

  it('requires a glossary', async () => {
    await expect(run(['terms', '--json'], 'Khamenei')).rejects.toThrow();
  });
});
