import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainText, segments, unitSource } from '../../src/model/content.js';
import type { Content, Document, Unit } from '../../src/model/schema.js';
import { xliffPathFor } from '../../src/xliff/kit/index.js';
import {
  corpus,
  dumpDocuments,
  extract,
  tempDir,
  xliffPackage,
  type XliffJs,
  type XliffJsUnit,
  type XliffJsValue,
  type XliffPackage,
} from '../helpers/interop.js';

/*
 * The `xliff` package is a key/value reader: per file, unit id → source (and target). Inline
 * codes come back as objects, so only units without codes are compared as text. It drops
 * whitespace-only text between two elements (two term marks a space apart run together), and
 * in XLIFF 2 the text inside `<mrk>` and every segment's source but the last; so sentences
 * with glossary marks are left out, and in XLIFF 2 units of several segments.
 */

const GLOSSARY = ['-g', 'glossary/en-fa'];

const hasCodes = (content: Content) => content.some((item) => item.type === 'code');

/** Text of a value, with term marks (`mrk`) reduced to their content and codes to nothing. */
function textOf(value: XliffJsValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('');
  return Object.values(value).map((el) => textOf(el.contents)).join('');
}

const seesCodes = (value: XliffJsValue) => (Array.isArray(value) ? value.some((item) => typeof item !== 'string') : typeof value === 'object');

interface Outcome {
  keys: [string[], string[]];
  compared: number;
  withCodes: number;
  problems: string[];
}

function compareUnits(expected: [string, Unit][], found: Record<string, XliffJsUnit>, sourceOf: (unit: Unit) => Content | undefined, where: string, out: Outcome): void {
  out.keys[0].push(...expected.map(([key]) => `${where} ${key}`));
  out.keys[1].push(...Object.keys(found).map((key) => `${where} ${key}`));
  for (const [key, unit] of expected) {
    const source = sourceOf(unit);
    const got = found[key]?.source;
    if (!source) continue;
    if (hasCodes(source)) {
      out.withCodes++;
      if (!seesCodes(got)) out.problems.push(`${where} ${key}: inline codes not seen: ${JSON.stringify(got)}`);
      continue;
    }
    out.compared++;
    if (textOf(got) !== plainText(source)) out.problems.push(`${where} ${key}: ${JSON.stringify(textOf(got))} ≠ ${JSON.stringify(plainText(source))}`);
  }
}

function report(what: string, out: Outcome): void {
  console.info(`xliff package, ${what}: ${out.keys[1].length} ids, ${out.compared} sources compared as text, ${out.withCodes} with codes seen as elements`);
}

function outcome(): Outcome {
  return { keys: [[], []], compared: 0, withCodes: 0, problems: [] };
}

describe('the xliff npm package reads what extract writes', () => {
  const files = corpus();
  let documents: Document[];
  let xliff: XliffPackage;
  const read = async (out: string, document: Document, v12: boolean): Promise<XliffJs> => {
    const xml = readFileSync(join(out, xliffPathFor(document.path)), 'utf8');
    return v12 ? xliff.xliff12ToJs(xml) : xliff.xliff2js(xml);
  };

  beforeAll(async () => {
    documents = dumpDocuments(files, GLOSSARY);
    xliff = await xliffPackage();
  });

  it('XLIFF 1.2: one entry per unit under the document path, with its whole source', async () => {
    const out = tempDir('xliffjs-12');
    extract(files, ['--xliff', '1.2', ...GLOSSARY, '--out', out]);
    const result = outcome();
    for (const document of documents) {
      const js = await read(out, document, true);
      expect([js.sourceLanguage, js.targetLanguage]).toEqual(['en', 'fa']);
      expect(Object.keys(js.resources)).toEqual([document.path]);
      compareUnits(document.units.map((u) => [u.id, u]), js.resources[document.path]!, unitSource, document.path, result);
    }
    expect(result.keys[1]).toEqual(result.keys[0]);
    expect(result.problems).toEqual([]);
    report('XLIFF 1.2', result);
    expect(result.compared).toBeGreaterThan(200);
    expect(result.withCodes).toBeGreaterThan(20);
  });

  it('XLIFF 1.2 OmegaT kit: one group per unit, one entry per sentence', async () => {
    const out = join(tempDir('xliffjs-omegat'), 'kit');
    extract(files, ['--xliff', '1.2', '--kit', 'omegat', ...GLOSSARY, '--out', out]);
    const result = outcome();
    for (const document of documents) {
      const js = await read(join(out, 'omegat-project', 'source'), document, true);
      const groups = js.resources[document.path]!;
      expect(Object.keys(groups), document.path).toEqual(document.units.map((u) => u.id));
      for (const unit of document.units) {
        const sentences = segments(unit).map((s) => [`${unit.id}_${s.id}`, { ...unit, parts: [s] }] as [string, Unit]);
        const unmarked = (u: Unit) => { const s = u.parts[0]!; return s.kind === 'segment' && s.matches?.length ? undefined : s.source; };
        compareUnits(sentences, groups[unit.id]?.groupUnits ?? {}, unmarked, document.path, result);
      }
    }
    expect(result.keys[1]).toEqual(result.keys[0]);
    expect(result.problems).toEqual([]);
    report('XLIFF 1.2 OmegaT kit', result);
    expect(result.compared).toBeGreaterThan(150);
  });

  it.each(['2.0', '2.1'])('XLIFF %s: one entry per unit under the file id', async (version) => {
    const out = tempDir(`xliffjs-${version}`);
    extract(files, ['--xliff', version, ...GLOSSARY, '--out', out]);
    const result = outcome();
    for (const document of documents) {
      const js = await read(out, document, false);
      expect([js.sourceLanguage, js.targetLanguage]).toEqual(['en', 'fa']);
      expect(Object.keys(js.resources)).toEqual(['f1']);
      // An empty document is written with one placeholder unit, since a file needs one.
      const expected: [string, Unit][] = document.units.length
        ? document.units.map((u) => [u.id, u])
        : [['empty', { id: 'empty', kind: 'other', translate: false, context: {}, notes: [], parts: [] }]];
      const single = (u: Unit) => (segments(u).length === 1 && !segments(u)[0]!.matches?.length ? segments(u)[0]!.source : undefined);
      compareUnits(expected, js.resources.f1!, single, document.path, result);
    }
    expect(result.keys[1]).toEqual(result.keys[0]);
    expect(result.problems).toEqual([]);
    report(`XLIFF ${version}`, result);
    expect(result.compared).toBeGreaterThan(150);
  });
});
