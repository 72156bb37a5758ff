import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/model/schema.js';
import { plainText, segments } from '../../src/model/content.js';
import { setLocale, t } from '../../src/i18n/index.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { sharedDir, warnSkipped } from '../helpers/shared.js';

const example = join('examples', 'text', 'night-of-fires.txt');

function parseDocuments(stdout: string) {
  return (JSON.parse(stdout) as unknown[]).map((d) => Document.parse(d));
}

describe('tarjoman command line', () => {
  it('prints help with its commands', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('segment');
    expect(result.stdout).toContain('extract');
    expect(result.stdout).toContain('English/Persian translation and terminology pipeline');
  });

  it('speaks Persian with --locale fa and with LANG=fa_IR', () => {
    const flag = runCli(['--locale', 'fa', '--help']);
    expect(flag.status).toBe(0);
    expect(flag.stdout).toContain('زنجیره‌ی ترجمه و اصطلاح‌شناسی');
    expect(flag.stdout).toContain('کاربرد: tarjoman');
    expect(flag.stdout).toContain('فرمان‌ها:');
    expect(flag.stdout).not.toMatch(/Usage:|Options:|Commands:/u);
    const env = runCli(['extract', 'nowhere.txt', '--from', 'en', '--to', 'fa', '--dump'], { env: { LANG: 'fa_IR.UTF-8' } });
    expect(env.status).toBe(1);
    expect(env.stderr).toContain('خطا: nowhere.txt: پرونده خوانده نشد: ENOENT');
  });

  it('reports errors in Persian with --locale fa, locations still in ASCII digits', () => {
    setLocale('fa');
    try {
      const missing = runCli(['--locale', 'fa', 'extract', 'nowhere.txt', '--from', 'en', '--to', 'fa', '--dump']);
      expect(missing.status).toBe(1);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toBe(`${t('cli:errorPrefix')}: nowhere.txt: ${t('errors:readFailed', { reason: 'ENOENT' })}\n`);
      expect(missing.stderr).toContain('خطا: nowhere.txt: پرونده خوانده نشد');

      const dir = mkdtempSync(join(tmpdir(), 'tarjoman-fa-'));
      const bad = join(dir, 'broken.xlf');
      writeFileSync(bad, '<?xml version="1.0"?>\n<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en">\n  <file id="f1">\n    <unit id="u1"><segment><source>a</sourc></segment></unit>\n  </file>\n</xliff>\n');
      const located = runCli(['--locale', 'fa', 'xliff', 'check', bad]);
      expect(located.status).toBe(1);
      const [finding, summary] = located.stdout.split('\n');
      // Editors and CI annotators parse `file:line:column` with ASCII digits, so locations keep them
      // in every language; counts in the running text are Persian.
      expect(finding).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:4:45: `, 'u'));
      expect(finding).toContain(`${t('xliff-check:cli.severity.error')} [xml] ${t('xliff-check:read.xml', { reason: '' }).trim()}`);
      expect(summary).toBe(t('xliff-check:cli.summary', { count: 1, errors: t('xliff-check:cli.errors', { count: 1 }), warnings: t('xliff-check:cli.warnings', { count: 0 }) }));
      expect(summary).toMatch(/^۱ /u);
      expect(located.stderr).toBe(`${t('cli:errorPrefix')}: ${t('xliff-check:cli.failed', { count: 1 })}\n`);
    } finally {
      setLocale('en');
    }
  });

  it('segments standard input into exact substrings', () => {
    const input = 'Dr. Sadr spoke at 3 p.m. in Geneva. He said 30,000 were killed.\n\nWhy? Nobody knows.\n';
    const result = runCli(['segment', '--lang', 'en'], { input });
    expect(result.status).toBe(0);
    const sentences = JSON.parse(result.stdout) as string[];
    expect(sentences).toEqual(['Dr. Sadr spoke at 3 p.m. in Geneva.', 'He said 30,000 were killed.', 'Why?', 'Nobody knows.']);
    for (const s of sentences) expect(input).toContain(s);
  });

  it('segments Persian', () => {
    const input = 'سپاه پاسداران (IRGC) در ۱۳۶۷ نقش داشت. آیا کسی پاسخ‌گو است؟ «نه.» این را گفت…';
    const result = runCli(['segment', '--lang', 'fa'], { input });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['سپاه پاسداران (IRGC) در ۱۳۶۷ نقش داشت.', 'آیا کسی پاسخ‌گو است؟', '«نه.»', 'این را گفت…']);
  });

  it('dumps the document model of the bundled example, with stable ids', () => {
    const first = runCli(['extract', example, '--from', 'en', '--to', 'fa', '--dump']);
    expect(first.status, first.stderr).toBe(0);
    const [doc] = parseDocuments(first.stdout);
    expect(doc!.format).toBe('text');
    expect(doc!.targetLang).toBe('fa');
    expect(doc!.units).toHaveLength(10);
    const sentences = doc!.units.flatMap((u) => segments(u).map((s) => plainText(s.source)));
    expect(sentences).toContain('Most were members or supporters of the MEK.');
    expect(sentences).toContain('Its spokesman, Mr. John Miller, spoke at 3 p.m. in Washington.');
    const second = runCli(['extract', example, '--from', 'en', '--to', 'fa', '--dump']);
    expect(second.stdout).toBe(first.stdout);
  });

  it('dumps every bundled example, in every format', () => {
    const files = ['text', 'markdown', 'html'].flatMap((dir) =>
      readdirSync(join(repoRoot, 'examples', dir)).map((f) => join('examples', dir, f)),
    );
    const result = runCli(['extract', ...files, '--from', 'en', '--to', 'fa', '--dump']);
    expect(result.status, result.stderr).toBe(0);
    const docs = parseDocuments(result.stdout);
    expect(new Set(docs.map((d) => d.format))).toEqual(new Set(['text', 'markdown', 'html']));
    for (const d of docs) expect(d.units.length, d.path).toBeGreaterThan(3);
  });

  it('refuses an unknown format, invalid UTF-8 and a missing file, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-cli-'));
    const odd = join(dir, 'article.docx');
    writeFileSync(odd, 'x');
    const unknown = runCli(['extract', odd, '--from', 'en', '--to', 'fa', '--dump']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(`${odd}: unknown format`);
    expect(unknown.stdout).toBe('');

    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x6f, 0x6b, 0x0a, 0x61, 0xc3, 0x28]));
    const invalid = runCli(['extract', bad, '--from', 'en', '--to', 'fa', '--dump']);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain(`${bad}:2:2: the file is not valid UTF-8`);

    const missing = runCli(['segment', '--lang', 'en', join(dir, 'none.txt')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('none.txt: cannot read the file: ENOENT');
    expect(readFileSync(bad)).toEqual(Buffer.from([0x6f, 0x6b, 0x0a, 0x61, 0xc3, 0x28]));
  });

  it('exits 2 on a wrong command line', () => {
    const result = runCli(['segment']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--lang');
  });
});

describe('the seed article', () => {
  const shared = sharedDir();
  if (!shared) warnSkipped('segmenting and extracting the seed article', 'the shared reference folder');
  it.skipIf(!shared)('segments and dumps it', () => {
    const seeds = join(shared!, 'seeds');
    const file = join(seeds, readdirSync(seeds).find((f) => f.endsWith('.txt'))!);
    const source = readFileSync(file, 'utf8');
    const seg = runCli(['segment', '--lang', 'en', file]);
    expect(seg.status, seg.stderr).toBe(0);
    const sentences = JSON.parse(seg.stdout) as string[];
    expect(sentences.length).toBeGreaterThan(30);
    let from = 0;
    for (const s of sentences) {
      const at = source.indexOf(s, from);
      expect(at, s).toBeGreaterThanOrEqual(from);
      expect(source.slice(from, at).trim(), `nothing lost before: ${s}`).toBe('');
      from = at + s.length;
    }
    expect(source.slice(from).trim()).toBe('');
    const dump = runCli(['extract', file, '--from', 'en', '--to', 'fa', '--dump']);
    expect(dump.status, dump.stderr).toBe(0);
    const [doc] = parseDocuments(dump.stdout);
    expect(doc!.units[0]!.kind).toBe('title');
  });
});

describe('tarjoman terms and glossary', () => {
  it('prints glossary hits as JSON with UTF-16 offsets into the input', () => {
    const input = 'The MEK’s rally in Paris was addressed by Maryam Rajavi of the National Council of Resistance of Iran.';
    const result = runCli(['terms', '--glossary', 'glossary/en-fa', '--json'], { input });
    expect(result.status, result.stderr).toBe(0);
    const hits = JSON.parse(result.stdout) as { entry: string; start: number; end: number; text: string; targets: string[] }[];
    expect(hits.map((h) => [h.entry, h.text])).toEqual([
      ['org.pmoi', 'MEK’s'],
      ['place.paris', 'Paris'],
      ['person.maryam-rajavi', 'Maryam Rajavi'],
      ['org.ncri', 'National Council of Resistance of Iran'],
    ]);
    for (const h of hits) expect(input.slice(h.start, h.end)).toBe(h.text);
    expect(hits[3]!.targets[0]).toBe('شورای ملی مقاومت ایران');
  });

  it('validates the shipped glossary and refuses a broken one with its line', () => {
    const ok = runCli(['glossary', 'validate', 'glossary/en-fa']);
    expect(ok.status, ok.stderr).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-gl-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'languages: [en, fa]\nentries:\n  - id: person.x\n    type: persn\n    terms:\n      en: [{ text: X }]\n');
    const result = runCli(['glossary', 'validate', bad]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:11`));
  });
});

describe('tarjoman extract --xliff', () => {
  it('writes one XLIFF per document under --out, the same bytes every time', () => {
    const out = mkdtempSync(join(tmpdir(), 'tarjoman-xlf-'));
    const args = ['extract', example, '--from', 'en', '--to', 'fa', '--xliff', '2.1', '-g', 'glossary/en-fa', '--out', out];
    const first = runCli(args);
    expect(first.status, first.stderr).toBe(0);
    const file = join(out, 'examples', 'text', 'night-of-fires.txt.xlf');
    const bytes = readFileSync(file, 'utf8');
    expect(bytes).toContain('trgLang="fa"');
    expect(bytes).toContain('<gls:term source="org.pmoi">PMOI</gls:term>');
    expect(bytes).toContain('<mda:meta type="sha256">');
    expect(runCli(args).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(bytes);
    expect(readdirSync(join(out, 'examples', 'text')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('asks for --out and writes nothing without it', () => {
    const result = runCli(['extract', example, '--from', 'en', '--to', 'fa', '--xliff', '1.2']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--xliff needs --out DIR');
  });
});
