import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  for (const e of events(stdout)) if (e.event !== 'report') (out[e.document] ??= []).push(e.event);
  return out;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tarjoman-run-'));
  for (const folder of ['examples', 'glossary', 'pipelines']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true });
});

/** The pipeline with the translators' drop folder as its only inbox. */
function dropFolderOnly(): void {
  writeFileSync(join(dir, PIPELINE), readFileSync(join(dir, PIPELINE), 'utf8').replace(/^  inbox: .*$/m, '  inbox: work/inbox'));
}

const run = (...args: string[]) => runCli(['run', PIPELINE, '--json', ...args], { cwd: dir });

describe('tarjoman run', () => {
  it('extracts every input once, then skips them all', () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const docs = byDocument(first.stdout);
    expect(Object.keys(docs)).toHaveLength(4);
    // The bundled reviewed translations (examples/returned) are merged and published at once.
    const translated = ['examples/text/night-of-fires.txt', 'examples/html/snapback-opinion.html'];
    for (const [doc, evs] of Object.entries(docs)) expect(evs).toEqual(translated.includes(doc) ? ['extracted', 'returned', 'merged', 'published'] : ['extracted']);
    expect(existsSync(join(dir, 'work/outbox/examples/text/night-of-fires.txt.xlf'))).toBe(true);
    expect(existsSync(join(dir, '.tarjoman/state'))).toBe(true);
    const second = run('--concurrency', '2');
    expect(second.status).toBe(0);
    // Four documents, and the two bundled returned files.
    expect(events(second.stdout).map((e) => e.event)).toEqual(Array(6).fill('skipped'));
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
    dropFolderOnly();
    expect(run().status).toBe(0);
    mkdirSync(join(dir, 'work/inbox'), { recursive: true });
    cpSync(join(dir, 'examples/returned/night-of-fires.txt.xlf'), join(dir, 'work/inbox/night-of-fires.txt.xlf'));
    const merged = run('--merge');
    expect(merged.status, merged.stdout + merged.stderr).toBe(0);
    expect(byDocument(merged.stdout)['examples/text/night-of-fires.txt']).toEqual(['skipped', 'returned', 'merged', 'published']);
    expect(readFileSync(join(dir, 'work/out/examples/text/night-of-fires.txt'), 'utf8')).toBe(readFileSync(join(repoRoot, 'examples/translations/night-of-fires.fa.txt'), 'utf8'));
    const status = runCli(['status', PIPELINE], { cwd: dir });
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/examples\/text\/night-of-fires\.txt\s+published\s+\d+\s+0 error/);
    expect(status.stdout).toMatch(/examples\/html\/snapback-opinion\.html\s+extracted\s+\d+/);
    // An unchanged returned file is not merged again.
    expect(events(run().stdout).every((e) => e.event === 'skipped')).toBe(true);
  });

  it('leaves a hostile copy in the inbox with its findings beside it', () => {
    dropFolderOnly();
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

  it('writes the findings about a file in a further inbox folder into the first one, leaving the file as it is', () => {
    writeFileSync(join(dir, PIPELINE), readFileSync(join(dir, PIPELINE), 'utf8').replace(/^  inbox: .*$/m, '  inbox: [work/inbox, shared/returned]'));
    mkdirSync(join(dir, 'shared/returned'), { recursive: true });
    const hostile = readFileSync(join(dir, 'examples/returned/night-of-fires.txt.xlf'), 'utf8').replace(/ی/g, 'ي');
    writeFileSync(join(dir, 'shared/returned/night-of-fires.txt.xlf'), hostile);
    const result = run();
    expect(result.status).toBe(1);
    expect(readFileSync(join(dir, 'shared/returned/night-of-fires.txt.xlf'), 'utf8')).toBe(hostile);
    expect(existsSync(join(dir, 'shared/returned/night-of-fires.txt.xlf.qa.txt'))).toBe(false);
    expect(readFileSync(join(dir, 'work/inbox/shared/returned/night-of-fires.txt.xlf.qa.txt'), 'utf8')).toMatch(/^shared\/returned\/night-of-fires\.txt\.xlf:\d+:\d+: /m);
  });

  it('records kits sent to translators, and shows a translation waiting in the inbox as returned', () => {
    dropFolderOnly();
    expect(run().status).toBe(0);
    const state = (json: string, doc: string) => (JSON.parse(json) as { document: string; state: string }[]).find((r) => r.document === doc)!.state;
    const sent = runCli(['sent', PIPELINE, 'examples/text/night-of-fires.txt'], { cwd: dir });
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stdout).toContain('examples/text/night-of-fires.txt');
    let status = runCli(['status', PIPELINE, '--json'], { cwd: dir }).stdout;
    expect(state(status, 'examples/text/night-of-fires.txt')).toBe('sent');
    expect(state(status, 'examples/html/snapback-opinion.html')).toBe('extracted');
    expect(runCli(['status', PIPELINE], { cwd: dir }).stdout).toMatch(/examples\/text\/night-of-fires\.txt\s+sent\s+\d+/);
    // A second run keeps the mark: the kit the translators have is still the current one.
    expect(run().status).toBe(0);
    expect(state(runCli(['status', PIPELINE, '--json'], { cwd: dir }).stdout, 'examples/text/night-of-fires.txt')).toBe('sent');
    mkdirSync(join(dir, 'work/inbox'), { recursive: true });
    cpSync(join(dir, 'examples/returned/night-of-fires.txt.xlf'), join(dir, 'work/inbox/night-of-fires.txt.xlf'));
    status = runCli(['status', PIPELINE, '--json'], { cwd: dir }).stdout;
    expect(state(status, 'examples/text/night-of-fires.txt')).toBe('returned');
    expect(run().status).toBe(0);
    expect(state(runCli(['status', PIPELINE, '--json'], { cwd: dir }).stdout, 'examples/text/night-of-fires.txt')).toBe('published');
    // Without names, every extracted document is marked; a name that is not an input is refused.
    expect(runCli(['sent', PIPELINE], { cwd: dir }).stdout.trim().split('\n')).toHaveLength(3);
    const wrong = runCli(['sent', PIPELINE, 'examples/text/nowhere.txt'], { cwd: dir });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('examples/text/nowhere.txt');
  });

  it('refuses a broken pipeline file naming line, column and field', () => {
    writeFileSync(join(dir, PIPELINE), readFileSync(join(dir, PIPELINE), 'utf8').replace('source: en', 'source: 7'));
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/pipelines\/news-en-fa\.yaml:5:11: languages\.source: /);
  });
});
