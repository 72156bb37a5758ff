import type { Concept, GlossaryFile, Term } from '../schema.js';

/*
 * zod checks a 100,000-entry file in about a second, building an issue list nobody reads when
 * the file is fine. This check accepts only a file that the schema and the cross-entry checks
 * both accept, and returns what zod would return for it (defaults filled, texts trimmed, keys
 * in schema order); for anything else it answers undefined and the schema path runs, which
 * alone phrases and locates the problems. Keep it in step with `../schema.ts`: the unit tests
 * compare the two on generated files, valid and broken.
 */

const ID = /^[a-z0-9][a-z0-9.-]*$/u;
const STATUS = new Set(['preferred', 'admitted', 'deprecated', 'forbidden']);
const CASE = new Set(['sensitive', 'insensitive']);
const PART_OF_SPEECH = new Set(['noun', 'properNoun', 'verb', 'adjective', 'adverb', 'other']);
const TYPE = new Set(['person', 'organization', 'place', 'event', 'title', 'term']);

/** Each schema's keys in the order zod writes them. */
const order = (...keys: string[]): ReadonlyMap<string, number> => new Map(keys.map((k, i) => [k, i]));
const FILE_KEYS = order('languages', 'domain', 'entries');
const CONCEPT_KEYS = order('id', 'type', 'definition', 'note', 'sources', 'doNotTranslate', 'terms');
const TERM_KEYS = order('text', 'status', 'case', 'abbreviation', 'partOfSpeech', 'note', 'source', 'context');

type Plain = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value);

const UNKNOWN_KEY = -1;
const OUT_OF_ORDER = 0;
const IN_ORDER = 1;
/** Whether an object has only the schema's keys, and whether they already come in zod's order. */
function keyOrder(value: Plain, keys: ReadonlyMap<string, number>): number {
  let last = -1;
  let result = IN_ORDER;
  for (const key in value) {
    const index = keys.get(key);
    if (index === undefined) return UNKNOWN_KEY;
    if (index < last) result = OUT_OF_ORDER;
    last = index;
  }
  return result;
}
const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';
const optionalBoolean = (value: unknown): boolean => value === undefined || typeof value === 'boolean';
const optionalOneOf = (value: unknown, values: ReadonlySet<string>): boolean =>
  value === undefined || (typeof value === 'string' && values.has(value));

function term(value: unknown): Term | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = keyOrder(value, TERM_KEYS);
  if (keys === UNKNOWN_KEY) return undefined;
  const { text, status, case: caseRule, abbreviation, partOfSpeech, note, source, context } = value;
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (!optionalOneOf(status, STATUS) || !optionalOneOf(caseRule, CASE) || !optionalBoolean(abbreviation)) return undefined;
  if (!optionalOneOf(partOfSpeech, PART_OF_SPEECH) || !optionalString(note) || !optionalString(source) || !optionalString(context)) return undefined;
  // Already what zod would return: keep the object rather than allocate its twin.
  if (keys === IN_ORDER && status !== undefined && trimmed === text) return value as Term;
  const out: Plain = { text: trimmed, status: status ?? 'preferred' };
  if (caseRule !== undefined) out.case = caseRule;
  if (abbreviation !== undefined) out.abbreviation = abbreviation;
  if (partOfSpeech !== undefined) out.partOfSpeech = partOfSpeech;
  if (note !== undefined) out.note = note;
  if (source !== undefined) out.source = source;
  if (context !== undefined) out.context = context;
  return out as Term;
}

function concept(value: unknown, languages: ReadonlySet<string>): Concept | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = keyOrder(value, CONCEPT_KEYS);
  if (keys === UNKNOWN_KEY) return undefined;
  const { id, type, definition, note, sources, doNotTranslate, terms } = value;
  if (typeof id !== 'string' || !ID.test(id) || typeof type !== 'string' || !TYPE.has(type)) return undefined;
  if (!optionalString(definition) || !optionalString(note) || !optionalBoolean(doNotTranslate)) return undefined;
  if (sources !== undefined && (!Array.isArray(sources) || !sources.every((s) => typeof s === 'string'))) return undefined;
  if (!isPlainObject(terms)) return undefined;
  for (const lang in terms) {
    const list = terms[lang];
    if (lang.length < 2 || !languages.has(lang) || !Array.isArray(list) || !list.length) return undefined;
    for (let i = 0; i < list.length; i++) {
      const t = term(list[i]);
      if (!t) return undefined;
      list[i] = t;
    }
  }
  if (keys === IN_ORDER) return value as Concept;
  const out: Plain = { id, type };
  if (definition !== undefined) out.definition = definition;
  if (note !== undefined) out.note = note;
  if (sources !== undefined) out.sources = sources;
  if (doNotTranslate !== undefined) out.doNotTranslate = doNotTranslate;
  out.terms = terms;
  return out as Concept;
}

/**
 * The file as the schema reads it when it has no problem at all, else undefined. To spare a
 * copy of a large termbase, the result reuses the value's own objects and arrays (filling in
 * defaults and trimming where zod would), so the value must be one nobody else holds.
 */
export function quickGlossaryFile(value: unknown): GlossaryFile | undefined {
  if (!isPlainObject(value) || keyOrder(value, FILE_KEYS) === UNKNOWN_KEY) return undefined;
  const { languages, domain, entries } = value;
  if (!Array.isArray(languages) || !languages.length || !languages.every((l) => typeof l === 'string' && l.length >= 2)) return undefined;
  if (!optionalString(domain) || !Array.isArray(entries)) return undefined;
  const declared = new Set(languages as string[]);
  const ids = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const c = concept(entries[i], declared);
    if (!c || ids.has(c.id)) return undefined;
    ids.add(c.id);
    entries[i] = c;
  }
  const out: Plain = { languages };
  if (domain !== undefined) out.domain = domain;
  out.entries = entries;
  return out as GlossaryFile;
}
