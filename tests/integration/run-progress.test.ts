import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { warnSkipped } from '../helpers/shared.js';

describe('tarjoman run output', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tarjoman-progress-'));
    for (const folder of ['examples', 'glossary', 'pipelines']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true });
  });

  it('is one line per event and a summary when not on a terminal', () => {
    const result = runCli(['run', 'pipelines/news-en-fa.yaml'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/\x1B\[|█/);
    expect(result.stdout).toMatch(/^extracted examples\/text\/night-of-fires\.txt → work\/outbox\/examples\/text\/night-of-fires\.txt\.xlf$/m);
    expect(result.stdout).toMatch(/^QA report: work\/out\/qa-report\.html$/m);
  });

  // `script` gives the command a real pseudo-terminal, where the bar is drawn.
  const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
  // Only a machine without util-linux's `script` skips these, and says so.
  if (script.status !== 0) warnSkipped('the progress bars on a pseudo-terminal', 'script (util-linux)');
  it.runIf(script.status === 0)('draws the bar on a real pseudo-terminal', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(repoRoot, 'bin/tarjoman.js'))} run pipelines/news-en-fa.yaml`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', COLUMNS: '160' } });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/4\/4 documents · [\d,]+ segments · [\d,]+ words/);
    expect(result.stdout).toContain('skipped examples/text/night-of-fires.txt, unchanged');
  });

  it.runIf(script.status === 0)('qa and merge show how far a returned XLIFF file has been read, unless told not to', () => {
    const tarjoman = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(repoRoot, 'bin/tarjoman.js'))}`;
    const onTerminal = (args: string) =>
      spawnSync('script', ['-qec', `${tarjoman} ${args}`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', COLUMNS: '160' } });
    const xliff = 'examples/returned/night-of-fires.txt.xlf';
    const qa = onTerminal(`qa ${xliff}`);
    expect(qa.status, qa.stdout).toBe(0);
    expect(qa.stdout).toMatch(/night-of-fires\.txt\.xlf · [\d.]+ of [\d.]+ MB · \S+ left/);
    expect(qa.stdout).toContain('1 file checked: 0 errors, 0 warnings');
    const merge = onTerminal(`merge ${xliff} --out merged-on-terminal`);
    expect(merge.status, merge.stdout).toBe(0);
    expect(merge.stdout).toMatch(/night-of-fires\.txt\.xlf · [\d.]+ of [\d.]+ MB/);
    expect(merge.stdout).toContain('wrote merged-on-terminal/examples/text/night-of-fires.txt');
    const quiet = onTerminal(`qa --no-progress ${xliff}`);
    expect(quiet.status, quiet.stdout).toBe(0);
    expect(quiet.stdout).not.toMatch(/ MB · |█|░/);
    expect(quiet.stdout).toContain('1 file checked: 0 errors, 0 warnings');
  });
});
