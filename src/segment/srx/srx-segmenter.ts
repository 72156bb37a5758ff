import { BreakList, type Segmenter } from '../segmenter.js';
import type { CompiledRule } from './compile.js';
import { ruleGates } from './gates.js';

const UNITS = 0x10000;

/** A rule's exact test at one position: sticky copies of its patterns, run only where its gates let through. */
interface Check {
  isBreak: boolean;
  combined?: RegExp;
  before?: RegExp;
  after?: RegExp;
}

const sticky = (regex: RegExp) => new RegExp(regex.source, regex.flags.replace('g', '') + 'y');

function holds(check: Check, text: string, position: number): boolean {
  if (check.combined) {
    check.combined.lastIndex = position;
    return check.combined.test(text);
  }
  check.before!.lastIndex = position;
  if (!check.before!.test(text)) return false;
  check.after!.lastIndex = position;
  return check.after!.test(text);
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/**
 * SRX segmentation: at each position between characters the first rule, in order, whose
 * beforebreak matches up to it and whose afterbreak matches from it decides; no rule, no break.
 *
 * Trying every rule's lookbehind and lookahead at every position costs a dozen regex attempts
 * per character. Instead, each UTF-16 unit gets a bit mask of the rules it can end a
 * `beforebreak` with and one of the rules it can begin an `afterbreak` with (see gates.ts); a
 * position is looked at only when the masks of its two neighbours share a rule, which in prose
 * is a few positions in a hundred, and there the rules are tried in order as SRX says.
 */
export class SrxSegmenter implements Segmenter {
  private readonly checks: Check[];
  private readonly gates: ReturnType<typeof ruleGates>[];
  private readonly words: number;
  /** per word of rules, per unit: rules the unit may stand just before the position for */
  private readonly beforeMask: Int32Array;
  private readonly afterMask: Int32Array;
  /** rules the unit may stand two before the position for */
  private readonly secondMask: Int32Array;
  /** units whose masks are filled in; learnt on first sight, as most of the 65,536 never occur */
  private readonly known = new Uint8Array(UNITS);
  /**
   * Per unit: 0 not learnt yet, 1 no rule's `beforebreak` can end with it, 2 some can. Letters
   * are nearly every character of prose and are all 1: one byte read per character skips them.
   */
  private readonly endsBefore = new Uint8Array(UNITS);

  constructor(
    readonly lang: string,
    rules: readonly CompiledRule[],
  ) {
    this.checks = rules.map((rule) =>
      rule.combined
        ? { isBreak: rule.isBreak, combined: sticky(rule.combined) }
        : { isBreak: rule.isBreak, before: sticky(rule.before!), after: sticky(rule.after!) },
    );
    this.gates = rules.map(ruleGates);
    this.words = Math.max(1, Math.ceil(rules.length / 32));
    this.beforeMask = new Int32Array(this.words * UNITS);
    this.afterMask = new Int32Array(this.words * UNITS);
    this.secondMask = new Int32Array(this.words * UNITS);
  }

  private learn(c: number): void {
    const ch = String.fromCharCode(c);
    const any = isSurrogate(c);
    this.gates.forEach((g, r) => {
      const at = (r >>> 5) * UNITS + c;
      const bit = 1 << (r & 31);
      if (any || !g.before || g.before.test(ch)) this.beforeMask[at]! |= bit;
      if (any || !g.after || g.after.test(ch)) this.afterMask[at]! |= bit;
      if (any || !g.beforeSecond || g.beforeSecond.test(ch)) this.secondMask[at]! |= bit;
    });
    this.known[c] = 1;
    let before = 0;
    for (let w = 0; w < this.words; w++) before |= this.beforeMask[w * UNITS + c]!;
    this.endsBefore[c] = before === 0 ? 1 : 2;
  }

  breaks(text: string): number[] {
    const list = new BreakList();
    this.breaksInto(text, list);
    return Array.from(list.offsets.subarray(0, list.count));
  }

  breaksInto(text: string, result: BreakList, whole: string = text, offset = 0): void {
    result.count = 0;
    const length = text.length;
    if (length < 2) return;
    const { known, endsBefore, beforeMask, afterMask, secondMask, checks, words } = this;
    for (let position = 1; position < length; position++) {
      // Each unit is read once on the way; its neighbours only where it may end a `beforebreak`.
      const b = whole.charCodeAt(offset + position - 1);
      let ends = endsBefore[b]!;
      if (ends === 0) {
        this.learn(b);
        ends = endsBefore[b]!;
      }
      // No mask of `b` has a bit: the test below would find none.
      if (ends === 1) continue;
      const next = whole.charCodeAt(offset + position);
      // At position 1 nothing stands two before: no rule is turned down for it.
      const bb = position >= 2 ? whole.charCodeAt(offset + position - 2) : -1;
      if (!known[next]) this.learn(next);
      if (bb >= 0 && !known[bb]) this.learn(bb);
      // Never between the two halves of a surrogate pair: a `u` pattern does not match there.
      if (b >= 0xd800 && b <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) continue;
      decide: for (let w = 0; w < words; w++) {
        let mask = beforeMask[w * UNITS + b]! & afterMask[w * UNITS + next]!;
        if (mask !== 0 && bb >= 0) mask &= secondMask[w * UNITS + bb]!;
        while (mask !== 0) {
          const bit = mask & -mask;
          mask ^= bit;
          const check = checks[w * 32 + 31 - Math.clz32(bit)]!;
          if (holds(check, text, position)) {
            if (check.isBreak) result.push(position);
            break decide;
          }
        }
      }
    }
  }
}
