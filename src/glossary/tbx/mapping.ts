import type { ConceptType, PartOfSpeech, TermStatus } from '../schema.js';
import { ConceptType as ConceptTypeSchema, PartOfSpeech as PartOfSpeechSchema } from '../schema.js';

/**
 * How the termbase model maps onto TBX. Standard TBX-Basic data categories where one exists,
 * so any TBX tool shows them; a few tarjoman-specific categories where TBX-Basic has none.
 * The specific ones are data-category types on the generic `descrip` and `termNote`
 * elements, which TBX lets a dialect extend; tools that do not know them skip them.
 *
 * | model                  | TBX                                                                     |
 * |------------------------|-------------------------------------------------------------------------|
 * | file languages         | `tbx/@xml:lang` (first) + header `sourceDesc/p[@type="languages"]`      |
 * | file domain            | header `sourceDesc/p[@type="subjectField"]`, and each entry's           |
 * |                        | `descrip type="subjectField"` (what CAT tools show as the domain)       |
 * | concept id             | `conceptEntry/@id` (`termEntry/@id`); `_` before an id starting with a  |
 * |                        | digit, which an XML id may not                                          |
 * | concept type           | tarjoman-specific `descrip type="conceptType"` (person, organization…). |
 * |                        | `subjectField` is a domain (politics, law), not a kind of concept, so   |
 * |                        | it is only read as a type when its value is one of the type names       |
 * | definition             | `descrip type="definition"` on the entry (a language's own is read too) |
 * | note                   | `note` on the entry                                                     |
 * | sources                | `admin type="source"` on the entry; `xref`/`ref` are read as sources    |
 * | doNotTranslate         | tarjoman-specific `descrip type="doNotTranslate"`: `true`/`false`       |
 * | term status            | `termNote type="administrativeStatus"`: preferredTerm-admn-sts,         |
 * |                        | admittedTerm-admn-sts, deprecatedTerm-admn-sts. `forbidden` has no      |
 * |                        | TBX-Basic value: it is written as deprecatedTerm-admn-sts (so a tool     |
 * |                        | that knows only TBX-Basic still warns) plus the tarjoman-specific       |
 * |                        | `termNote type="usageStatus"` = `forbidden`                             |
 * | term case rule         | tarjoman-specific `termNote type="caseSensitivity"`: sensitive,         |
 * |                        | insensitive                                                             |
 * | term abbreviation      | `termNote type="termType"`: `abbreviation` (true), `fullForm` (false)   |
 * | term part of speech    | `termNote type="partOfSpeech"` (same picklist as TBX-Basic)             |
 * | term note / source /   | `note` / `admin type="source"` / `descrip type="context"` on the term   |
 * | context                |                                                                         |
 *
 * Reading is more forgiving than writing: `normativeAuthorization` (TBX 2008) is read like
 * administrativeStatus, values with or without the `-admn-sts` suffix; supersededTerm →
 * deprecated; standardizedTerm, legalTerm and regulatedTerm → preferred; `forbiddenTerm`,
 * `forbidden`, `notRecommended` (as status or usageStatus) → forbidden. termType acronym,
 * abbreviation, shortForm and initialism → abbreviation; fullForm → not one. A term with no
 * status is preferred when it is the first of its language, admitted otherwise.
 */

export const NAMESPACE_TBX3 = 'urn:iso:std:iso:30042:ed-2';

export const CATEGORY = {
  conceptType: 'conceptType',
  doNotTranslate: 'doNotTranslate',
  caseSensitivity: 'caseSensitivity',
  usageStatus: 'usageStatus',
} as const;

export const STATUS_TO_TBX: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts',
};

const STATUS_FROM_TBX: Record<string, TermStatus> = {
  preferredterm: 'preferred',
  preferred: 'preferred',
  standardizedterm: 'preferred',
  legalterm: 'preferred',
  regulatedterm: 'preferred',
  admittedterm: 'admitted',
  admitted: 'admitted',
  deprecatedterm: 'deprecated',
  deprecated: 'deprecated',
  supersededterm: 'deprecated',
  superseded: 'deprecated',
  forbiddenterm: 'forbidden',
  forbidden: 'forbidden',
  notrecommended: 'forbidden',
  notrecommendedterm: 'forbidden',
};

export function statusFromTbx(value: string): TermStatus | undefined {
  const key = value.trim().replace(/-admn-sts$/iu, '').replace(/[\s_-]+/gu, '').toLowerCase();
  return STATUS_FROM_TBX[key];
}

export function abbreviationFromTermType(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['acronym', 'abbreviation', 'shortform', 'initialism', 'clippedterm'].includes(v)) return true;
  if (v === 'fullform') return false;
  return undefined;
}

export function partOfSpeechFromTbx(value: string): PartOfSpeech {
  const compact = value.trim().replace(/[\s_-]+/gu, '').toLowerCase();
  const known = PartOfSpeechSchema.options.find((p) => p.toLowerCase() === compact);
  return known ?? 'other';
}

export function isConceptType(value: string): value is ConceptType {
  return (ConceptTypeSchema.options as readonly string[]).includes(value);
}

/** `true`/`false` as written by the exporter, and the spellings people type by hand. */
export function booleanFromText(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', '1', 'y'].includes(v)) return true;
  if (['false', 'no', '0', 'n'].includes(v)) return false;
  return undefined;
}
