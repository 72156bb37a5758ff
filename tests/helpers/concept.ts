import { Concept, type TermInput } from '../../src/glossary/schema.js';

export type Terms = Record<string, (string | TermInput)[]>;

/** A validated glossary concept from terms written briefly: a bare string is a term with defaults. */
export function entry(id: string, terms: Terms, extra: Partial<Omit<Concept, 'terms' | 'id'>> = {}): Concept {
  return Concept.parse({
    id,
    type: 'term',
    ...extra,
    terms: Object.fromEntries(Object.entries(terms).map(([lang, list]) => [lang, list.map((t) => (typeof t === 'string' ? { text: t } : t))])),
  });
}
