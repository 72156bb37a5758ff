import type { Pattern } from './patterns.js';

/** Bits of a record's `FLAGS` field. */
export const SENSITIVE = 1;
export const RELAXABLE = 2;
export const LAST_WORD = 4;
export const ENGLISH = 8;
export const PLURAL_DONE = 16;
export const ES_PLURAL = 32;
export const S_PLURAL = 64;
export const PERSIAN = 128;

/** Int32 fields per pattern record, and their offsets. */
export const RECORD = 8;
export const KEY_LENGTH = 0;
export const CASE_LENGTH = 1;
export const CASED_START = 2;
export const FLAGS = 3;
export const STATUS_RANK = 4;
export const CONCEPT_INDEX = 5;
export const TERM_INDEX = 6;

/**
 * What matching needs to know about each pattern, one flat record per pattern. A large glossary
 * yields many occurrences that are checked and turned down (or lose to a longer hit); reading
 * them from here instead of from the pattern objects spares several cache misses each, which is
 * most of what a 100,000-entry glossary would otherwise add to the time per character.
 */
export class PatternTable {
  /** per pattern, one record: key length, case length, start in `casedUnits`, flags, status rank, concept and term index */
  readonly record: Int32Array;
  readonly casedUnits: Uint16Array;

  constructor(patterns: readonly Pattern[]) {
    this.record = new Int32Array(patterns.length * RECORD);
    let total = 0;
    for (const p of patterns) total += p.cased.length;
    this.casedUnits = new Uint16Array(total);
    let at = 0;
    patterns.forEach((p, i) => {
      const r = i * RECORD;
      this.record[r + KEY_LENGTH] = p.key.length;
      this.record[r + CASE_LENGTH] = p.caseLen;
      this.record[r + CASED_START] = at;
      for (let k = 0; k < p.cased.length; k++) this.casedUnits[at++] = p.cased.charCodeAt(k);
      this.record[r + FLAGS] =
        (p.sensitive ? SENSITIVE : 0) |
        (p.upper !== undefined || p.capFirst !== undefined ? RELAXABLE : 0) |
        (p.lastWord ? LAST_WORD : 0) |
        (p.english ? ENGLISH : 0) |
        (p.pluralDone ? PLURAL_DONE : 0) |
        (p.esPlural ? ES_PLURAL : 0) |
        (p.sPlural ? S_PLURAL : 0) |
        (p.persian ? PERSIAN : 0);
      this.record[r + STATUS_RANK] = p.statusRank;
      this.record[r + CONCEPT_INDEX] = p.conceptIndex;
      this.record[r + TERM_INDEX] = p.termIndex;
    });
  }

  /** The text at `at` spells pattern `key` with its case, over the part where case counts. */
  sameCase(cased: Uint16Array, at: number, key: number): boolean {
    const units = this.casedUnits;
    const r = key * RECORD;
    const from = this.record[r + CASED_START]!;
    const count = this.record[r + CASE_LENGTH]!;
    for (let i = 0; i < count; i++) if (cased[at + i] !== units[from + i]) return false;
    return true;
  }
}
