import { stringify } from 'csv-stringify/sync';
import { decodeUtf8 } from '../../formats/shared.js';
import { readInputFile } from '../../io/read-input.js';
import { TarjomanError } from '../../model/located-error.js';
import { IdAllocator } from '../native/ids.js';
import type { ImportOptions, LocatedGlossaryFile } from '../native/located.js';
import { throwIfProblems } from '../native/problems.js';
import { checkGlossaryValue, fieldName, type FieldPath, type Position } from '../native/validate.js';
import type { GlossaryFile, Term } from '../schema.js';
import { booleanFromText } from '../tbx/mapping.js';
import { conceptsFromPairs } from './pairs.js';
import { cellPosition, readRows, type Row } from './records.js';

/**
 * Header-mapped CSV: the first row names the columns, in any order.
 *
 * Concept columns: `id`, `type`, `definition`, `note`, `doNotTranslate` (also
 * `do_not_translate`, `dnt`; true/false/yes/no/1/0), `source` (may be repeated, one source
 * per column).
 * Term columns: a language tag (`en`, `fa`, `fa-AF`) holds a term; `<lang>_<field>` describes
 * that term: `_status`, `_case`, `_abbreviation`, `_partOfSpeech` (or `_pos`), `_note`,
 * `_source`, `_context`. `id` is always the concept id, never Indonesian.
 * Any other column is an error, so a misspelt header is not silently dropped.
 *
 * A concept with several terms in a language takes several rows with the same id; the
 * concept columns of the later rows are left empty. A term without a status is preferred
 * when it is the first of its language in the concept, admitted otherwise.
 *
 * A CSV whose first row names no such columns is OmegaT's headerless
 * `source,target,comment` glossary and is read like the tab-separated one.
 */

const CONCEPT_COLUMNS: Record<string, 'id' | 'type' | 'definition' | 'note' | 'doNotTranslate' | 'source'> = {
  id: 'id',
  type: 'type',
  definition: 'definition',
  note: 'note',
  donottranslate: 'doNotTranslate',
  do_not_translate: 'doNotTranslate',
  dnt: 'doNotTranslate',
  source: 'source',
  sources: 'source',
};

const TERM_FIELDS: Record<string, 'status' | 'case' | 'abbreviation' | 'partOfSpeech' | 'note' | 'source' | 'context'> = {
  status: 'status',
  case: 'case',
  abbreviation: 'abbreviation',
  partofspeech: 'partOfSpeech',
  pos: 'partOfSpeech',
  note: 'note',
  source: 'source',
  context: 'context',
};

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/iu;

type Column =
  | { kind: 'concept'; field: (typeof CONCEPT_COLUMNS)[string] }
  | { kind: 'term'; lang: string }
  | { kind: 'termField'; lang: string; field: (typeof TERM_FIELDS)[string] };

function columnFor(header: string): Column | undefined {
  const name = header.trim();
  const concept = CONCEPT_COLUMNS[name.toLowerCase()];
  if (concept) return { kind: 'concept', field: concept };
  if (LANGUAGE_TAG.test(name)) return { kind: 'term', lang: name };
  const underscore = name.lastIndexOf('_');
  if (underscore > 0) {
    const lang = name.slice(0, underscore);
    const field = TERM_FIELDS[name.slice(underscore + 1).toLowerCase()];
    if (field && LANGUAGE_TAG.test(lang)) return { kind: 'termField', lang, field };
  }
  return undefined;
}

/**
 * A header row starts with `id` or names at least two known columns. Language columns count
 * only in lower case (`en`, not `EN`), so that a headerless row of two short capitalized
 * words is not taken for a header.
 */
export function looksLikeHeader(cells: string[]): boolean {
  if (cells[0]?.trim().toLowerCase() === 'id') return true;
  const known = cells.filter((c) => {
    const column = columnFor(c);
    return column && (column.kind === 'concept' || /^[a-z]/u.test(c.trim()));
  });
  return known.length >= 2;
}

export function parseGlossaryCsvLocated(text: string, path: string, options: ImportOptions = {}): LocatedGlossaryFile {
  const rows = readRows(text, path, { delimiter: ',', quote: true, comments: false });
  if (rows.length === 0 || !looksLikeHeader(rows[0]!.cells)) return conceptsFromPairs(rows, path, options);
  const [header, ...data] = rows as [Row, ...Row[]];
  const problems: TarjomanError[] = [];
  const columns: (Column | undefined)[] = header.cells.map((name, i) => {
    const column = columnFor(name);
    if (!column) problems.push(new TarjomanError('glossary:csv.unknownColumn', { column: name }, { file: path, ...cellPosition(header, i) }));
    return column;
  });
  const seenColumns = new Map<string, number>();
  header.cells.forEach((name, i) => {
    const column = columns[i];
    if (!column || (column.kind === 'concept' && column.field === 'source')) return;
    const key = JSON.stringify(column);
    if (seenColumns.has(key)) problems.push(new TarjomanError('glossary:csv.repeatedColumn', { column: name }, { file: path, ...cellPosition(header, i) }));
    seenColumns.set(key, i);
  });
  throwIfProblems(problems);

  const languages: string[] = [];
  const addLanguage = (l: string | undefined) => l && !languages.includes(l) && languages.push(l);
  addLanguage(options.from);
  addLanguage(options.to);
  for (const column of columns) if (column?.kind === 'term') addLanguage(column.lang);

  const ids = new IdAllocator();
  const byId = new Map<string, number>();
  const entries: Record<string, unknown>[] = [];
  const lines: number[] = [];
  const positions = new Map<string, Position>();
  const idColumn = columns.findIndex((c) => c?.kind === 'concept' && c.field === 'id');

  for (const row of data) {
    const cell = (i: number) => row.cells[i] ?? '';
    const rawId = idColumn >= 0 ? cell(idColumn).trim() : '';
    let index = rawId ? byId.get(rawId) : undefined;
    const isNew = index === undefined;
    if (index === undefined) {
      index = entries.length;
      entries.push({ id: rawId, terms: {} });
      lines.push(row.line);
      if (rawId) byId.set(rawId, index);
      positions.set(fieldName(['entries', index]), { line: row.line, column: 1 });
    }
    const entry = entries[index]!;
    const entryPath = ['entries', index];
    const terms = entry.terms as Record<string, Record<string, unknown>[]>;
    const rowTerms = new Map<string, Record<string, unknown>>();
    // Term text first, so the fields in any column order find their term.
    columns.forEach((column, i) => {
      if (column?.kind !== 'term') return;
      const value = cell(i).trim();
      if (!value) return;
      const list = (terms[column.lang] ??= []);
      const term: Record<string, unknown> = { text: value };
      positions.set(fieldName([...entryPath, 'terms', column.lang, list.length]), cellPosition(row, i));
      list.push(term);
      rowTerms.set(column.lang, term);
    });
    const sources: string[] = [];
    columns.forEach((column, i) => {
      const value = cell(i);
      if (!column || column.kind === 'term' || value.trim() === '') return;
      const at = cellPosition(row, i);
      if (column.kind === 'termField') {
        const term = rowTerms.get(column.lang);
        if (!term) {
          problems.push(new TarjomanError('glossary:csv.fieldWithoutTerm', { column: header.cells[i]!, lang: column.lang }, { file: path, ...at }));
          return;
        }
        const list = terms[column.lang]!;
        positions.set(fieldName([...entryPath, 'terms', column.lang, list.indexOf(term), column.field]), at);
        term[column.field] = column.field === 'abbreviation' ? (booleanFromText(value) ?? value) : column.field === 'status' || column.field === 'case' || column.field === 'partOfSpeech' ? value.trim() : value;
        return;
      }
      if (column.field === 'id') return;
      if (column.field === 'source') {
        sources.push(value);
        return;
      }
      const parsed = column.field === 'doNotTranslate' ? (booleanFromText(value) ?? value) : column.field === 'type' ? value.trim() : value;
      if (entry[column.field] !== undefined && !isNew && entry[column.field] !== parsed) {
        problems.push(new TarjomanError('glossary:csv.conflict', { column: header.cells[i]!, id: rawId }, { file: path, ...at }));
        return;
      }
      entry[column.field] = parsed;
      positions.set(fieldName([...entryPath, column.field]), at);
    });
    if (sources.length) entry.sources = [...((entry.sources as string[] | undefined) ?? []), ...sources];
  }
  throwIfProblems(problems);

  // Ids and statuses are settled once all rows of a concept are in.
  for (const id of byId.keys()) ids.reserve(id);
  entries.forEach((entry) => {
    const terms = entry.terms as Record<string, Record<string, unknown>[]>;
    for (const list of Object.values(terms)) {
      const hasPreferred = list.some((t) => t.status === 'preferred');
      list.forEach((t, i) => {
        if (t.status === undefined) t.status = i === 0 && !hasPreferred ? 'preferred' : 'admitted';
      });
    }
    const sourceTerm = [options.from, ...languages].map((l) => l && terms[l]?.[0]?.text).find(Boolean) as string | undefined;
    if (!entry.id) entry.id = ids.take(undefined, sourceTerm);
    entry.type ??= options.type ?? 'term';
    const ordered: Record<string, unknown> = { id: entry.id, type: entry.type };
    for (const key of ['definition', 'note', 'sources', 'doNotTranslate'] as const) if (entry[key] !== undefined) ordered[key] = entry[key];
    ordered.terms = entry.terms;
    Object.keys(entry).forEach((k) => delete entry[k]);
    Object.assign(entry, ordered);
  });

  const value = { languages, entries };
  const locate = (p: FieldPath): Position => {
    for (let n = p.length; n >= 0; n--) {
      const at = positions.get(fieldName(p.slice(0, n)));
      if (at) return at;
    }
    return {};
  };
  const checked = checkGlossaryValue(value, path, locate);
  throwIfProblems(checked.problems);
  return { path, file: checked.file!, lines };
}

export function parseGlossaryCsv(text: string, path: string, options: ImportOptions = {}): GlossaryFile {
  return parseGlossaryCsvLocated(text, path, options).file;
}

export async function readGlossaryCsvFileLocated(path: string, options: ImportOptions = {}): Promise<LocatedGlossaryFile> {
  return parseGlossaryCsvLocated(decodeUtf8(await readInputFile(path), path), path, options);
}

const TERM_FIELD_ORDER = ['status', 'case', 'abbreviation', 'partOfSpeech', 'note', 'source', 'context'] as const;

/**
 * Writes the header-mapped CSV that parseGlossaryCsv reads. Lossy only where CSV is: the file's
 * domain has no place, and an empty text cannot be told from an absent one.
 */
export function writeGlossaryCsv(file: GlossaryFile): string {
  const languages = [...file.languages];
  for (const entry of file.entries) for (const lang of Object.keys(entry.terms)) if (!languages.includes(lang)) languages.push(lang);
  const used = (pick: (t: Term) => unknown) => (lang: string) => file.entries.some((e) => (e.terms[lang] ?? []).some((t) => pick(t) !== undefined));
  const has = (key: 'definition' | 'note' | 'doNotTranslate') => file.entries.some((e) => e[key] !== undefined);
  const sourceCount = Math.max(0, ...file.entries.map((e) => e.sources?.length ?? 0));

  const header: string[] = ['id', 'type'];
  if (has('definition')) header.push('definition');
  if (has('note')) header.push('note');
  if (has('doNotTranslate')) header.push('doNotTranslate');
  for (let i = 0; i < sourceCount; i++) header.push('source');
  const termColumns: { lang: string; field?: (typeof TERM_FIELD_ORDER)[number] }[] = [];
  for (const lang of languages) {
    termColumns.push({ lang });
    for (const field of TERM_FIELD_ORDER) if (field === 'status' || used((t) => t[field])(lang)) termColumns.push({ lang, field });
  }
  for (const c of termColumns) header.push(c.field ? `${c.lang}_${c.field}` : c.lang);

  const rows: string[][] = [header];
  for (const entry of file.entries) {
    const height = Math.max(1, ...Object.values(entry.terms).map((list) => list.length));
    for (let r = 0; r < height; r++) {
      const row: string[] = [entry.id, r === 0 ? entry.type : ''];
      if (has('definition')) row.push(r === 0 ? (entry.definition ?? '') : '');
      if (has('note')) row.push(r === 0 ? (entry.note ?? '') : '');
      if (has('doNotTranslate')) row.push(r === 0 && entry.doNotTranslate !== undefined ? String(entry.doNotTranslate) : '');
      for (let i = 0; i < sourceCount; i++) row.push(r === 0 ? (entry.sources?.[i] ?? '') : '');
      for (const c of termColumns) {
        const term = entry.terms[c.lang]?.[r];
        const value = term ? (c.field ? term[c.field] : term.text) : undefined;
        row.push(value === undefined ? '' : String(value));
      }
      rows.push(row);
    }
  }
  return stringify(rows, { record_delimiter: 'unix' });
}
