import type { TermMatcher } from '../glossary/matcher/index.js';
import type { Document, Part, Unit } from '../model/schema.js';

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
  const matches = new Array<{ conceptId: string; start: number; end: number; text: string }>(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    matches[i] = { conceptId: h.conceptId, start: h.start, end: h.end, text: h.text };
  }
  return { ...part, matches };
}

function annotateUnit(unit: Unit, matcher: TermMatcher): Unit {
  if (!unit.translate) return unit;
  let parts: Part[] | undefined;
  for (let i = 0; i < unit.parts.length; i++) {
    const part = unit.parts[i]!;
    const annotated = annotatePart(part, matcher);
    if (annotated !== part) (parts ??= unit.parts.slice(0, i)).push(annotated);
    else parts?.push(part);
  }
  return parts ? { ...unit, parts } : unit;
}

/** Records the glossary hits of every translatable segment's source on the segment. */
export function annotateTerms(document: Document, matcher: TermMatcher): Document {
  return { ...document, units: document.units.map((unit) => annotateUnit(unit, matcher)) };
}
