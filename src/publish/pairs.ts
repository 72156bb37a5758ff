import type { Content, SegmentState, Unit, UnitKind } from '../model/schema.js';

/** One segment beside its translation, with the unit it belongs to, as every publisher reads it. */
export interface SegmentPair {
  unit: string;
  segment: string;
  kind: UnitKind;
  source: Content;
  target: Content | undefined;
  state: SegmentState;
  /** what stands between this segment and the previous one in the unit (usually a space) */
  before: Content;
}

/** The segment pairs of translatable units, in document order. */
export function pairsOf(units: readonly Unit[]): SegmentPair[] {
  const out: SegmentPair[] = [];
  for (const unit of units) {
    if (!unit.translate) continue;
    let between: Content = [];
    for (const part of unit.parts) {
      if (part.kind === 'ignorable') {
        between = [...between, ...part.source];
        continue;
      }
      out.push({ unit: unit.id, segment: part.id, kind: unit.kind, source: part.source, target: part.target, state: part.state, before: between });
      between = [];
    }
  }
  return out;
}

/** Pairs grouped by unit, keeping document order, for writers that lay out one row per unit. */
export function byUnit(pairs: readonly SegmentPair[]): SegmentPair[][] {
  const groups: SegmentPair[][] = [];
  for (const pair of pairs) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.unit === pair.unit) last.push(pair);
    else groups.push([pair]);
  }
  return groups;
}
