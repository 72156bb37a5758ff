import { describe, expect, it } from 'vitest';
import type { Document, Inline, Part, Unit } from '../../../src/model/schema.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import { unitXml12, writeXliff12 } from '../../../src/xliff/v12/write.js';
import { unitXml2, writeXliff2 } from '../../../src/xliff/v2/write.js';
import { escapeTextWithCp, firstInvalidXmlChar, plainXmlText } from '../../../src/xliff/xml-escape.js';
import { seededRandom } from '../../helpers/random.js';

const PIECES = ['a', 'b', ' ', '  ', '&', '<', '>', '"', '\r', '\n', '\t', 'خ', 'word '];
// A mark may end inside a surrogate pair, which leaves a lone half that XLIFF 1.2 cannot carry.
const INVALID = ['\u0001', '\uD800', '\uFFFE', '\uD83D\uDE00'];
const KINDS = ['paragraph', 'heading', 'title', 'byline'] as const;
const STATES = ['initial', 'translated', 'reviewed', 'final'] as const;

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

function randomText(rand: Rand, length: number, invalid: boolean): string {
  let out = '';
  for (let i = 0; i < length; i++) out += invalid && rand() < 0.05 ? pick(rand, INVALID) : pick(rand, PIECES);
  return out;
}

/** Content with codes when asked: pairs that nest, pairs that cross or are split, standalone codes. */
function randomContent(rand: Rand, codes: boolean, invalid: boolean): Inline[] {
  const items: Inline[] = [];
  const open: string[] = [];
  for (let i = Math.floor(rand() * 5); i >= 0; i--) {
    const r = codes ? rand() : 0;
    if (r < 0.6) items.push({ type: 'text', text: randomText(rand, Math.floor(rand() * 8), invalid) });
    else if (r < 0.75) {
      const id = String(1 + Math.floor(rand() * 3));
      open.push(id);
      items.push({ type: 'code', kind: 'open', id, tag: pick(rand, ['b', 'a', 'span']), data: '<b>' });
    } else if (r < 0.9) items.push({ type: 'code', kind: 'close', id: open.pop() ?? '9', tag: 'b', data: '</b>' });
    else items.push({ type: 'code', kind: 'standalone', id: `x${i}`, tag: pick(rand, ['br', 'img']), data: '<br/>', ...(rand() < 0.3 ? { equiv: 'br' } : {}) });
  }
  return items;
}

const length = (content: Inline[]) => content.reduce((n, item) => n + (item.type === 'text' ? item.text.length : 0), 0);

/**
 * A unit of a few sentences with term hits (some empty, overlapping or out of order), targets
 * in every state, a single space or a longer run between sentences, and ids, kinds and
 * elements drawn from small sets so that units of one file repeat them.
 */
function randomUnit(rand: Rand, n: number, codes: boolean, invalid: boolean): Unit {
  const parts: Part[] = [];
  const count = 1 + Math.floor(rand() * 5);
  for (let p = 0; p < count; p++) {
    if (p % 2) {
      parts.push({ kind: 'ignorable', id: `i${Math.ceil(p / 2)}`, source: rand() < 0.7 ? [{ type: 'text', text: ' ' }] : randomContent(rand, codes, invalid) });
      continue;
    }
    const source = randomContent(rand, codes, invalid);
    const matches = [];
    for (let k = Math.floor(rand() * 4); k > 0; k--) {
      const start = Math.floor(rand() * (length(source) + 2));
      matches.push({ conceptId: pick(rand, ['c0', 'c1', 'c2']), start, end: start + Math.floor(rand() * 6) - 1, text: pick(rand, ['x"&y', 'term', 'خانه']) });
    }
    if (rand() < 0.7) matches.sort((a, b) => a.start - b.start);
    const segment: Part = { kind: 'segment', id: `s${p / 2 + 1}`, source, state: pick(rand, STATES), ...(matches.length ? { matches } : {}) };
    if (rand() < 0.4) segment.target = randomContent(rand, codes && rand() < 0.5, invalid);
    parts.push(segment);
  }
  const context = {
    ...(rand() < 0.9 ? { element: pick(rand, ['p', 'h2', 'line']) } : {}),
    ...(rand() < 0.2 ? { level: 1 + Math.floor(rand() * 3) } : {}),
    ...(rand() < 0.9 ? { line: n + 1, column: 1 + Math.floor(rand() * 4) } : {}),
    ...(rand() < 0.1 ? { key: 'k.<x>' } : {}),
  };
  return { id: `u${n}`, kind: pick(rand, KINDS), translate: rand() < 0.85, context, notes: rand() < 0.1 ? ['a & note'] : [], parts } as Unit;
}

const lookup = (id: string) =>
  id === 'c2' ? { translations: ['یک', 'دو & سه'], forbidden: ['بد'], definition: 'a <def>' } : id === 'c1' ? undefined : { translations: ['چهار'], forbidden: [] };

function doc(units: Unit[]): Document {
  return { path: 'news/a.txt', format: 'text', sourceLang: 'en', targetLang: 'fa', sha256: 'a'.repeat(64), units, skeleton: { pieces: [], meta: {} } } as Document;
}

/** What a writer gives: its text, or the key and unit of the error it refuses the unit with. */
function outcome(write: () => string): string {
  try {
    return write();
  } catch (error) {
    if (!(error instanceof TarjomanError)) throw error;
    return `${error.key} ${JSON.stringify(error.params)} ${error.location.unitId}`;
  }
}

describe('XLIFF 1.2 units without codes', () => {
  it('are written by the one-pass path exactly as by the general one, and refused for the same character', () => {
    const rand = seededRandom(17);
    let refused = 0;
    let marked = 0;
    for (let round = 0; round < 600; round++) {
      const unit = randomUnit(rand, round, false, rand() < 0.2);
      marked += unit.parts.reduce((n, p) => n + (p.kind === 'segment' ? (p.matches?.length ?? 0) : 0), 0);
      const document = doc([unit]);
      const options = { toolVersion: 't', glossary: lookup };
      const fast = outcome(() => unitXml12(unit, document, options));
      if (fast.startsWith('xliff:')) refused += 1;
      expect(fast).toBe(outcome(() => unitXml12(unit, document, options, true)));
    }
    expect(refused).toBeGreaterThan(10);
    expect(marked).toBeGreaterThan(200);
  });
});

describe('units written into one file', () => {
  // Pieces that recur (unit heads, segment starts, the space between sentences, notes) are made
  // once per file; a unit must come out the same as when it is the only one written.
  it('are written as each would be alone, in XLIFF 2 and 1.2', () => {
    const rand = seededRandom(23);
    for (let file = 0; file < 20; file++) {
      const units = Array.from({ length: 40 }, (_, n) => randomUnit(rand, n, rand() < 0.5, false));
      const xml2 = writeXliff2(doc(units), { version: '2.1', toolVersion: 't', glossary: lookup });
      const alone2 = units.map((unit) => unitXml2(unit, { version: '2.1', toolVersion: 't', glossary: lookup }));
      expect(xml2).toContain(`</mda:metadata>\n${alone2.join('\n')}\n  </file>`);
      const xml12 = writeXliff12(doc(units), { toolVersion: 't', glossary: lookup });
      const alone12 = units.map((unit) => unitXml12(unit, doc([unit]), { toolVersion: 't', glossary: lookup }));
      expect(xml12).toContain(`<body>\n${alone12.join('\n')}\n    </body>`);
    }
  });

  it('hold more than one batch in order', () => {
    const rand = seededRandom(29);
    const units = Array.from({ length: 700 }, (_, n) => randomUnit(rand, n, false, false));
    const xml = writeXliff2(doc(units), { version: '2.0', toolVersion: 't' });
    const ids = [...xml.matchAll(/<unit id="([^"]+)"/gu)].map((m) => m[1]);
    expect(ids).toEqual(units.map((u) => u.id));
  });
});

describe('the escaping precheck', () => {
  // Surrogates, even paired, go to the full check: only it tells a pair from a lone half.
  it('calls text plain exactly when it has nothing to escape, no surrogate and nothing XML cannot hold', () => {
    const rand = seededRandom(31);
    let plain = 0;
    for (let round = 0; round < 3000; round++) {
      const text = randomText(rand, Math.floor(rand() * 10), rand() < 0.3);
      const expected = escapeTextWithCp(text) === text && firstInvalidXmlChar(text) === undefined && !/[\r\uD800-\uDFFF]/.test(text);
      expect(plainXmlText(text)).toBe(expected);
      if (expected) plain += 1;
    }
    expect(plain).toBeGreaterThan(200);
  });
});
