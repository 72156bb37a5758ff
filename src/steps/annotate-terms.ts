import type { TermMatcher } from '../glossary/matcher/index.js';
import type { Document, Part, Segment, TermMatch, Unit } from '../model/schema.js';

const SEGMENT_KEYS = ['kind', 'id', 'source', 'state'];

/** The segment has exactly the keys the segmenter gives it, in its order. */
function plainShape(part: Segment): boolean {
  // for…in reads the keys from the object's shape; Object.keys would build an array per segment.
  let i = 0;
  for (const key in part) if (key !== SEGMENT_KEYS[i++]) return false;
  return i === SEGMENT_KEYS.length;
}

/**
 * The segment with its matches. Object spread that adds a property the object lacks takes
 * V8's slow path (about a microsecond, a tenth of the whole matching time per segment), so a
 * segment of the shape the segmenter makes is rebuilt as a literal, keys in the same order.
 */
function withMatches(part: Segment, matches: TermMatch[]): Segment {
  if (plainShape(part)) return { kind: part.kind, id: part.id, source: part.source, state: part.state, matches };
  return { ...part, matches };
}

/**
 * A segment with its glossary hits. A segment without hits that had none before is returned
 * as it is, and so is a unit none of whose parts changed: most of an article names no term,
 * and copying those objects only feeds the collector.
 */
function annotatePart(part: Part, matcher: TermMatcher): Part {
  if (part.kind !== 'segment') return part;
  const hits = matcher.findInContent(part.source);
  if (hits.length === 0) {
    if (!('matches' in part)) return part;
    const { matches: _dropped, ...rest } = part;
    return rest;
  }
  const matches = new Array<TermMatch>(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    matches[i] = { conceptId: h.conceptId, start: h.start, end: h.end, text: h.text };
  }
  return withMatches(part, matches);
}

function annotateUnit(unit: Unit, matcher: TermMatcher): Unit {
  if (!unit.translate) return unit;
  let parts: Part[] | undefined;
  for (let i = 0; i < unit.parts.length; i++) {
    const part = unit.parts[i]!;
    const annotated = annotatePart(part, matcher);
    // One copy of the right length at the first change, rather than one grown push by push.
    if (annotated !== part) (parts ??= unit.parts.slice())[i] = annotated;
  }
  return parts ? { ...unit, parts } : unit;
}

/** Records the glossary hits of every translatable segment's source on the segment. */
export function annotateTerms(document: Document, matcher: TermMatcher): Document {
  return { ...document, units: document.units.map((unit) => annotateUnit(unit, matcher)) };
}
