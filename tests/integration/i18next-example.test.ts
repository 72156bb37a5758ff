import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { persianize } from '../helpers/interop.js';

const examples = join(repoRoot, 'examples', 'i18next', 'en');
const files = readdirSync(examples).filter((f) => f.endsWith('.json')).sort();

/** Persianizes the text of a piece of XLIFF markup, leaving tags and entities alone. */
const persianizeMarkup = (xml: string) =>
  xml
    .split(/(<[^>]*>|&[#\w]+;)/u)
    .map((piece, i) => (i % 2 ? piece : persianize(piece)))
    .join('');

/** What a translator sends back: every segment with a stand-in Persian target. */
function pseudoTranslate(xliff: string, version: '1.2' | '2.1'): string {
  if (version === '2.1')
    return xliff.replace(/(<segment id="[^"]*")>(\s*)<source>([\s\S]*?)<\/source>/gu, (_m, open: string, space: string, source: string) => `${open} state="translated">${space}<source>${source}</source>${space}<target>${persianizeMarkup(source)}</target>`);
  return xliff.replace(/<seg-source>([\s\S]*?)<\/seg-source>/gu, (_m, seg: string) => `<seg-source>${seg}</seg-source><target state="translated">${persianizeMarkup(seg)}</target>`);
}

/** The JSON text with every string value emptied: key order, nesting and layout, nothing else. */
const layout = (json: string) =>
  json.replace(/"(?:[^"\\]|\\.)*"/gu, (string, at: number) => (/^\s*:/u.test(json.slice(at + string.length)) ? string : '""'));

function keys(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (json: string) => [...json.matchAll(/\{\{[^{}]*\}\}|\$t\([^)]*\)|<\/?\d+>/gu)].map((m) => m[0]).sort();

function extractTo(dir: string, version: '1.2' | '2.1'): string[] {
  const out = join(dir, 'outbox');
  const result = runCli(['extract', ...files.map((f) => join('examples', 'i18next', 'en', f)), '--from', 'en', '--to', 'fa', '--xliff', version, '--out', out]);
  expect(result.status, result.stderr).toBe(0);
  return files.map((f) => join(out, 'examples', 'i18next', 'en', `${f}.xlf`));
}

describe('the i18next example through the command line', () => {
  it.each(['2.1', '1.2'] as const)('extracts to XLIFF %s, merges a Persian translation back in the same layout, and qa finds no error', (version) => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-i18next-'));
    const xliffs = extractTo(dir, version);
    for (const path of xliffs) writeFileSync(path, pseudoTranslate(readFileSync(path, 'utf8'), version));

    const qa = runCli(['qa', '--json', ...xliffs]);
    expect(qa.status, qa.stdout + qa.stderr).toBe(0);
    const findings = JSON.parse(qa.stdout) as { files: { findings: { severity: string; rule: string }[] }[] };
    expect(findings.files.flatMap((f) => f.findings).filter((f) => f.severity === 'error')).toEqual([]);

    const out = join(dir, 'fa');
    const merge = runCli(['merge', ...xliffs, '--to', 'fa', '--out', out]);
    expect(merge.status, merge.stderr).toBe(0);
    for (const file of files) {
      const en = readFileSync(join(examples, file), 'utf8');
      const fa = readFileSync(join(out, 'examples', 'i18next', 'en', file), 'utf8');
      expect(layout(fa)).toBe(layout(en));
      expect(keys(JSON.parse(fa))).toEqual(keys(JSON.parse(en)));
      expect(placeholders(fa)).toEqual(placeholders(en));
      expect(fa).not.toBe(en);
    }
    const article = JSON.parse(readFileSync(join(out, 'examples', 'i18next', 'en', 'article.json'), 'utf8')) as Record<string, unknown>;
    // Persian has the CLDR plural categories one and other, like English: both keys stay, translated.
    expect(article.comment_one).toBe('{{count}} کوممهنت');
    expect(article.comment_other).toBe('{{count}} کوممهنتس');
  });

  it('reports a placeholder a translator broke, with the key of the unit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-i18next-'));
    const article = extractTo(dir, '2.1').find((path) => path.endsWith('article.json.xlf'));
    const translatedXliff = pseudoTranslate(readFileSync(article!, 'utf8'), '2.1');
    // The protected {{remaining}} cannot be deleted (canDelete="no"), but a translator can still type a misspelt copy as text.
    const broken = translatedXliff.replace(/(<target>[^<]*<ph id="1" canDelete="no" dataRef="d1" equiv="\{\{remaining\}\}"\/>)/u, '$1 {{remainig}}');
    expect(broken).not.toBe(translatedXliff);
    writeFileSync(article!, broken);
    const qa = runCli(['qa', article!]);
    expect(qa.status).toBe(1);
    expect(qa.stdout.split('\n').filter((l) => l.includes('[i18next-'))).toEqual([
      expect.stringMatching(/ error \[i18next-placeholder-added\] .*\{\{remainig\}\}.*\(.*paywall\.title/u),
    ]);
    const out = join(dir, 'fa');
    const merge = runCli(['merge', article!, '--out', out]);
    expect(merge.status).toBe(1);
    expect(merge.stderr).toMatch(/\[i18next-placeholder-added\].*paywall\.title/u);
    expect(existsSync(out)).toBe(false);
  });
});

describe('plural keys of the example follow the target language', () => {
  const article = join('examples', 'i18next', 'en', 'article.json');

  function extractFor(lang: string, dir: string): string {
    const result = runCli(['extract', article, '--from', 'en', '--to', lang, '--xliff', '2.1', '--out', dir]);
    expect(result.status, result.stderr).toBe(0);
    return join(dir, `${article}.xlf`);
  }

  it.each([
    ['ar', ['comment_one', 'comment_other', 'comment_zero', 'comment_two', 'comment_few', 'comment_many']],
    ['ja', ['comment_other']],
  ])('en → %s writes the forms the language has, taken from the returned XLIFF', (lang, forms) => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-i18next-'));
    const xliff = extractFor(lang, join(dir, 'outbox'));
    writeFileSync(xliff, pseudoTranslate(readFileSync(xliff, 'utf8'), '2.1'));
    const merge = runCli(['merge', xliff, '--to', lang, '--out', join(dir, lang)]);
    expect(merge.status, merge.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(join(dir, lang, article), 'utf8')) as Record<string, string>;
    expect(Object.keys(merged).filter((k) => k.startsWith('comment_'))).toEqual(forms);
    for (const form of forms) expect(merged[form]).toMatch(/^\{\{count\}\} کوممهنت/u);
  });

  it('refuses to merge when the returned XLIFF lacks a form the target language needs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-i18next-'));
    const xliff = extractFor('ar', join(dir, 'outbox'));
    const withoutFew = pseudoTranslate(readFileSync(xliff, 'utf8'), '2.1').replace(/\s*<unit id="comment_few"[\s\S]*?<\/unit>/u, '');
    writeFileSync(xliff, withoutFew);
    const merge = runCli(['merge', xliff, '--to', 'ar', '--out', join(dir, 'ar')]);
    expect(merge.status).toBe(1);
    expect(merge.stderr).toContain('comment_few');
    expect(existsSync(join(dir, 'ar'))).toBe(false);
  });
});

describe('the i18next pipeline', () => {
  it('extracts the example resources into its own outbox', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-i18next-run-'));
    for (const folder of ['examples', 'glossary', 'pipelines']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true });
    const result = runCli(['run', 'pipelines/i18next-en-fa.yaml', '--json'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    for (const file of files) expect(existsSync(join(dir, 'work', 'i18next', 'outbox', 'examples', 'i18next', 'en', `${file}.xlf`)), file).toBe(true);
    expect(existsSync(join(dir, 'work', 'outbox'))).toBe(false);
  });
});
