import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatForPath } from '../../src/formats/index.js';
import type { Document } from '../../src/model/schema.js';
import { createSegmenter } from '../../src/segment/srx/index.js';
import { extractDocument } from '../../src/steps/extract-document.js';
import { repoRoot, runCli } from '../helpers/cli.js';

const TEXT = 'examples/text/night-of-fires.txt';
const HTML = 'examples/html/oil-workers-strike.html';
const MD = 'examples/markdown/the-long-shadow-of-1988.md';

/** Upper-cases the words of XLIFF content, leaving its tags and entities alone. */
const shout = (xml: string) => xml.replace(/<[^>]*>|&[^;]+;|[a-z]+/g, (m) => (m[0] === '<' || m[0] === '&' ? m : m.toUpperCase()));

/** Pseudo-translations made by editing the XLIFF text, as a translator's tool would. */
const fill = {
  '2.1': (xml: string) =>
    xml.replace(/(<segment[^>]*)(>\s*<source>)([\s\S]*?)(<\/source>)/g, (_m, a: string, b: string, inner: string, c: string) => `${a} state="translated"${b}${inner}${c}<target>${shout(inner)}</target>`),
  '1.2': (xml: string) => xml.replace(/<seg-source>([\s\S]*?)<\/seg-source>/g, (m, inner: string) => `${m}<target state="translated">${shout(inner)}</target>`),
  omegat: (xml: string) => xml.replace(/<target state="needs-translation"( xml:lang="fa">)([\s\S]*?)<\/target>/g, (_m, a: string, inner: string) => `<target state="translated"${a}${shout(inner)}</target>`),
};

type Variant = keyof typeof fill;
const extractArgs: Record<Variant, string[]> = { '2.1': ['--xliff', '2.1'], '1.2': ['--xliff', '1.2'], omegat: ['--xliff', '1.2', '--kit', 'omegat'] };
const xliffDir: Record<Variant, string> = { '2.1': 'x21', '1.2': 'x12', omegat: 'kit/omegat-project/source' };

/** What merging the pseudo-translation must give: the same document with its segments' words upper-cased. */
function expected(path: string): Buffer {
  const bytes = new Uint8Array(readFileSync(join(repoRoot, path)));
  const format = formatForPath(path);
  const doc = extractDocument({ bytes, path, format, sourceLang: 'en', targetLang: 'fa', segmenter: createSegmenter('en') });
  const translated: Document = {
    ...doc,
    units: doc.units.map((u) => ({
      ...u,
      parts: u.parts.map((p) =>
        p.kind === 'segment' && u.translate ? { ...p, target: p.source.map((i) => (i.type === 'text' ? { ...i, text: i.text.replace(/[a-z]+/g, (w) => w.toUpperCase()) } : i)) } : p,
      ),
    })),
  };
  return Buffer.from(format.merge(translated, { targetLang: 'fa' }));
}

let work: string;
const cli = (...args: string[]) => runCli(args, { cwd: work });
const xlf = (variant: Variant, path: string) => `${xliffDir[variant]}/${path}.xlf`;
const read = (path: string) => readFileSync(join(work, path), 'utf8');
const write = (path: string, data: string) => {
  mkdirSync(join(work, path, '..'), { recursive: true });
  writeFileSync(join(work, path), data);
};
const listing = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => `${e.parentPath.slice(dir.length)}/${e.name}:${e.isFile() ? readFileSync(join(e.parentPath, e.name), 'utf8') : ''}`).sort() : [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tarjoman-merge-'));
  for (const path of [TEXT, HTML, MD]) {
    mkdirSync(join(work, path, '..'), { recursive: true });
    cpSync(join(repoRoot, path), join(work, path));
  }
  for (const variant of Object.keys(fill) as Variant[]) {
    const out = variant === 'omegat' ? 'kit' : xliffDir[variant];
    const r = cli('extract', TEXT, HTML, MD, '--from', 'en', '--to', 'fa', ...extractArgs[variant], '--out', out);
    expect(r.status, r.stderr).toBe(0);
    for (const path of [TEXT, HTML, MD]) write(`filled/${variant}/${path}.xlf`, fill[variant](read(xlf(variant, path))));
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tarjoman merge', () => {
  it.each(Object.keys(fill) as Variant[])('merges pseudo-translated XLIFF (%s) into byte-exact documents', (variant) => {
    const out = `out-${variant}`;
    const r = cli('merge', `filled/${variant}/${TEXT}.xlf`, `filled/${variant}/${HTML}.xlf`, `filled/${variant}/${MD}.xlf`, '--out', out, '--to', 'fa');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${out}/${TEXT}: 10 units, 20 segments, 20 from the translation, 0 from the source (translated 20)`);
    expect(readFileSync(join(work, out, TEXT))).toEqual(expected(TEXT));
    expect(readFileSync(join(work, out, TEXT), 'utf8')).toBe(readFileSync(join(repoRoot, TEXT), 'utf8').replace(/[a-z]+/g, (w) => w.toUpperCase()));
    const html = readFileSync(join(work, out, HTML));
    expect(html).toEqual(expected(HTML));
    expect(html.toString()).toMatch(/<html[^>]*(dir="rtl"[^>]*lang="fa"|lang="fa"[^>]*dir="rtl")/);
    expect(readFileSync(join(work, out, MD))).toEqual(expected(MD));
  });

  it('refuses untranslated segments, and writes their source when asked', () => {
    const partial = read(`filled/2.1/${TEXT}.xlf`).replace(/<target>[^<]*<\/target>/, '');
    write('partial.xlf', partial);
    const strict = cli('merge', 'partial.xlf', '--out', 'out-partial');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/^partial\.xlf:\d+:\d+: error \[untranslated\] .*\(unit u1, segment s1\)$/m);
    expect(existsSync(join(work, 'out-partial'))).toBe(false);
    const lenient = cli('merge', 'partial.xlf', '--out', 'out-partial', '--untranslated', 'source');
    expect(lenient.status, lenient.stderr).toBe(0);
    expect(lenient.stderr).toContain('19 from the translation, 1 from the source');
    expect(read(`out-partial/${TEXT}`).split('\n')[0]).toBe('Iran: Resistance Units Mark the Anniversary of the 1988 Massacre');
  });

  it('--require reviewed fails on translated segments; --force writes anyway and says so', () => {
    const r = cli('merge', `filled/1.2/${TEXT}.xlf`, '--out', 'out-require', '--require', 'reviewed');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error \[state\] the segment is translated, but reviewed is required \(unit u1, segment s1\)/);
    expect(r.stderr).toContain('20 errors in the translations; nothing was written');
    expect(existsSync(join(work, 'out-require'))).toBe(false);
    const forced = cli('merge', `filled/1.2/${TEXT}.xlf`, '--out', 'out-require', '--require', 'reviewed', '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('warning: writing despite 20 errors, because of --force');
    expect(readFileSync(join(work, 'out-require', TEXT))).toEqual(expected(TEXT));
  });

  describe('refuses, whatever --force says, and leaves the output folder as it was', () => {
    const sentinel = () => {
      rmSync(join(work, 'out-kept'), { recursive: true, force: true });
      write('out-kept/keep.txt', 'kept');
      write(`out-kept/${TEXT}`, 'old');
      return listing(join(work, 'out-kept'));
    };
    const refused = (args: string[], pattern: RegExp) => {
      const before = sentinel();
      for (const force of [[], ['--force']]) {
        const r = cli('merge', ...args, '--out', 'out-kept', ...force);
        expect(r.status, r.stderr).toBe(1);
        expect(r.stderr).toMatch(pattern);
        expect(r.stderr).toMatch(/XLIFF file was refused; nothing was written/);
        expect(listing(join(work, 'out-kept'))).toEqual(before);
      }
    };

    it('a DOCTYPE', () => {
      write('doctype.xlf', read(`filled/2.1/${TEXT}.xlf`).replace('?>\n', '?>\n<!DOCTYPE xliff [<!ENTITY e "x">]>\n'));
      refused(['doctype.xlf'], /^doctype\.xlf:2:\d+: error \[doctype\]/m);
    });

    it('truncated XML', () => {
      const whole = read(`filled/2.1/${TEXT}.xlf`);
      write('truncated.xlf', whole.slice(0, Math.floor(whole.length / 2)));
      refused(['truncated.xlf'], /^truncated\.xlf:\d+:\d+: error \[xml\]/m);
    });

    it('duplicate unit ids', () => {
      write('duplicate.xlf', read(`filled/1.2/${TEXT}.xlf`).replace('trans-unit id="u2"', 'trans-unit id="u1"'));
      refused(['duplicate.xlf'], /^duplicate\.xlf:\d+:\d+: error \[duplicate-id\]/m);
    });

    it('a changed original', () => {
      const original = read(TEXT);
      write(TEXT, original.replace('Leila', 'Layla'));
      try {
        refused([`filled/2.1/${TEXT}.xlf`], /error \[original-changed\] the original examples\/text\/night-of-fires\.txt has changed/);
      } finally {
        write(TEXT, original);
      }
    });

    it('an XLIFF of another document given with --original', () => {
      refused([`filled/2.1/${TEXT}.xlf`, '--original', HTML], /error \[original-other\]/);
    });

    it('another target language', () => {
      refused([`filled/omegat/${TEXT}.xlf`, '--to', 'ar'], /error \[target-language\] the XLIFF file translates into "fa", not "ar"/);
    });

    it('a target code the source does not have, in one of several files', () => {
      write('extra-code.xlf', read(`filled/2.1/${HTML}.xlf`).replace(/<target>/, '<target><ph id="99"/>'));
      refused([`filled/2.1/${TEXT}.xlf`, 'extra-code.xlf'], /error \[code-added\]/);
    });
  });

  describe('one XLIFF holding several documents, as a CAT tool package gives them back', () => {
    /** The `<file>` elements of the three filled 1.2 files under one root. */
    const combined = (edit: (xml: string) => string = (x) => x) => {
      const files = [TEXT, HTML, MD].map((path) => /<file [\s\S]*<\/file>/.exec(read(`filled/1.2/${path}.xlf`))![0]);
      files[2] = edit(files[2]!);
      return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  ${files.join('\n  ')}\n</xliff>\n`;
    };

    it('merges every document byte-exact', () => {
      write('package.xlf', combined());
      const r = cli('merge', 'package.xlf', '--out', 'out-package', '--to', 'fa', '--publish', 'html');
      expect(r.status, r.stderr).toBe(0);
      for (const path of [TEXT, HTML, MD]) {
        expect(readFileSync(join(work, 'out-package', path))).toEqual(expected(path));
        expect(existsSync(join(work, 'out-package', `${path}.parallel.html`))).toBe(true);
      }
      expect(listing(join(work, 'out-package')).filter((line) => line.includes('.tmp:'))).toEqual([]);
    });

    it('writes nothing when its last document is refused, after the first two were made', () => {
      // The last file's original no longer matches its checksum.
      write('package-bad.xlf', combined((file) => file.replace(/crc="[0-9a-f]+"/, `crc="${'0'.repeat(64)}"`)));
      const r = cli('merge', 'package-bad.xlf', '--out', 'out-package-bad', '--to', 'fa', '--publish', 'html');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/\[original-changed\]/);
      expect(existsSync(join(work, 'out-package-bad'))).toBe(false);
    });
  });

  it('never writes over its inputs', () => {
    const r = cli('merge', `filled/2.1/${TEXT}.xlf`, '--out', '.');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[output-is-input]');
    expect(read(TEXT)).toBe(readFileSync(join(repoRoot, TEXT), 'utf8'));
  });

  it('speaks Persian', () => {
    const r = cli('merge', `filled/2.1/${TEXT}.xlf`, '--out', 'out-fa', '--locale', 'fa');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('نوشته شد');
  });
});
