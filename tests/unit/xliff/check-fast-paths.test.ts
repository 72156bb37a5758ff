import { afterAll, describe, expect, it } from 'vitest';
import { currentLocale, setLocale, t } from '../../../src/i18n/index.js';
import { IdScope, sameKinds, sameSignature, signature } from '../../../src/xliff/check/codes.js';
import { Findings } from '../../../src/xliff/check/finding.js';
import type { CodeKind, RawCode, RawItem } from '../../../src/xliff/read/raw.js';
import { seededRandom } from '../../helpers/random.js';

const KINDS: CodeKind[] = ['open', 'close', 'standalone'];

function codes(rand: () => number): RawCode[] {
  return Array.from({ length: Math.floor(rand() * 4) }, () => ({ t: 'code', el: 'x', kind: KINDS[Math.floor(rand() * 3)]!, attrs: {}, line: 1, column: 1 }) satisfies RawCode);
}

/** The kinds of a list as a finding shows them: sorted, each in words of the locale, joined. */
const shownKinds = (list: RawCode[]) =>
  list
    .map((c) => c.kind)
    .sort()
    .map((k) => t(`xliff-check:kind.${k}`))
    .join(t('xliff-check:kind.separator'));

describe('structural check fast paths agree with the general ones', () => {
  const initial = currentLocale();
  afterAll(() => setLocale(initial));

  it('code kinds compare as their lists in words compare, in every locale', () => {
    for (const locale of ['en', 'fa'] as const) {
      setLocale(locale);
      const rand = seededRandom(31);
      let same = 0;
      for (let round = 0; round < 3000; round++) {
        const a = codes(rand);
        const b = rand() < 0.3 ? [...a].reverse() : codes(rand);
        const expected = shownKinds(a) === shownKinds(b);
        expect(sameKinds(a, b)).toBe(expected);
        if (expected) same += 1;
      }
      // both answers occur often enough to mean something
      expect(same).toBeGreaterThan(500);
      expect(same).toBeLessThan(2500);
    }
  });

  it('content compares item by item as its signatures compare, however its text is cut and marked', () => {
    const rand = seededRandom(32);
    const words = ['ab', 'a', 'b', 'ba', 'ب', '', 'abab'];
    /** a text and codes, cut at random into items with marks between them */
    const items = (tokens: (string | RawCode)[]): RawItem[] => {
      const out: RawItem[] = [];
      for (const token of tokens) {
        if (rand() < 0.3) out.push({ t: 'mark', el: 'mrk', closing: rand() < 0.5, line: 1, column: 1 });
        if (typeof token !== 'string') out.push(token);
        else {
          const cut = Math.floor(rand() * (token.length + 1));
          out.push({ t: 'text', text: token.slice(0, cut) }, { t: 'text', text: token.slice(cut) });
        }
      }
      return out;
    };
    const code = (): RawCode => {
      const c: RawCode = { t: 'code', el: 'x', kind: KINDS[Math.floor(rand() * 3)]!, attrs: {}, line: 1, column: 1 };
      const id = [undefined, '', '1', '2'][Math.floor(rand() * 4)];
      if (id !== undefined) c.id = id;
      return c;
    };
    let same = 0;
    for (let round = 0; round < 5000; round++) {
      const tokens = Array.from({ length: Math.floor(rand() * 5) }, () => (rand() < 0.25 ? code() : words[Math.floor(rand() * words.length)]!));
      // the same tokens again, or the text joined or split anew, or one token changed
      const other = rand() < 0.5 ? tokens : tokens.map((tk) => (rand() < 0.2 ? (rand() < 0.5 ? code() : words[Math.floor(rand() * words.length)]!) : tk));
      const a = items(tokens);
      const b = items(other);
      const expected = signature(a) === signature(b);
      expect(sameSignature(a, b)).toBe(expected);
      expect(sameSignature(b, a)).toBe(expected);
      if (expected) same += 1;
    }
    expect(same).toBeGreaterThan(1000);
    expect(same).toBeLessThan(4500);
  });

  it('an id scope reports what a map of every id to its first line reports, however few ids it holds', () => {
    const rand = seededRandom(33);
    for (let round = 0; round < 2000; round++) {
      const findings = new Findings('f.xlf');
      const scope = new IdScope(findings, 'unit');
      const firstLine = new Map<string, number>();
      const expected: number[] = [];
      const count = Math.floor(rand() * 5);
      for (let k = 0; k < count; k++) {
        const id = ['a', 'b', 'c', '', undefined][Math.floor(rand() * 5)];
        const line = k + 1;
        scope.add(id, 'segment', { line, column: 1 });
        if (id === undefined) continue;
        const first = firstLine.get(id);
        if (first !== undefined) expected.push(first);
        else firstLine.set(id, line);
      }
      expect(findings.list.map((f) => f.rule)).toEqual(expected.map(() => 'duplicate-id'));
      expect(findings.list.map((f) => f.message)).toEqual(expected.map((line) => expect.stringContaining(String(line))));
      for (const id of ['a', 'b', 'c', '', 'd']) expect(scope.has(id)).toBe(firstLine.has(id));
    }
  });
});
