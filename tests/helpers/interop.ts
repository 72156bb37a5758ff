import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pairedIndexes } from '../../src/xliff/codes.js';
import type { Content, Document } from '../../src/model/schema.js';
import { repoRoot, runCli } from './cli.js';
import { sharedDir, warnSkipped } from './shared.js';

export const shared = sharedDir();
export const OMEGAT_JAR = process.env.OMEGAT_JAR ?? '/usr/share/omegat/OmegaT.jar';

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v "$1" >/dev/null 2>&1`, 'sh', name]).status === 0;
}

/** Python with Translate Toolkit importable, for comparing with its own functions. */
export const TTK_PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const probes = {
  'the shared reference folder': () => shared !== undefined,
  xmllint: () => hasCommand('xmllint'),
  pocount: () => hasCommand('pocount'),
  pofilter: () => hasCommand('pofilter'),
  java: () => hasCommand('java'),
  python3: () => hasCommand('python3'),
  'OmegaT.jar': () => existsSync(OMEGAT_JAR),
  'Translate Toolkit for python3': () => spawnSync(TTK_PYTHON, ['-c', 'import translate.tools.pocount']).status === 0,
} satisfies Record<string, () => boolean>;
export type Tool = keyof typeof probes;

/**
 * The tools among `needed` that this machine lacks, after warning about them. Tests use the
 * answer with `describe.skipIf`, so a missing tool shows as a skip and never as a pass.
 */
export function missingTools(what: string, ...needed: Tool[]): string[] {
  const missing = needed.filter((tool) => !probes[tool]());
  if (missing.length) warnSkipped(what, missing.join(', '));
  return missing;
}

export function validatorPath(): string {
  return join(shared!, 'schemas', 'validate-xliff');
}

export interface Verdict {
  verdict: 'VALID' | 'INVALID' | 'ERROR';
  detail: string;
}

/** Runs validate-xliff over many files in a few calls; one verdict per file. */
export function validateXliff(files: readonly string[], batch = 200): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  for (let i = 0; i < files.length; i += batch) {
    const chunk = files.slice(i, i + batch);
    const run = spawnSync(validatorPath(), chunk, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0 && run.status !== 1) throw new Error(`validate-xliff failed (${run.status}): ${run.stderr}`);
    for (const line of run.stdout.split('\n')) {
      const m = /^(VALID|INVALID|ERROR)\s+(.+?)  (.*)$/u.exec(line);
      if (m) verdicts.set(m[2]!, { verdict: m[1] as Verdict['verdict'], detail: m[3]! });
    }
  }
  return verdicts;
}

/** Every file under `dir` whose name ends with `suffix`, sorted. */
export function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(suffix)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** Example articles and the format fixtures, as paths relative to the repository. */
export function corpus(): string[] {
  const dirs = ['examples/text', 'examples/markdown', 'examples/html', 'tests/fixtures/text', 'tests/fixtures/markdown', 'tests/fixtures/html'];
  return dirs.flatMap((d) => filesUnder(join(repoRoot, d), '').map((f) => relative(repoRoot, f)));
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `tarjoman-${prefix}-`));
}

/** `tarjoman extract`, failing loudly when it does. */
export function extract(files: readonly string[], args: readonly string[]): string {
  const run = runCli(['extract', ...files, '--from', 'en', '--to', 'fa', ...args]);
  if (run.status !== 0) throw new Error(`extract ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  return run.stderr;
}

/** The document model the CLI builds, as `--dump` prints it. */
export function dumpDocuments(files: readonly string[], args: readonly string[] = []): Document[] {
  const run = runCli(['extract', ...files, '--from', 'en', '--to', 'fa', '--dump', ...args]);
  if (run.status !== 0) throw new Error(`extract --dump failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as Document[];
}

const LETTERS: Record<string, string> = {
  a: 'ا', b: 'ب', c: 'ک', d: 'د', e: 'ه', f: 'ف', g: 'گ', h: 'ح', i: 'ی', j: 'ج', k: 'ک', l: 'ل', m: 'م',
  n: 'ن', o: 'و', p: 'پ', q: 'ق', r: 'ر', s: 'س', t: 'ت', u: 'و', v: 'و', w: 'و', x: 'خ', y: 'ی', z: 'ز',
  ',': '،', '?': '؟', ';': '؛',
};

/**
 * A stand-in Persian translation: Latin letters become Persian ones, digits Persian digits,
 * and `, ? ;` their Persian forms. Deterministic and one-to-one enough that every sentence
 * gets its own recognisable target.
 */
export function persianize(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    if (LETTERS[lower]) out += LETTERS[lower];
    else if (ch >= '0' && ch <= '9') out += String.fromCharCode(0x06f0 + ch.charCodeAt(0) - 48);
    else out += ch;
  }
  return out;
}

export function persianizeContent(content: Content): Content {
  return content.map((item) => (item.type === 'text' ? { ...item, text: persianize(item.text) } : item));
}

/**
 * The part of a segment OmegaT 3.6 offers for translation. It leaves out codes at either end
 * unless they pair up inside the segment (a lone `<bx/>`, `<ex/>`, `<x/>` stays outside), and
 * a pair that encloses the whole segment (`<g>…</g>`), keeping them in the file around the
 * translation.
 */
export function omegatSegment(content: Content): Content {
  let rest = content;
  for (;;) {
    const paired = pairedIndexes(rest);
    let start = 0;
    let end = rest.length;
    while (start < end && rest[start]!.type === 'code' && !paired.has(start)) start++;
    while (end > start && rest[end - 1]!.type === 'code' && !paired.has(end - 1)) end--;
    const first = rest[start];
    const last = rest[end - 1];
    const enclosing =
      end - start >= 2 && first?.type === 'code' && first.kind === 'open' && last?.type === 'code' && last.kind === 'close' && last.id === first.id && closesAt(rest, start) === end - 1;
    const next = enclosing ? rest.slice(start + 1, end - 1) : rest.slice(start, end);
    if (next.length === rest.length) return rest;
    rest = next;
  }
}

/** Index of the close that pairs with the open at `open`, by nesting. */
function closesAt(content: Content, open: number): number {
  const id = (content[open] as { id: string }).id;
  let depth = 0;
  for (let i = open; i < content.length; i++) {
    const item = content[i]!;
    if (item.type !== 'code' || item.id !== id) continue;
    if (item.kind === 'open') depth++;
    else if (item.kind === 'close' && --depth === 0) return i;
  }
  return -1;
}

const xmlText = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** A segment as TMX 1.4 `<seg>` content, inline codes as `bpt`/`ept`/`ph` holding the XLIFF 1.2 markup. */
function tmxSeg(content: Content): string {
  const paired = pairedIndexes(content);
  const pairNo = new Map<string, number>();
  let out = '';
  content.forEach((item, index) => {
    if (item.type === 'text') {
      out += xmlText(item.text);
      return;
    }
    if (item.kind === 'standalone') out += `<ph>${xmlText(`<x id="${item.id}"/>`)}</ph>`;
    else if (!paired.has(index)) out += `<ph>${xmlText(item.kind === 'open' ? `<bx id="${item.id}b" rid="${item.id}"/>` : `<ex id="${item.id}e" rid="${item.id}"/>`)}</ph>`;
    else if (item.kind === 'open') {
      pairNo.set(item.id, pairNo.size + 1);
      out += `<bpt i="${pairNo.get(item.id)}">${xmlText(`<g id="${item.id}">`)}</bpt>`;
    } else out += `<ept i="${pairNo.get(item.id)}">${xmlText('</g>')}</ept>`;
  });
  return out;
}

/**
 * A standard TMX 1.4 memory (as a tool other than OmegaT writes it) with a Persian
 * translation for every translatable segment of the documents, source text exactly as
 * OmegaT shows the segment. OmegaT reads its codes only with `ext_tmx_show_level2` on.
 */
export function standardTmx(documents: readonly Document[], translate: (content: Content) => Content = persianizeContent): string {
  const seen = new Set<string>();
  const tus: string[] = [];
  for (const document of documents)
    for (const unit of document.units) {
      if (!unit.translate) continue;
      for (const part of unit.parts) {
        if (part.kind !== 'segment') continue;
        const source = omegatSegment(part.source);
        const seg = tmxSeg(source);
        if (seen.has(seg)) continue;
        seen.add(seg);
        tus.push(
          `    <tu tuid="${xmlText(`${unit.id}_${part.id}`)}">\n` +
            `      <tuv xml:lang="${documents[0]!.sourceLang}"><seg>${seg}</seg></tuv>\n` +
            `      <tuv xml:lang="${documents[0]!.targetLang ?? 'fa'}"><seg>${tmxSeg(translate(source))}</seg></tuv>\n` +
            '    </tu>',
        );
      }
    }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="tarjoman-tests" creationtoolversion="1" segtype="sentence" o-tmf="xliff" adminlang="en" srclang="${documents[0]?.sourceLang ?? 'en'}" datatype="xml"/>`,
    '  <body>',
    ...tus,
    '  </body>',
    '</tmx>',
    '',
  ].join('\n');
}

export interface OmegatRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * OmegaT 3.6 headless on a project folder, as the shared scripts run it: its own HOME and
 * config folder so nothing touches the real home, and the user preference that makes it read
 * `bpt`/`ept` codes from TMX files it did not write.
 */
export function runOmegat(project: string, args: readonly string[], options: { tmxLevel2?: boolean } = {}): OmegatRun {
  const home = tempDir('omegat-home');
  const config = join(home, 'config');
  const prefs = options.tmxLevel2
    ? '<?xml version="1.0" encoding="UTF-8" ?>\n<omegat>\n  <preference version="1.0">\n    <ext_tmx_show_level2>true</ext_tmx_show_level2>\n    <ext_tmx_use_slash>true</ext_tmx_use_slash>\n  </preference>\n</omegat>\n'
    : undefined;
  mkdirSync(config, { recursive: true });
  if (prefs) writeFileSync(join(config, 'omegat.prefs'), prefs);
  const run = spawnSync(
    'java',
    ['-Djava.awt.headless=true', `-Duser.home=${home}`, '-Djava.library.path=/usr/lib/jni', '-jar', OMEGAT_JAR, project, `--config-dir=${config}`, '--disable-project-locking', '--no-team', ...args],
    { encoding: 'utf8', env: { ...process.env, HOME: home }, maxBuffer: 64 * 1024 * 1024, timeout: 280_000 },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Source or target as the `xliff` package gives it: text, an inline-element object, or a list of both. */
export type XliffJsElement = Record<string, { contents?: XliffJsValue } & Record<string, unknown>>;
export type XliffJsValue = string | XliffJsElement | (string | XliffJsElement)[] | undefined;
export interface XliffJsUnit {
  source?: XliffJsValue;
  target?: XliffJsValue;
  groupUnits?: Record<string, XliffJsUnit>;
}
export interface XliffJs {
  sourceLanguage?: string;
  targetLanguage?: string;
  resources: Record<string, Record<string, XliffJsUnit>>;
}
export interface XliffPackage {
  xliff12ToJs(xml: string): Promise<XliffJs>;
  xliff2js(xml: string): Promise<XliffJs>;
}

/** The `xliff` npm package, which ships no types: loaded by a name the compiler does not resolve. */
export async function xliffPackage(): Promise<XliffPackage> {
  const name = 'xliff';
  return ((await import(name)) as { default: XliffPackage }).default;
}
