import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { warnSkipped } from '../helpers/shared.js';

const returned = join(repoRoot, 'examples', 'returned', 'night-of-fires.txt.xlf');
const chromium = '/usr/bin/chromium';

function chromiumArgs(profile: string): string[] {
  return ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`];
}

describe('merge --publish', () => {
  let out: string;
  let base: string;
  let stderr: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'tarjoman-publish-'));
    const result = runCli(['merge', returned, '-g', 'glossary/en-fa', '--require', 'reviewed', '--out', out, '--publish', 'html,tmx,tsv']);
    expect(result.status, result.stderr).toBe(0);
    stderr = result.stderr;
    base = join(out, 'examples', 'text', 'night-of-fires.txt');
  });

  it('writes the document and the three publications beside it', () => {
    for (const suffix of ['', '.parallel.html', '.tmx', '.tsv']) expect(existsSync(base + suffix), base + suffix).toBe(true);
    expect(stderr).toContain('night-of-fires.txt.tmx');
  });

  it('aligns all 20 segments in each', () => {
    const html = readFileSync(`${base}.parallel.html`, 'utf8');
    expect(html.match(/<span id="src-/gu)).toHaveLength(20);
    expect(html.match(/<span id="tgt-/gu)).toHaveLength(20);
    expect(html.match(/<tr id="unit-/gu)).toHaveLength(10);
    expect(html).toContain('سازمان مجاهدین خلق ایران (<bdi>PMOI/MEK</bdi>)');
    const tmx = readFileSync(`${base}.tmx`, 'utf8');
    expect(tmx.match(/<tu /gu)).toHaveLength(20);
    const tsv = readFileSync(`${base}.tsv`, 'utf8').split('\n');
    expect(tsv[0]).toBe('unit\tsegment\tsource\ttarget');
    expect(tsv.at(-1)).toBe('');
    expect(tsv).toHaveLength(22);
    for (const line of tsv.slice(1, -1)) expect(line.split('\t')).toHaveLength(4);
    expect(tsv[1]).toMatch(/^u1\ts1\tIran: .*\tایران: /u);
  });

  it('writes the TMX well-formed', () => {
    if (spawnSync('xmllint', ['--version']).status !== 0) return warnSkipped('TMX check with xmllint', 'xmllint');
    const result = spawnSync('xmllint', ['--noout', `${base}.tmx`], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  });

  it('publishes nothing when the merge is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-publish-refused-'));
    const bad = join(dir, 'night-of-fires.txt.xlf');
    writeFileSync(bad, readFileSync(returned, 'utf8').replace('دست‌کم ۱۲ شهر', 'دست‌کم چند شهر'));
    const result = runCli(['merge', bad, '-g', 'glossary/en-fa', '--out', join(dir, 'out'), '--publish', 'html,tmx,tsv']);
    expect(result.status).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses an unknown publication', () => {
    const result = runCli(['merge', returned, '--out', mkdtempSync(join(tmpdir(), 'tarjoman-publish-bad-')), '--publish', 'html,pdf']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('pdf');
  });

  it('renders right to left without overflow in headless Chromium', () => {
    if (!existsSync(chromium)) return warnSkipped('rendering the parallel page in headless Chromium', chromium);
    const work = mkdtempSync(join(tmpdir(), 'tarjoman-chromium-'));
    const page = `${base}.parallel.html`;
    const shot = join(work, 'parallel.png');
    const taken = spawnSync(chromium, [...chromiumArgs(join(work, 'profile-shot')), `--screenshot=${shot}`, '--window-size=1200,1600', pathToFileURL(page).href], { encoding: 'utf8', timeout: 90_000 });
    expect(existsSync(shot), taken.stderr).toBe(true);
    console.info(`parallel page screenshot: ${shot}`);

    const probe = `<pre id="probe"></pre><script>
      const cell = document.querySelector('td[lang="fa"]');
      document.getElementById('probe').textContent = JSON.stringify({
        direction: getComputedStyle(cell).direction,
        fits: document.documentElement.scrollWidth <= innerWidth,
        bdi: getComputedStyle(document.querySelector('td[lang="fa"] bdi')).unicodeBidi,
      });
    </script>`;
    const probed = join(work, 'probe.html');
    writeFileSync(probed, readFileSync(page, 'utf8').replace('</body>', `${probe}\n</body>`));
    const dumped = spawnSync(chromium, [...chromiumArgs(join(work, 'profile-dom')), '--window-size=800,1000', '--run-all-compositor-stages-before-draw', '--virtual-time-budget=2000', '--dump-dom', pathToFileURL(probed).href], { encoding: 'utf8', timeout: 90_000 });
    const found = /<pre id="probe">([^<]*)<\/pre>/u.exec(dumped.stdout);
    expect(found, dumped.stderr).not.toBeNull();
    const result = JSON.parse(found![1]!.replaceAll('&quot;', '"')) as { direction: string; fits: boolean; bdi: string };
    expect(result).toEqual({ direction: 'rtl', fits: true, bdi: 'isolate' });
  }, 200_000);
});
