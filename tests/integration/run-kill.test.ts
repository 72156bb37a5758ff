import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JobRecordSchema } from '../../src/jobs/store.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { seededRandom } from '../helpers/random.js';

const PIPELINE = 'pipelines/news-en-fa.yaml';
const TRIES = 20;
const COPIES = 2;
// The report carries a date; fixing it makes a clean run and a resumed one comparable byte for byte.
const env = { SOURCE_DATE_EPOCH: '1700000000' };


/** A project with the examples and more articles made from them, so a run lasts long enough to be cut. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tarjoman-kill-'));
  for (const folder of ['examples', 'glossary', 'pipelines']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true });
  const text = readFileSync(join(repoRoot, 'examples/text/night-of-fires.txt'), 'utf8');
  const markdown = readFileSync(join(repoRoot, 'examples/markdown/the-long-shadow-of-1988.md'), 'utf8');
  const html = readFileSync(join(repoRoot, 'examples/html/oil-workers-strike.html'), 'utf8');
  for (let i = 1; i <= COPIES; i++) {
    writeFileSync(join(dir, `examples/text/copy-${i}.txt`), `${text}\n\nDispatch number ${i} from Tehran.\n`);
    writeFileSync(join(dir, `examples/markdown/copy-${i}.md`), `${markdown}\n\nDispatch number ${i} from Tehran.\n`);
    writeFileSync(join(dir, `examples/html/copy-${i}.html`), html.replace('<body>', `<body>\n<p>Dispatch number ${i} from Tehran.</p>`));
  }
  return dir;
}

function files(root: string, dir = root, out: Record<string, string> = {}): Record<string, string> {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files(root, path, out);
    else out[relative(root, path)] = readFileSync(path).toString('base64');
  }
  return out;
}

const outputs = (dir: string) => ({ outbox: files(join(dir, 'work/outbox')), out: files(join(dir, 'work/out')) });

function leftovers(dir: string): string[] {
  return Object.keys(files(dir)).filter((f) => /(^|\/)\.[^/]+\.tmp$/.test(f));
}

/** Starts a run and kills it with SIGKILL after `ms` milliseconds (or lets it end, if it is quicker). */
function runAndKill(dir: string, ms: number): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/tarjoman.js'), 'run', PIPELINE, '--json'], { cwd: dir, env: { ...process.env, ...env }, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      done(signal === 'SIGKILL');
    });
  });
}

let reference: ReturnType<typeof outputs>;
let duration = 0;

beforeAll(() => {
  const dir = project();
  const started = Date.now();
  const clean = runCli(['run', PIPELINE, '--json'], { cwd: dir, env });
  duration = Date.now() - started;
  expect(clean.status, clean.stderr).toBe(0);
  reference = outputs(dir);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('tarjoman run killed with SIGKILL', () => {
  it(`resumes to the outputs of a clean run, ${TRIES} times at random moments`, async () => {
    expect(Object.keys(reference.outbox).length).toBeGreaterThan(3 * COPIES);
    expect(Object.keys(reference.out)).toContain('qa-report.html');
    const next = seededRandom(20261124);
    const dir = project();
    let killed = 0;
    for (let i = 0; i < TRIES; i++) {
      // Most tries start from nothing; some keep the store but lose the outputs, which must be noticed and redone.
      rmSync(join(dir, 'work'), { recursive: true, force: true });
      if (i % 4 !== 3) rmSync(join(dir, '.tarjoman'), { recursive: true, force: true });
      if (await runAndKill(dir, 100 + Math.floor(next() * duration))) killed++;
      if (next() < 0.2 && (await runAndKill(dir, 100 + Math.floor(next() * duration)))) killed++;
      const resumed = runCli(['run', PIPELINE, '--json'], { cwd: dir, env });
      expect(resumed.status, `try ${i}: ${resumed.stdout}${resumed.stderr}`).toBe(0);
      expect(outputs(dir), `try ${i}`).toEqual(reference);
      expect(leftovers(dir), `try ${i}`).toEqual([]);
      const state = join(dir, '.tarjoman/state');
      for (const name of readdirSync(state).filter((n) => n.endsWith('.json'))) {
        expect(JobRecordSchema.safeParse(JSON.parse(readFileSync(join(state, name), 'utf8'))).success, `try ${i}: ${name}`).toBe(true);
      }
    }
    // Most runs must really have been cut short, or the test proves little.
    expect(killed).toBeGreaterThanOrEqual(TRIES / 2);
    const again = runCli(['run', PIPELINE, '--json'], { cwd: dir, env });
    expect(again.stdout.trim().split('\n').every((l) => JSON.parse(l).event === 'skipped'), again.stdout).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it('treats a truncated or foreign record as work to redo', () => {
    const dir = project();
    expect(runCli(['run', PIPELINE, '--json'], { cwd: dir, env }).status).toBe(0);
    const state = join(dir, '.tarjoman/state');
    const [first, second] = readdirSync(state).filter((n) => n.endsWith('.json'));
    writeFileSync(join(state, first!), readFileSync(join(state, first!), 'utf8').slice(0, 40));
    writeFileSync(join(state, second!), '{"state": 3}');
    const again = runCli(['run', PIPELINE, '--json'], { cwd: dir, env });
    expect(again.status, again.stderr).toBe(0);
    const redone = again.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.event !== 'skipped');
    expect(redone.map((e) => e.document).sort()).toEqual([first, second].map((n) => decodeURIComponent(n!.slice(0, -'.json'.length))).sort());
    expect(outputs(dir)).toEqual(reference);
    rmSync(dir, { recursive: true, force: true });
  });
});
