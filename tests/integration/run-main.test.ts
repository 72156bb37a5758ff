import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

// What a fresh clone holds after `npm install` (which builds): the project's files, the built code, the dependencies.
const SKIP = new Set(['node_modules', '.git', 'work', '.tarjoman', 'out']);

function freshCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tarjoman-main-'));
  for (const name of readdirSync(repoRoot)) if (!SKIP.has(name)) cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const PERSIAN = /[\u0600-\u06FF]/u;

describe("the README's main command", () => {
  it('extracts the examples, merges the bundled translation and publishes it, and says where everything is', () => {
    const dir = freshCopy();
    const result = spawnSync('npx', ['tarjoman', 'run', 'pipelines/news-en-fa.yaml'], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        LANG: 'C.UTF-8',
        LC_ALL: '',
        LC_MESSAGES: '',
        npm_config_update_notifier: 'false',
        // npx links the project into its own cache, there and then building it again: the copy
        // already holds the built code, as after `npm install`, and a cache of its own keeps
        // other npx runs on the machine out of the way.
        npm_config_ignore_scripts: 'true',
        npm_config_cache: mkdtempSync(join(tmpdir(), 'tarjoman-npx-')),
      },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    for (const kit of ['text/night-of-fires.txt', 'markdown/the-long-shadow-of-1988.md', 'html/oil-workers-strike.html', 'html/snapback-opinion.html']) {
      expect(existsSync(join(dir, 'work/outbox/examples', `${kit}.xlf`)), kit).toBe(true);
    }
    const article = readFileSync(join(dir, 'work/out/examples/text/night-of-fires.txt'), 'utf8');
    expect(article).toBe(readFileSync(join(repoRoot, 'examples/translations/night-of-fires.fa.txt'), 'utf8'));
    expect(article).toMatch(PERSIAN);
    const parallel = readFileSync(join(dir, 'work/out/examples/text/night-of-fires.txt.parallel.html'), 'utf8');
    expect(parallel).toMatch(/dir="rtl"/);
    expect(parallel).toMatch(PERSIAN);
    const page = readFileSync(join(dir, 'work/out/examples/html/snapback-opinion.html'), 'utf8');
    expect(page).toBe(readFileSync(join(repoRoot, 'examples/translations/snapback-opinion.fa.html'), 'utf8'));
    expect(page).toMatch(/<html lang="fa" dir="rtl">/);
    expect(page).toContain('مکانیسم ماشه');
    expect(readFileSync(join(dir, 'work/out/examples/html/snapback-opinion.html.parallel.html'), 'utf8')).toMatch(PERSIAN);
    const report = readFileSync(join(dir, 'work/out/qa-report.html'), 'utf8');
    for (const file of ['night-of-fires.txt.xlf', 'snapback-opinion.html.xlf']) expect(report).toContain(`examples/returned/${file}`);
    expect(result.stdout).toMatch(/^4 documents: .* in work\/outbox\/$/m);
    expect(result.stdout).toMatch(/^2 translated documents in work\/out\/$/m);
    expect(result.stdout).toMatch(/\(\.parallel\.html\) in work\/out\/$/m);
    expect(result.stdout).toMatch(/^QA report: work\/out\/qa-report\.html$/m);
    // The bundled translation is read, never written beside.
    expect(readdirSync(join(dir, 'examples/returned'))).toEqual(readdirSync(join(repoRoot, 'examples/returned')));
  }, 180_000);
});
