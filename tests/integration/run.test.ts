import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const PIPELINE = 'pipelines/news-en-fa.yaml';
let dir: string;

function events(stdout: string): { event: string; document: string; file?: string }[] {
  return stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

function byDocument(stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of events(stdout)) (out[e.document] ??= []).push(e.event);
  return out;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tarjoman-run-'));
  for (const folder of ['examples', 'glossary', 'pipelines']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true });
});

const run = (...args: string[]) => runCli(['run', PIPELINE, '--json', ...args], { cwd: dir });

describe('tarjoman run', () => {
  it('extracts every input once, then skips them all', () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(Object.values(byDocument(first.stdout))).toEqual(Array(4).fill(['extracted']));
    expect(existsSync(join(dir, 'work/outbox/examples/text/night-of-fires.txt.xlf'))).toBe(true);
    expect(existsSync(join(dir, '.tarjoman/state'))).toBe(true);
    const second = run('--concurrency', '2');
    expect(second.status).toBe(0);
    expect(events(second.stdout).map((e) => e.event)).toEqual(Array(4).fill('skipped'));
  });

  it('redoes only the documents a glossary change affects', () => {
    expect(run().status).toBe(0);
    appendFileSync(
      join(dir, 'glossary/en-fa/places.yaml'),
      '\n  - id: place.london\n    type: place\n    terms:\n      en:\n        - { text: "London", status: preferred, case: sensitive }\n      fa:\n        - { text: "لندن", status: preferred }\n',
    );
    const again = run();
    expect(again.status, again.stderr).toBe(0);
    const docs = byDocument(again.stdout);
    expect(docs['examples/text/night-of-fires.txt']).toEqual(['extracted']);
    for (const [doc, evs] of Object.entries(docs)) if (!doc.endsWith('night-of-fires.txt')) expect(evs).toEqual(['skipped']);
    expect(readFileSync(join(dir, 'work/outbox/examples/text/night-of-fires.txt.xlf'), 'utf8')).toContain('place.london');
  });

  it('finishes the good documents when one is broken, and exits 1', () => {
    writeFileSync(join(dir, 'examples/text/broken.txt'), new Uint8Array([0x66, 0xff, 0xfe, 0x00]));
    const result = run();
    expect(result.status).toBe(1);
    const docs = byDocument(result.stdout);
    expect(docs['examples/text/broken.txt']).toEqual(['failed']);
    expect(Object.values(docs).filter((e) => e[0] === 'extracted')).toHaveLength(4);
    expect(result.stderr).toMatch(/1 document/);
  });

  it('merges a returned file from the inbox, and status shows it merged', () => {
    expect(run().status).toBe(0);
    mkdirSync(join(dir, 'work/inbox'), { recursive: true });
    cpSync(join(dir, 'examples/returned/night-of-fires.txt.xlf'), join(dir, 'work/inbox/night-of-fires.txt.xlf'));
    const merged = run('--merge');
    expect(merged.status, merged.stdout + merged.stderr).toBe(0);
    expect(byDocument(merged.stdout)['examples/text/night-of-fires.txt']).toEqual(['skipped', 'returned', 'merged']);
    expect(readFileSync(join(dir, 'work/out/examples/text/night-of-fires.txt'), 'utf8')).toBe(readFileSync(join(repoRoot, 'examples/translations/night-of-fires.fa.txt'), 'utf8'));
    const status = runCli(['status', PIPELINE], { cwd: dir });
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/examples\/text\/night-of-fires\.txt\s+merged\s+\d+\s+0 error/);
    expect(status.stdout).toMatch(/examples\/html\/snapback-opinion\.html\s+extracted\s+\d+/);
    // An unchanged returned file is not merged again.
    expect(events(run().stdout).every((e) => e.event === 'skipped')).toBe(true);
  });

  it('leaves a hostile copy in the inbox with its findings beside it', () => {
    mkdirSync(join(dir, 'work/inbox'), { recursive: true });
    const hostile = readFileSync(join(dir, 'examples/returned/night-of-fires.txt.xlf'), 'utf8').replace(/ی/g, 'ي');
    const file = join(dir, 'work/inbox/night-of-fires.txt.xlf');
    writeFileSync(file, hostile);
    const result = run();
    expect(result.status).toBe(1);
    expect(byDocument(result.stdout)['examples/text/night-of-fires.txt']).toEqual(['extracted', 'returned', 'rejected']);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(`${file}.qa.txt`, 'utf8')).toMatch(/^work\/inbox\/night-of-fires\.txt\.xlf:\d+:\d+: /m);
    expect(existsSync(join(dir, 'work/out/examples/text/night-of-fires.txt'))).toBe(false);
    const status = runCli(['status', PIPELINE, '--json'], { cwd: dir });
    const row = (JSON.parse(status.stdout) as { document: string; state: string; qa?: { errors: number } }[]).find((r) => r.document.endsWith('night-of-fires.txt'))!;
    expect(row.state).toBe('rejected');
    expect(row.qa!.errors).toBeGreaterThan(0);
  });

  it('refuses a broken pipeline file naming line, column and field', () => {
    writeFileSync(join(dir, PIPELINE), readFileSync(join(dir, PIPELINE), 'utf8').replace('source: en', 'source: 7'));
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/pipelines\/news-en-fa\.yaml:5:11: languages\.source: /);
  });
});
