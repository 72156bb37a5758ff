import type { Term } from '../schema.js';
import type { Hit } from './index.js';
import { CONCEPT_INDEX, RECORD, STATUS_RANK, TERM_INDEX, type PatternTable } from './pattern-table.js';
import type { Pattern } from './patterns.js';

const STRIDE = 5;
const START = 0;
const END = 1;
const STEM_END = 2;
const KEY = 3;
const EXACT = 4;

/** Up to this many candidates are put in order by insertion, in place; more by the engine's sort. */
const FEW = 32;

/**
 * The occurrences of one call that passed every check, kept flat in buffers reused from call to
 * call: two thirds of the segments of an article have some, and an object, an array and a sort's
 * work array for each of them were most of what the matcher left for the collector.
 */
export class Candidates {
  private data = new Int32Array(16 * STRIDE);
  private order = new Int32Array(16);
  private count = 0;
  /**
   * Per pattern, its concept's id and its term: read straight from here, a hit costs one cache
   * miss in a large glossary rather than a chain of them through the pattern and concept objects.
   */
  private readonly conceptIds: string[];
  private readonly terms: Term[];

  constructor(
    private readonly table: PatternTable,
    patterns: readonly Pattern[],
  ) {
    this.conceptIds = patterns.map((p) => p.concept.id);
    this.terms = patterns.map((p) => p.term);
  }

  clear(): void {
    this.count = 0;
  }

  add(start: number, end: number, stemEnd: number, key: number, exact: boolean): void {
    if (this.count === this.order.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
      this.order = new Int32Array(this.order.length * 2);
    }
    const r = this.count++ * STRIDE;
    const data = this.data;
    data[r + START] = start;
    data[r + END] = end;
    data[r + STEM_END] = stemEnd;
    data[r + KEY] = key;
    data[r + EXACT] = exact ? 1 : 0;
  }

  /** Leftmost-longest without overlaps; among equal spans the better status, then exact case, then glossary order. */
  select(text: string): Hit[] {
    const n = this.count;
    if (n === 0) return [];
    const order = this.order;
    const data = this.data;
    if (n <= FEW) {
      for (let i = 0; i < n; i++) {
        let j = i;
        while (j > 0 && this.before(i, order[j - 1]!) < 0) {
          order[j] = order[j - 1]!;
          j--;
        }
        order[j] = i;
      }
    } else {
      const sorted = Array.from({ length: n }, (_, i) => i).sort((x, y) => this.before(x, y));
      order.set(sorted);
    }
    // The kept candidates are moved to the front of `order` first, so the array of hits is made
    // at its final length instead of grown.
    let kept = 0;
    let last = 0;
    for (let i = 0; i < n; i++) {
      const r = order[i]! * STRIDE;
      if (data[r + START]! < last) continue;
      last = data[r + END]!;
      order[kept++] = order[i]!;
    }
    const hits = new Array<Hit>(kept);
    for (let i = 0; i < kept; i++) {
      const r = order[i]! * STRIDE;
      const start = data[r + START]!;
      const end = data[r + END]!;
      const key = data[r + KEY]!;
      hits[i] = { conceptId: this.conceptIds[key]!, term: this.terms[key]!, start, end, text: text.slice(start, end), stemEnd: data[r + STEM_END]! };
    }
    return hits;
  }

  /** Negative when candidate `x` goes before candidate `y`; no two candidates tie. */
  private before(x: number, y: number): number {
    const data = this.data;
    const rec = this.table.record;
    const a = x * STRIDE;
    const b = y * STRIDE;
    const ka = data[a + KEY]! * RECORD;
    const kb = data[b + KEY]! * RECORD;
    return (
      data[a + START]! - data[b + START]! ||
      data[b + END]! - data[a + END]! ||
      rec[ka + STATUS_RANK]! - rec[kb + STATUS_RANK]! ||
      data[b + EXACT]! - data[a + EXACT]! ||
      rec[ka + CONCEPT_INDEX]! - rec[kb + CONCEPT_INDEX]! ||
      rec[ka + TERM_INDEX]! - rec[kb + TERM_INDEX]! ||
      data[a + KEY]! - data[b + KEY]!
    );
  }
}
