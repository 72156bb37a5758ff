import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { repoRoot, runCli } from '../helpers/cli.js';

const returned = join(repoRoot, 'examples', 'returned', 'night-of-fires.txt.xlf');

/** The reviewed translation with an Arabic yeh in the title and the number of cities dropped. */
function hostileCopy(): { dir: string; xliff: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tarjoman-qa-'));
  const original = readFileSync(returned, 'utf8');
  const spoiled = original.replace('کانون‌های شورشی سالگرد', 'کانون‌هاي شورشی سالگرد').replace('دست‌کم ۱۲ شهر', 'دست‌کم شهر');
  expect(spoiled.split('\n').filter((line, i) => line !== original.split('\n')[i])).toHaveLength(2);
  const xliff = join(dir, 'night-of-fires.txt.xlf');
  writeFileSync(xliff, spoiled);
  return { dir, xliff };
}

const env = { SOURCE_DATE_EPOCH: '1774051200' }; // 2026-03-21T00:00:00Z, Nowruz 1405

describe('tarjoman qa', () => {
  it('finds nothing wrong with the bundled reviewed translation and writes no document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-qa-'));
    const report = join(dir, 'report.html');
    const result = runCli(['qa', returned, '-g', 'glossary/en-fa', '--report', report], { env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('1 file checked: 0 errors, 0 warnings\n');
    expect(readFileSync(report, 'utf8')).toContain('No findings.');
    expect(existsSync(join(dir, 'examples'))).toBe(false);
  });

  it('reports an Arabic letter and a dropped number with their unit and segment, and fails', () => {
    const { xliff } = hostileCopy();
    const result = runCli(['qa', xliff, '-g', 'glossary/en-fa']);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/night-of-fires\.txt\.xlf:7:\d+: error \[fa-arabic-letter\] .*\(unit u1, segment s1\)$/u);
    expect(lines[1]).toMatch(/night-of-fires\.txt\.xlf:\d+:\d+: error \[number-missing\] .*12.*\(unit u5, segment s1\)$/u);
    expect(lines[2]).toBe('1 file checked: 2 errors, 0 warnings');
    expect(result.stderr).toContain('2 errors in the translations');
  });

  it('prints the findings as JSON with --json', () => {
    const { xliff } = hostileCopy();
    const result = runCli(['qa', xliff, '-g', 'glossary/en-fa', '--json']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as {
      tool: string;
      version: string;
      files: { xliff: string; original: string; findings: { rule: string; severity: string; unitId: string; segmentId: string; file: string; line: number }[] }[];
      counts: { errors: number; warnings: number };
    };
    expect(json.tool).toBe('tarjoman');
    expect(json.version).toBe(VERSION);
    expect(json.counts).toEqual({ errors: 2, warnings: 0 });
    expect(json.files).toHaveLength(1);
    expect(json.files[0]!.xliff).toBe(xliff);
    expect(json.files[0]!.original).toBe('examples/text/night-of-fires.txt');
    expect(json.files[0]!.findings.map((f) => [f.rule, f.severity, f.unitId, f.segmentId, f.file])).toEqual([
      ['fa-arabic-letter', 'error', 'u1', 's1', xliff],
      ['number-missing', 'error', 'u5', 's1', xliff],
    ]);
  });

  it('writes an HTML report of the findings with the segments they are about', () => {
    const { dir, xliff } = hostileCopy();
    const report = join(dir, 'out', 'report.html');
    const result = runCli(['qa', xliff, '-g', 'glossary/en-fa', '--report', report], { env });
    expect(result.status).toBe(1);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('fa-arabic-letter');
    expect(html).toContain('number-missing');
    expect(html).toContain('<h3>Unit <bdi>u1</bdi></h3>');
    expect(html).toContain('<h3>Unit <bdi>u5</bdi></h3>');
    expect(html).toContain('<dd class="source" dir="ltr" lang="en">Iran: Resistance Units Mark the Anniversary of the 1988 Massacre</dd>');
    expect(html).toContain('<dd class="target" dir="rtl" lang="fa">ایران: کانون‌هاي شورشی');
    expect(html).toContain('<bdi dir="ltr">PMOI/MEK</bdi>');
    expect(html).toContain('21 March 2026');
  });

  it('writes a right-to-left Persian report with --locale fa', () => {
    const { dir, xliff } = hostileCopy();
    const report = join(dir, 'report.html');
    const result = runCli(['--locale', 'fa', 'qa', xliff, '-g', 'glossary/en-fa', '--report', report], { env });
    expect(result.status).toBe(1);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('۱ پرونده بررسی شد: ۲ خطا، ۰ هشدار');
    expect(html).toContain('۲۱ مارس ۲۰۲۶');
    expect(html).toContain('۱ فروردین ۱۴۰۵');
  });

  it('takes the date from --date before SOURCE_DATE_EPOCH, and refuses one that is not a date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-qa-'));
    const report = join(dir, 'report.html');
    expect(runCli(['qa', returned, '--report', report, '--date', '2025-01-02'], { env }).status).toBe(0);
    expect(readFileSync(report, 'utf8')).toContain('2 January 2025');
    const bad = runCli(['qa', returned, '--report', join(dir, 'bad.html'), '--date', 'soon']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"soon" is not a date');
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);
  });

  it('reports a file that cannot be read as an error', () => {
    const result = runCli(['qa', join(tmpdir(), 'no-such-file.xlf')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/no-such-file\.xlf:1:1: error \[read\]/u);
  });
});
