import type { TermMatcher } from '../glossary/matcher/index.js';
import type { Document, Part } from '../model/schema.js';

/** Records the glossary hits of every translatable segment's source on the segment. */
export function annotateTerms(document: Document, matcher: TermMatcher): Document {
  return {
    ...document,
    units: document.units.map((unit) =>
      unit.translate
        ? {
            ...unit,
            parts: unit.parts.map((part): Part => {
              if (part.kind !== 'segment') return part;
              const hits = matcher.findInContent(part.source);
              if (hits.length === 0) {
                const { matches: _dropped, ...rest } = part;
                return rest;
              }
              return { ...part, matches: hits.map((h) => ({ conceptId: h.conceptId, start: h.start, end: h.end, text: h.text })) };
            }),
          }
        : unit,
    ),
  };
}
