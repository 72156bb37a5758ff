import { describe, expect, it } from 'vitest';
import { formatForPath } from '../../../src/formats/index.js';
import { DocumentMatcher, matchDocument, runQualityChecks, type MergePolicy, type QualityCheck } from '../../../src/merge/index.js';
import { qualityChecks } from '../../../src/merge/checks.js';
import type { Content, Document, SegmentState } from '../../../src/model/schema.js';
import { createSegmenter } from '../../../src/segment/srx/index.js';
import { extractDocument } from '../../../src/steps/extract-document.js';
import { readXliff } from '../../../src/xliff/read/index.js';
import { writeXliff, type XliffVersion } from '../../../src/xliff/write.js';

const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

function extract(path: string, text: string): Document {
  return extractDocument({ bytes: encode(text), path, format: formatForPath(path), sourceLang: 'en', targetLang: 'fa', segmenter: createSegmenter('en') });
}

type Fill = (source: Content, unitId: string, segmentId: string) => { target?: Content; state?: SegmentState } | undefined;

const upper: Fill = (source) => ({ target: source.map((i) => (i.type === 'text' ? { ...i, text: i.text.toUpperCase() } : i)), state: 'translated' });

function fill(doc: Document, how: Fill): Document {
  return {
    ...doc,
    units: doc.units.map((u) => ({
      ...u,
      parts: u.parts.map((p) => {
        if (p.kind !== 'segment') return p;
        const got = how(p.source, u.id, p.id);
        return got ? { ...p, ...got } : p;
      }),
    })),
  };
}

function roundTrip(doc: Document, version: XliffVersion, edit: (xml: string) => string = (x) => x) {
  return readXliff(encode(edit(writeXliff(doc, { version, toolVersion: '0' }))), 'doc.xlf');
}

const policy: MergePolicy = { untranslated: 'error', checks: [] };

function merge(original: Document, translated: Document, version: XliffVersion, options: Partial<MergePolicy> = {}, edit?: (xml: string) => string) {
  const entry = roundTrip(translated, version, edit).files[0]!;
  const result = matchDocument({ original, entry, xliffPath: 'doc.xlf', targetLang: 'fa', policy: { ...policy, ...options } });
  const format = formatForPath(original.path);
  return { ...result, text: decode(format.merge(result.document, { targetLang: 'fa' })) };
}

const TEXT = 'First sentence here. Second one follows.\n\nA new paragraph.\n';
const HTML = '<p>Read <a href="https://example.com/r?a=1&amp;b=2">the report</a> now. It is <b>long</b>.</p>\n<p>Another <br>line.</p>\n';

describe('matchDocument', () => {
  it.each(['1.2', '2.0', '2.1'] as const)('merges a pseudo-translated text document (XLIFF %s)', (version) => {
    const doc = extract('a.txt', TEXT);
    const result = merge(doc, fill(doc, upper), version);
    expect(result.refusals).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.text).toBe(TEXT.toUpperCase());
    expect(result.counts).toMatchObject({ units: 2, segments: 3, merged: 3, fromSource: 0, states: { translated: 3 } });
  });

  it.each(['1.2', '2.0', '2.1'] as const)('restores code markup from the original (XLIFF %s)', (version) => {
    const doc = extract('a.html', HTML);
    const result = merge(doc, fill(doc, upper), version);
    expect(result.refusals).toEqual([]);
    expect(result.text).toBe('<p>READ <a href="https://example.com/r?a=1&amp;b=2">THE REPORT</a> NOW. IT IS <b>LONG</b>.</p>\n<p>ANOTHER <br>LINE.</p>\n');
  });

  it('prefers the original markup to what an XLIFF 2 file carries', () => {
    const doc = extract('a.html', HTML);
    const result = merge(doc, fill(doc, upper), '2.1', {}, (xml) => xml.replaceAll('https://example.com', 'https://evil.example'));
    expect(result.refusals).toEqual([]);
    expect(result.text).toContain('https://example.com/r');
    expect(result.text).not.toContain('evil');
  });

  it('refuses a target code the source lacks', () => {
    const doc = extract('a.html', HTML);
    const translated = fill(doc, (source, unitId) => {
      const target = upper(source, unitId, '')!.target!;
      return { target: unitId === doc.units[1]!.id ? [...target, { type: 'code', kind: 'standalone', id: '99', tag: 'br', data: '<br>' }] : target, state: 'translated' };
    });
    const result = merge(doc, translated, '2.1');
    expect(result.refusals.map((f) => [f.rule, f.unitId])).toEqual([['code-unknown', doc.units[1]!.id]]);
  });

  it('reports source drift naming unit and segment', () => {
    const doc = extract('a.txt', TEXT);
    const changed = extract('a.txt', TEXT.replace('Second one', 'Second two'));
    const result = merge(changed, fill(doc, upper), '2.1');
    expect(result.refusals).toHaveLength(1);
    expect(result.refusals[0]).toMatchObject({ rule: 'source-text', unitId: 'u1', segmentId: 's2', severity: 'error' });
    expect(result.refusals[0]!.line).toBeGreaterThan(1);
  });

  it('reports units missing or added and segments that differ', () => {
    const doc = extract('a.txt', TEXT);
    const more = extract('a.txt', `${TEXT}\nYet another.\n`);
    expect(merge(more, fill(doc, upper), '1.2').refusals.map((f) => f.rule)).toEqual(['unit-missing']);
    expect(merge(doc, fill(more, upper), '1.2').refusals.map((f) => f.rule)).toEqual(['unit-added']);
    const resegmented = extract('a.txt', TEXT.replace('here. Second', 'here; second'));
    const result = merge(resegmented, fill(doc, upper), '2.0');
    expect(result.refusals.map((f) => [f.rule, f.unitId])).toEqual([['segments-differ', 'u1']]);
  });

  it('reports code drift in the source', () => {
    const doc = extract('a.html', HTML);
    const changed = extract('a.html', HTML.replace('<b>long</b>', 'long'));
    const result = merge(changed, fill(doc, upper), '2.1');
    expect(result.refusals.map((f) => f.rule)).toContain('source-codes');
  });

  it('makes untranslated segments errors, or writes their source when asked', () => {
    const doc = extract('a.txt', TEXT);
    const partly = fill(doc, (source, unitId, segmentId) => (segmentId === 's2' ? undefined : unitId === 'u2' ? { target: source, state: 'translated' } : upper(source, unitId, segmentId)));
    const strict = merge(doc, partly, '2.1');
    expect(strict.findings.map((f) => [f.rule, f.unitId, f.segmentId])).toEqual([
      ['untranslated', 'u1', 's2'],
      ['untranslated', 'u2', 's1'],
    ]);
    const lenient = merge(doc, partly, '2.1', { untranslated: 'source' });
    expect(lenient.findings).toEqual([]);
    expect(lenient.text).toBe('FIRST SENTENCE HERE. Second one follows.\n\nA new paragraph.\n');
    expect(lenient.counts).toMatchObject({ merged: 1, fromSource: 2 });
  });

  it('lets a unit read again take the place of the first reading, its counts and findings with it', () => {
    const doc = extract('a.txt', TEXT);
    const untranslated = roundTrip(fill(doc, () => undefined), '2.1').files[0]!;
    const translated = roundTrip(fill(doc, upper), '2.1').files[0]!;
    const matcher = new DocumentMatcher(doc, 'doc.xlf', 'fa', policy);
    for (const unit of untranslated.units) matcher.unit(unit);
    matcher.unit(translated.units.find((u) => u.id === 'u1')!);
    const result = matcher.finish(translated);
    expect(result.findings.map((f) => [f.rule, f.unitId, f.segmentId])).toEqual([['untranslated', 'u2', 's1']]);
    expect(result.counts).toEqual({ units: 2, segments: 3, merged: 2, fromSource: 1, states: { initial: 1, translated: 2, reviewed: 0, final: 0 } });
    expect(decode(formatForPath('a.txt').merge(result.document))).toBe('FIRST SENTENCE HERE. SECOND ONE FOLLOWS.\n\nA new paragraph.\n');
  });

  it('does not ask for a translation of a segment without letters', () => {
    const doc = extract('a.txt', 'Price rose.\n\n2024\n');
    const result = merge(doc, fill(doc, (s, u, seg) => (u === 'u1' ? upper(s, u, seg) : undefined)), '2.1');
    expect(result.findings).toEqual([]);
    expect(result.text).toBe('PRICE ROSE.\n\n2024\n');
  });

  it('requires a least state', () => {
    const doc = extract('a.txt', TEXT);
    // 1.2 approves whole trans-units, so states are given per unit to read back the same in every version
    const byUnit: Record<string, SegmentState> = { u1: 'translated', u2: 'reviewed' };
    const mixed = fill(doc, (source, u, s) => ({ ...upper(source, u, s), state: byUnit[u]! }));
    for (const version of ['1.2', '2.1'] as const) {
      expect(merge(doc, mixed, version, { require: 'translated' }).findings).toEqual([]);
      expect(merge(doc, mixed, version, { require: 'reviewed' }).findings.map((f) => [f.rule, f.unitId, f.segmentId])).toEqual([
        ['state', 'u1', 's1'],
        ['state', 'u1', 's2'],
      ]);
      expect(merge(doc, mixed, version, { require: 'final' }).findings).toHaveLength(3);
    }
    const untranslated = fill(doc, (source, u, s) => (u === 'u2' ? undefined : upper(source, u, s)));
    const lenient = merge(doc, untranslated, '2.1', { require: 'translated', untranslated: 'source' });
    expect(lenient.findings.map((f) => [f.rule, f.unitId])).toEqual([['state', 'u2']]);
  });

  it('runs quality checks on translated segments and places their findings', () => {
    const doc = extract('a.html', HTML);
    const seen: string[] = [];
    const noLong: QualityCheck = (pair) => {
      seen.push(`${pair.unitId}/${pair.segmentId}:${pair.sourceLang}>${pair.targetLang}`);
      // the check sees the markup merge will write, not what the XLIFF held
      const data = pair.target.flatMap((i) => (i.type === 'code' ? [i.data] : []));
      return data.includes('<b>') ? [{ rule: 'no-bold', severity: 'error', message: 'bold' }] : [];
    };
    const result = merge(doc, fill(doc, upper), '1.2', { checks: [noLong] });
    expect(seen).toEqual(['u1/s1:en>fa', 'u1/s2:en>fa', 'u2/s1:en>fa']);
    expect(result.findings).toMatchObject([{ rule: 'no-bold', severity: 'error', message: 'bold', file: 'doc.xlf', unitId: 'u1', segmentId: 's2' }]);
  });

  it('ships with no checks registered, and runs what is registered', () => {
    expect(qualityChecks).toEqual([]);
    const pair = { unitId: 'u', segmentId: 's', source: [], target: [], sourceLang: 'en', targetLang: 'fa' };
    qualityChecks.push(() => [{ rule: 'fake', severity: 'warning', message: 'm' }]);
    try {
      expect(runQualityChecks(pair)).toEqual([{ rule: 'fake', severity: 'warning', message: 'm' }]);
    } finally {
      qualityChecks.length = 0;
    }
  });
});
