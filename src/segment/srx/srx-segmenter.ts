import type { Segmenter } from '../segmenter.js';
import type { CompiledRule } from './compile.js';

const UNDECIDED = 0;
const BREAK = 1;
const NO_BREAK = 2;

/**
 * SRX segmentation: at each position between characters the first rule, in order, whose
 * beforebreak matches up to it and whose afterbreak matches from it decides; no rule, no break.
 * Each rule scans the text once and only fills positions no earlier rule has decided.
 */
export class SrxSegmenter implements Segmenter {
  constructor(
    readonly lang: string,
    private readonly rules: readonly CompiledRule[],
  ) {}

  breaks(text: string): number[] {
    const length = text.length;
    if (length < 2) return [];
    const decision = new Uint8Array(length + 1);
    let scratch: Uint8Array | undefined;
    for (const rule of this.rules) {
      const value = rule.isBreak ? BREAK : NO_BREAK;
      const decide = (position: number) => {
        if (decision[position] === UNDECIDED) decision[position] = value;
      };
      if (rule.combined) {
        for (const match of text.matchAll(rule.combined)) decide(match.index);
        continue;
      }
      scratch = scratch ? scratch.fill(0) : new Uint8Array(length + 1);
      for (const match of text.matchAll(rule.before!)) scratch[match.index] = 1;
      for (const match of text.matchAll(rule.after!)) if (scratch[match.index] === 1) decide(match.index);
    }
    const result: number[] = [];
    for (let position = 1; position < length; position++) if (decision[position] === BREAK) result.push(position);
    return result;
  }
}
