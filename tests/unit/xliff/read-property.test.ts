import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeContent } from '../../../src/model/content.js';
import type { Content, Inline, InlineCode, Part, SegmentState, Unit } from '../../../src/model/schema.js';
import { readXliff } from '../../../src/xliff/read/index.js';
import { writeXliff12 } from '../../../src/xliff/v12/write.js';
import { writeXliff2 } from '../../../src/xliff/v2/write.js';
import { enc, expected12, expected2, expectedKit, makeDocument, readView } from '../../fixtures/xliff/helpers.js';

// Carriage returns are left out: XML parsers fold them into line feeds unless written as &#13;.
const CHARS = ['a', 'b', 'Z', ' ', '.', 'ی', 'ک', 'ه\u200c', '&', '<', '>', '"', "'", '\n', '\t', '۱'];
const textArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 5 }).map((a) => a.join(''));
const STATES: SegmentState[] = ['initial', 'translated', 'reviewed', 'final'];

const codeData = (kind: InlineCode['kind'], id: string) => (kind === 'open' ? `<b class="c${id}">` : kind === 'close' ? '</b>' : `<img id="${id}"/>`);
const codeOf = (kind: InlineCode['kind'], id: string, canDelete: boolean): InlineCode => ({
  type: 'code',
  kind,
  id,
  tag: kind === 'standalone' ? 'img' : 'b',
  data: codeData(kind, id),
  ...(kind === 'standalone' && !canDelete ? { canDelete: false } : {}),
});

interface Plan {
  pairs: number;
  singles: number;
  keys: number[];
  texts: string[];
  cuts: number[];
  targets: (null | { texts: string[]; keys: number[]; state: SegmentState })[];
  translate: boolean;
  fixed: boolean[];
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  pairs: fc.integer({ min: 0, max: 3 }),
  singles: fc.integer({ min: 0, max: 2 }),
  keys: fc.array(fc.double({ noNaN: true, min: 0, max: 1 }), { minLength: 8, maxLength: 8 }),
  texts: fc.array(textArb, { minLength: 9, maxLength: 9 }),
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 3 }),
  targets: fc.array(
    fc.option(
      fc.record({
        texts: fc.array(fc.array(fc.constantFrom('پ', 'س', ' ', 'ی', 'ک', '&'), { minLength: 1, maxLength: 4 }).map((a) => a.join('')), { minLength: 9, maxLength: 9 }),
        keys: fc.array(fc.double({ noNaN: true, min: 0, max: 1 }), { minLength: 8, maxLength: 8 }),
        state: fc.constantFrom(...STATES),
      }),
      { nil: null },
    ),
    { minLength: 4, maxLength: 4 },
  ),
  translate: fc.boolean(),
  fixed: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
});

/** Codes in an order where every opening code comes before its closing one, texts between them. */
function sourceTokens(plan: Plan): Inline[][] {
  const codes: InlineCode[] = [];
  for (let i = 1; i <= plan.pairs; i++) codes.push(codeOf('open', String(i), true), codeOf('close', String(i), true));
  for (let j = 0; j < plan.singles; j++) codes.push(codeOf('standalone', String(10 + j), plan.fixed[j] ?? true));
  const order = codes.map((c, i) => ({ c, k: plan.keys[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.c);
  for (let i = 1; i <= plan.pairs; i++) {
    const o = order.findIndex((c) => c.kind === 'open' && c.id === String(i));
    const c = order.findIndex((c) => c.kind === 'close' && c.id === String(i));
    if (c < o) [order[o], order[c]] = [order[c]!, order[o]!];
  }
  // slot k holds text k, then code k
  return plan.texts.map((t, k) => [{ type: 'text', text: t } as Inline, ...(order[k] ? [order[k]!] : [])]);
}

function unitOf(plan: Plan, id: string): Unit {
  const slots = sourceTokens(plan);
  const cuts = [...plan.cuts].sort((a, b) => a - b);
  const bounds = [0, ...cuts, slots.length];
  const parts: Part[] = [];
  for (let s = 0; s + 1 < bounds.length; s++) {
    if (s > 0) parts.push({ kind: 'ignorable', id: `i${s}`, source: [{ type: 'text', text: ' ' }] });
    const source: Content = normalizeContent(slots.slice(bounds[s], bounds[s + 1]).flat());
    const plannedTarget = plan.targets[s];
    let target: Content | undefined;
    if (plannedTarget) {
      // the translator moves the sentence's codes anywhere, even a closing code before its opening one
      const codes = source.filter((i): i is InlineCode => i.type === 'code');
      const moved = codes.map((c, i) => ({ c, k: plannedTarget.keys[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.c);
      target = normalizeContent(plannedTarget.texts.flatMap((t, k) => [{ type: 'text', text: t } as Inline, ...(moved[k] ? [moved[k]!] : [])]));
      for (const c of moved.slice(plannedTarget.texts.length)) target.push(c);
    }
    parts.push({ kind: 'segment', id: `s${s + 1}`, source, ...(target ? { target } : {}), state: plannedTarget?.state ?? 'initial' });
  }
  return { id, kind: 'paragraph', translate: plan.translate, context: {}, notes: [], parts };
}

const docArb = fc.array(planArb, { minLength: 1, maxLength: 3 }).map((plans) => makeDocument(plans.map((p, i) => unitOf(p, `u${i + 1}`))));

it('generates units with codes split across segments and moved in targets', () => {
  const samples = fc.sample(docArb, { numRuns: 200, seed: 42 }).flatMap((d) => d.units);
  const parts = samples.flatMap((u) => u.parts);
  const splitPairs = samples.filter((u) => u.parts.some((p) => p.source.some((i) => i.type === 'code' && i.kind === 'open' && !p.source.some((j) => j.type === 'code' && j.kind === 'close' && j.id === i.id))));
  const moved = parts.filter((p) => p.kind === 'segment' && p.target && JSON.stringify(p.target.filter((i) => i.type === 'code')) !== JSON.stringify(p.source.filter((i) => i.type === 'code')));
  expect(splitPairs.length).toBeGreaterThan(10);
  expect(moved.length).toBeGreaterThan(10);
  expect(parts.filter((p) => p.kind === 'segment' && p.target).length).toBeGreaterThan(50);
});

describe('readXliff ∘ write is the identity on what each shape carries', () => {
  it('XLIFF 2.1: text, code ids, kinds and data, targets with moved codes, states, ignorables', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const units = readXliff(enc(writeXliff2(doc, { version: '2.1', toolVersion: '1' })), 'p.xlf').files[0]!.units;
        expect(units.map((u) => readView(u, true))).toEqual(doc.units.map(expected2));
        // permissions travel too
        for (const [u, unit] of units.entries())
          for (const [p, part] of unit.parts.entries())
            for (const [i, item] of part.source.entries()) {
              const original = normalizeContent(doc.units[u]!.parts[p]!.source)[i]!;
              if (item.type === 'code' && original.type === 'code') expect(item.canDelete).toBe(original.canDelete);
            }
      }),
      { numRuns: 150 },
    );
  });

  it('XLIFF 1.2 with seg-source: text, code ids and kinds, targets per segment, the trans-unit state', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const units = readXliff(enc(writeXliff12(doc, { toolVersion: '1' })), 'p.xlf').files[0]!.units;
        expect(units.map((u) => readView(u, false))).toEqual(doc.units.map(expected12));
      }),
      { numRuns: 150 },
    );
  });

  it('the OmegaT kit: sentences reassembled into their units', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const units = readXliff(enc(writeXliff12(doc, { toolVersion: '1', kit: 'omegat' })), 'p.xlf').files[0]!.units;
        expect(units.map((u) => readView(u, false))).toEqual(doc.units.map(expectedKit));
      }),
      { numRuns: 150 },
    );
  });
});
