import { afterAll, describe, expect, it } from 'vitest';
import { currentLocale, setLocale, t } from '../../../src/i18n/index.js';
import { sameKinds } from '../../../src/xliff/check/codes.js';
import type { CodeKind, RawCode } from '../../../src/xliff/read/raw.js';
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
});
