import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SRX_PATH, compileLanguage, loadSrx, parseSrx, type CompiledRule } from '../../../src/segment/srx/index.js';
import { ruleGates } from '../../../src/segment/srx/gates.js';
import { SrxSegmenter } from '../../../src/segment/srx/srx-segmenter.js';

/** SRX read literally: every rule scans the whole text, the first to reach a position decides. */
function referenceBreaks(rules: readonly CompiledRule[], text: string): number[] {
  const decision = new Array<boolean | undefined>(text.length + 1);
  for (const rule of rules) {
    const at = (p: number) => {
      if (decision[p] === undefined) decision[p] = rule.isBreak;
    };
    if (rule.combined) {
      for (const m of text.matchAll(rule.combined)) at(m.index);
      continue;
    }
    const before = new Set<number>();
    for (const m of text.matchAll(rule.before!)) before.add(m.index);
    for (const m of text.matchAll(rule.after!)) if (before.has(m.index)) at(m.index);
  }
  const out: number[] = [];
  for (let p = 1; p < text.length; p++) if (decision[p] === true) out.push(p);
  return out;
}

const CUSTOM = `<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="yes"/>
  <body>
    <languagerules>
      <languagerule languagerulename="X">
        <rule break="no"><beforebreak>(?i)\\bdr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="no"><beforebreak>[Ee]tc\\.</beforebreak><afterbreak>(?i)\\s+[a-z]</afterbreak></rule>
        <rule break="yes"><beforebreak>(\\w)</beforebreak><afterbreak>(\\w)?\\1x</afterbreak></rule>
        <rule break="yes"><beforebreak>x*</beforebreak><afterbreak>;</afterbreak></rule>
        <rule break="yes"><beforebreak>[.!?]+["”)]*</beforebreak><afterbreak>\\s*</afterbreak></rule>
        <rule break="yes"><beforebreak>\\n</beforebreak></rule>
        <rule break="yes"><afterbreak>\\p{Lu}{3}</afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules><languagemap languagepattern=".*" languagerulename="X"/></maprules>
  </body>
</srx>`;

const ALPHABET = [
  ...'aAbBeEiIpPmMsStTxXzZ.!?;:,()[]"\'”»«“ \n\r\t\u00A0123',
  'Dr',
  'dr',
  'etc',
  'The ',
  'U.S.',
  'a.m.',
  'No.',
  'Mr.',
  '\u2026',
  '\u061F',
  '\u06D4',
  'را',
  'م.',
  'خامنه‌ای',
  '\u200C',
  '\uD83D\uDE00',
  '\uD835\uDC00',
  '\uD800',
  '\uDC00',
];
const texts = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((pieces) => pieces.join(''));

describe('SRX segmentation with character gates', () => {
  const cases: Array<[string, CompiledRule[]]> = [
    ['en', compileLanguage(loadSrx(DEFAULT_SRX_PATH), 'en')],
    ['fa', compileLanguage(loadSrx(DEFAULT_SRX_PATH), 'fa')],
    ['custom', compileLanguage(parseSrx(CUSTOM, 'custom.srx'), 'xx')],
  ];
  for (const [name, rules] of cases) {
    it(`breaks exactly where every rule tried at every position would (${name} rules)`, () => {
      const segmenter = new SrxSegmenter(name, rules);
      fc.assert(
        fc.property(texts, (text) => {
          expect(segmenter.breaks(text)).toEqual(referenceBreaks(rules, text));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('reads a gate from each side that demands a character, and none from a side that may be empty', () => {
    const rules = compileLanguage(parseSrx(CUSTOM, 'custom.srx'), 'xx');
    const gates = rules.map(ruleGates);
    // `\s` after, `\.` before
    expect(gates[0]!.before?.test('.')).toBe(true);
    expect(gates[0]!.before?.test('r')).toBe(false);
    // the unit before the full stop: `r` of `dr`, in either case
    expect(gates[0]!.beforeSecond?.test('R')).toBe(true);
    expect(gates[0]!.beforeSecond?.test('x')).toBe(false);
    expect(gates[0]!.after?.test(' ')).toBe(true);
    expect(gates[0]!.after?.test('x')).toBe(false);
    // a backreference can stand for anything, `\s*` may be empty, a missing pattern says nothing
    expect(gates[2]!.after).toBeUndefined();
    expect(gates[4]!.after).toBeUndefined();
    expect(gates[5]!.after).toBeUndefined();
    expect(gates[6]!.before).toBeUndefined();
    // `x*;` may end in nothing but `;` begins it
    expect(gates[3]!.before).toBeUndefined();
    expect(gates[4]!.beforeSecond).toBeUndefined();
    expect(gates[3]!.after?.test(';')).toBe(true);
  });
});
