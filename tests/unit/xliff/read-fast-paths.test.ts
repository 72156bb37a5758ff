import { describe, expect, it } from 'vitest';
import { splitSegments } from '../../../src/xliff/read/model.js';
import type { RawContent, RawItem } from '../../../src/xliff/read/raw.js';
import { seededRandom } from '../../helpers/random.js';

function content(rand: () => number, n: number): RawContent {
  const items: RawItem[] = [];
  for (let k = 0; k < n; k++) {
    const r = rand();
    if (r < 0.3) items.push({ t: 'text', text: `t${k}` });
    else if (r < 0.55) items.push({ t: 'mark', el: 'mrk', closing: false, type: 'seg', id: `s${k}`, line: 1, column: k + 1 });
    else if (r < 0.8) items.push({ t: 'mark', el: 'mrk', closing: true, type: 'seg', line: 1, column: k + 1 });
    else if (r < 0.9) items.push({ t: 'mark', el: 'mrk', closing: false, type: 'term', line: 1, column: k + 1 });
    else items.push({ t: 'code', el: 'x', kind: 'standalone', id: `c${k}`, attrs: {}, line: 1, column: k + 1 });
  }
  return { items, attrs: {}, space: 'default', line: 1, column: 1 };
}

describe('reader fast paths agree with the general ones', () => {
  it('a content cut again is cut as a copy of it is cut for the first time, whatever was cut in between', () => {
    const rand = seededRandom(51);
    const pool = Array.from({ length: 5 }, () => content(rand, Math.floor(rand() * 8)));
    let repeated = 0;
    for (let round = 0; round < 3000; round++) {
      const c = pool[Math.floor(rand() * pool.length)]!;
      const fresh = splitSegments(structuredClone(c));
      const again = splitSegments(c);
      if (splitSegments(c) === again) repeated += 1;
      expect(again).toEqual(fresh);
    }
    expect(repeated).toBe(3000);
  });
});
