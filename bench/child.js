// Runs one measured program in its own process, with a time limit, and reports its wall time and
// peak RSS. GNU time measures the RSS of programs that cannot report it themselves (pocount, the
// CLI) and of a child stopped at its limit; a node task's own maxRSS is used when it has one.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

/** Whether a program can be found on the PATH. */
export function installed(program) {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * `{ seconds, maxRssKb, stdout, code, timedOut }`. On time-out the measured program itself is
 * killed (by its pid, as a child of GNU time), so GNU time still reports the peak it reached.
 */
export function runMeasured(command, args, { cwd, timeoutSeconds = 600, env } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tarjoman-bench-'));
  const rssFile = join(dir, 'rss');
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      // The CLI's findings can run to megabytes; only the end (a task's JSON line) is needed.
      stdout = (stdout + d).slice(-1_000_000);
    });
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      let pids = [child.pid];
      if (hasGnuTime) {
        try {
          pids = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
        } catch {
          // already gone
        }
      }
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutSeconds * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let maxRssKb;
      if (hasGnuTime && existsSync(rssFile)) {
        const last = readFileSync(rssFile, 'utf8').trim().split('\n').pop();
        if (/^\d+$/u.test(last ?? '')) maxRssKb = Number(last);
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ seconds, maxRssKb, stdout, stderr, code, timedOut });
    });
  });
}

/** Runs `bench/measure.js TASK` and returns its JSON figures, or `{ failed, reason }`. */
export async function measure(task, options, { timeoutSeconds, cwd } = {}) {
  const script = join(import.meta.dirname, 'measure.js');
  // A heap limit well above Node's default, so a reader that holds a 100 MB file as objects is
  // measured rather than stopped; its peak RSS then shows what it needed.
  const run = await runMeasured(process.execPath, ['--expose-gc', '--max-old-space-size=12288', script, task, JSON.stringify(options)], { timeoutSeconds, cwd });
  if (run.timedOut) return { failed: true, reason: `timed out after ${timeoutSeconds} s`, timedOut: true, maxRssKb: run.maxRssKb, wallSeconds: run.seconds };
  const line = run.stdout.trim().split('\n').pop();
  try {
    if (run.code !== 0) throw new Error();
    return { ...JSON.parse(line), wallSeconds: run.seconds };
  } catch {
    return { failed: true, reason: `exit ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`, maxRssKb: run.maxRssKb };
  }
}
