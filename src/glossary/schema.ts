import { z } from 'zod';

/**
 * The termbase model, concept-oriented as in TBX: one entry per concept (a person,
 * an organization…), and for each language the terms that name it, each with its status.
 */

export const TermStatus = z.enum(['preferred', 'admitted', 'deprecated', 'forbidden']);
export type TermStatus = z.infer<typeof TermStatus>;

/**
 * `sensitive`: match exactly as written (acronyms such as MEK, IRGC, and names);
 * `insensitive`: any case (common nouns such as "death commission").
 */
export const CaseRule = z.enum(['sensitive', 'insensitive']);
export type CaseRule = z.infer<typeof CaseRule>;

export const PartOfSpeech = z.enum(['noun', 'properNoun', 'verb', 'adjective', 'adverb', 'other']);
export type PartOfSpeech = z.infer<typeof PartOfSpeech>;

export const Term = z
  .object({
    text: z.string().trim().min(1),
    status: TermStatus.default('preferred'),
    case: CaseRule.optional(),
    abbreviation: z.boolean().optional(),
    partOfSpeech: PartOfSpeech.optional(),
    note: z.string().optional(),
    /** where this form is attested (a publication, a URL), as TBX records it per term */
    source: z.string().optional(),
    /** a sentence showing the term in use */
    context: z.string().optional(),
  })
  .strict();
export type Term = z.infer<typeof Term>;
export type TermInput = z.input<typeof Term>;

export const ConceptType = z.enum(['person', 'organization', 'place', 'event', 'title', 'term']);
export type ConceptType = z.infer<typeof ConceptType>;

/** Stable ids are what XLIFF annotations and QA findings point to: lower-case, digits, `-` and `.` only. */
export const ConceptId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/u, 'lower-case letters, digits, "-" and "." only');

export const Concept = z
  .object({
    id: ConceptId,
    type: ConceptType,
    definition: z.string().optional(),
    note: z.string().optional(),
    sources: z.array(z.string()).optional(),
    /** the name is written the same in every language (kept in Latin letters in Persian text, say) */
    doNotTranslate: z.boolean().optional(),
    /** language code (`en`, `fa`) → its terms, preferred first */
    terms: z.record(z.string().min(2), z.array(Term).min(1)),
  })
  .strict();
export type Concept = z.infer<typeof Concept>;

/** One native glossary file: `glossary/en-fa/people.yaml` and the like. */
export const GlossaryFile = z
  .object({
    /** languages the file covers, source first */
    languages: z.array(z.string().min(2)).min(1),
    domain: z.string().optional(),
    entries: z.array(Concept),
  })
  .strict();
export type GlossaryFile = z.infer<typeof GlossaryFile>;

/** A loaded glossary: entries from one or more files, each remembering where it came from. */
export interface Glossary {
  languages: string[];
  entries: Concept[];
  /** concept id → the file (and 1-based line) it was read from, for error messages */
  origins: Map<string, { file: string; line?: number }>;
}

/** The case rule in force for a term: acronyms and abbreviations keep their case, other words by default too. */
export function caseRuleOf(term: Term): CaseRule {
  return term.case ?? 'sensitive';
}
