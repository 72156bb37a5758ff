import { decodeUtf8 } from '../../formats/shared.js';
import { readInputFile } from '../../io/read-input.js';
import { TarjomanError } from '../../model/located-error.js';
import { IdAllocator, normalizeForeignId } from '../native/ids.js';
import type { ImportOptions, LocatedGlossaryFile } from '../native/located.js';
import { throwIfProblems } from '../native/problems.js';
import { checkGlossaryValue, fieldName, type FieldPath, type Position } from '../native/validate.js';
import type { GlossaryFile } from '../schema.js';
import {
  CATEGORY,
  abbreviationFromTermType,
  booleanFromText,
  isConceptType,
  partOfSpeechFromTbx,
  statusFromTbx,
} from './mapping.js';
import { elements, firstElement, parseXml, textOf, type XmlElement } from './xml.js';

/**
 * Children of an element with `descripGrp`/`termNoteGrp`/`adminGrp` wrappers opened up. The
 * `admin type="source"` of a group names where its definition or context came from; the model
 * has no per-definition source, so it joins the sources of the entry or term.
 */
function items(parent: XmlElement): XmlElement[] {
  return elements(parent).flatMap((child) => {
    if (child.name === 'descripGrp' || child.name === 'termNoteGrp' || child.name === 'adminGrp')
      return elements(child, 'descrip', 'termNote', 'admin', 'note');
    return [child];
  });
}

function typeOf(element: XmlElement): string {
  return element.attrs.type ?? '';
}

function langOf(element: XmlElement): string | undefined {
  return element.attrs['xml:lang'] ?? element.attrs.lang;
}

/** Several notes (or definitions) in one place become one text, in document order. */
function joined(values: string[]): string | undefined {
  return values.length ? values.join('\n') : undefined;
}

interface DraftTerm {
  text: string;
  status?: string;
  explicitStatus: boolean;
  case?: string;
  abbreviation?: boolean;
  partOfSpeech?: string;
  note?: string;
  source?: string;
  context?: string;
  at: Position;
}

function readTerm(container: XmlElement): DraftTerm | undefined {
  // ntig keeps the term and its termNotes in a termGrp, and the rest beside it.
  const group = container.name === 'ntig' ? firstElement(container, 'termGrp') : container;
  const termElement = group ? firstElement(group, 'term') : undefined;
  if (!termElement) return undefined;
  const text = textOf(termElement).trim();
  // An empty term names nothing; some tools leave them behind for deleted entries.
  if (!text) return undefined;
  const term: DraftTerm = { text, explicitStatus: false, at: { line: termElement.line, column: termElement.column } };
  const notes: string[] = [];
  const sources: string[] = [];
  const contexts: string[] = [];
  const all = container === group ? items(container) : [...items(group!), ...items(container)];
  let usageForbidden = false;
  for (const item of all) {
    const type = typeOf(item);
    const value = textOf(item);
    if (item.name === 'termNote') {
      if (type === 'administrativeStatus' || type === 'normativeAuthorization') {
        const status = statusFromTbx(value);
        if (status) {
          term.status = status;
          term.explicitStatus = true;
        }
      } else if (type === CATEGORY.usageStatus) {
        if (statusFromTbx(value) === 'forbidden') usageForbidden = true;
      } else if (type === 'termType') {
        const abbreviation = abbreviationFromTermType(value);
        if (abbreviation !== undefined) term.abbreviation = abbreviation;
      } else if (type === 'partOfSpeech') term.partOfSpeech = partOfSpeechFromTbx(value);
      else if (type === CATEGORY.caseSensitivity) {
        const v = value.trim().toLowerCase();
        if (v === 'sensitive' || v === 'insensitive') term.case = v;
        else if (v === 'casesensitive' || v === 'true' || v === 'yes') term.case = 'sensitive';
        else if (v === 'caseinsensitive' || v === 'false' || v === 'no') term.case = 'insensitive';
      }
    } else if (item.name === 'note') notes.push(value);
    else if (item.name === 'admin' && type === 'source') sources.push(value);
    else if (item.name === 'descrip' && type === 'context') contexts.push(value);
  }
  if (usageForbidden) {
    term.status = 'forbidden';
    term.explicitStatus = true;
  }
  term.note = joined(notes);
  term.source = joined(sources);
  term.context = joined(contexts);
  return term;
}

interface HeaderFacts {
  languages?: string[];
  domain?: string;
}

function readHeader(root: XmlElement): HeaderFacts {
  const header = firstElement(root, 'tbxHeader') ?? firstElement(root, 'martifHeader');
  const fileDesc = firstElement(header, 'fileDesc');
  const facts: HeaderFacts = {};
  for (const sourceDesc of fileDesc ? elements(fileDesc, 'sourceDesc') : []) {
    for (const p of elements(sourceDesc, 'p')) {
      if (typeOf(p) === 'languages') facts.languages = textOf(p).split(/\s+/u).filter(Boolean);
      else if (typeOf(p) === 'subjectField') facts.domain = textOf(p);
    }
  }
  return facts;
}

/** Positions of the elements a value came from, looked up by field path for error messages. */
class Positions {
  private readonly map = new Map<string, Position>();

  set(path: FieldPath, at: Position): void {
    this.map.set(fieldName(path), at);
  }

  locate = (path: FieldPath): Position => {
    for (let n = path.length; n >= 0; n--) {
      const at = this.map.get(fieldName(path.slice(0, n)));
      if (at) return at;
    }
    return {};
  };
}

export function parseTbxLocated(text: string, path: string, options: ImportOptions = {}): LocatedGlossaryFile {
  const root = parseXml(text, path);
  if (root.name !== 'tbx' && root.name !== 'martif')
    throw new TarjomanError('glossary:tbx.notTbx', { root: root.name }, { file: path, line: root.line, column: root.column });
  const header = readHeader(root);
  const declared = new Set(header.languages ?? []);
  // Tags the file itself declared are kept as written; others are reduced to the language
  // (fa-IR → fa), which is what the glossary is keyed by.
  const normLang = (tag: string) => (declared.has(tag) ? tag : (tag.split(/[-_]/u)[0] ?? tag).toLowerCase());

  const body = firstElement(firstElement(root, 'text'), 'body');
  const entryElements = body ? elements(body, 'conceptEntry', 'termEntry') : [];
  const positions = new Positions();
  const ids = new IdAllocator();
  const rawIds = new Map<string, number>();
  const problems: TarjomanError[] = [];
  const seenLanguages: string[] = [];
  const entries: Record<string, unknown>[] = [];
  const lines: number[] = [];
  const subjectFields: (string | undefined)[] = [];

  for (const entryElement of entryElements) {
    const index = entries.length;
    const entryPath = ['entries', index];
    positions.set(entryPath, { line: entryElement.line, column: entryElement.column });
    const definitions: string[] = [];
    const notes: string[] = [];
    const sources: string[] = [];
    let type: string | undefined;
    let subjectField: string | undefined;
    let doNotTranslate: unknown;
    for (const item of items(entryElement)) {
      const kind = typeOf(item);
      const value = textOf(item);
      const at = { line: item.line, column: item.column };
      if (item.name === 'descrip' && kind === 'definition') definitions.push(value);
      else if (item.name === 'descrip' && kind === 'subjectField') subjectField ??= value.trim();
      else if (item.name === 'descrip' && kind === CATEGORY.conceptType) {
        type = value.trim();
        positions.set([...entryPath, 'type'], at);
      } else if (item.name === 'descrip' && kind === CATEGORY.doNotTranslate) {
        doNotTranslate = booleanFromText(value) ?? value;
        positions.set([...entryPath, 'doNotTranslate'], at);
      } else if (item.name === 'note') notes.push(value);
      else if (item.name === 'admin' && kind === 'source') sources.push(value);
      else if (item.name === 'xref') sources.push(item.attrs.target || value);
      else if (item.name === 'ref') sources.push(value || item.attrs.target || '');
    }

    const terms: Record<string, Record<string, unknown>[]> = {};
    const languageDefinitions = new Map<string, string[]>();
    for (const langSec of elements(entryElement, 'langSec', 'langSet')) {
      const tag = langOf(langSec);
      if (!tag) {
        problems.push(new TarjomanError('glossary:tbx.noLanguage', {}, { file: path, line: langSec.line, column: langSec.column }));
        continue;
      }
      const lang = normLang(tag);
      if (!seenLanguages.includes(lang)) seenLanguages.push(lang);
      for (const item of items(langSec)) {
        const kind = typeOf(item);
        if (item.name === 'descrip' && kind === 'definition')
          languageDefinitions.set(lang, [...(languageDefinitions.get(lang) ?? []), textOf(item)]);
        else if (item.name === 'note') notes.push(textOf(item));
        else if (item.name === 'admin' && kind === 'source') sources.push(textOf(item));
      }
      const drafts = elements(langSec, 'termSec', 'tig', 'ntig')
        .map(readTerm)
        .filter((d): d is DraftTerm => d !== undefined);
      if (!drafts.length) continue;
      const list = (terms[lang] ??= []);
      const hasPreferred = list.some((t) => t.status === 'preferred') || drafts.some((d) => d.explicitStatus && d.status === 'preferred');
      for (const draft of drafts) {
        const status = draft.explicitStatus ? draft.status : !hasPreferred && list.length === 0 ? 'preferred' : 'admitted';
        const term: Record<string, unknown> = { text: draft.text, status };
        if (draft.case !== undefined) term.case = draft.case;
        if (draft.abbreviation !== undefined) term.abbreviation = draft.abbreviation;
        if (draft.partOfSpeech !== undefined) term.partOfSpeech = draft.partOfSpeech;
        if (draft.note !== undefined) term.note = draft.note;
        if (draft.source !== undefined) term.source = draft.source;
        if (draft.context !== undefined) term.context = draft.context;
        positions.set([...entryPath, 'terms', lang, list.length], draft.at);
        list.push(term);
      }
    }

    if (!definitions.length) {
      const fromLanguage = [options.from, ...seenLanguages].find((l) => l && languageDefinitions.has(l));
      if (fromLanguage) definitions.push(...languageDefinitions.get(fromLanguage)!);
    }

    const rawId = entryElement.attrs.id ?? entryElement.attrs['xml:id'];
    if (rawId !== undefined) {
      const first = rawIds.get(rawId);
      if (first !== undefined)
        problems.push(
          new TarjomanError('glossary:tbx.duplicateId', { id: rawId, line: first }, { file: path, line: entryElement.line, column: entryElement.column }),
        );
      else rawIds.set(rawId, entryElement.line);
    }
    const firstTerm = Object.values(terms)[0]?.[0]?.text as string | undefined;
    const sourceTerm = (options.from && (terms[options.from]?.[0]?.text as string | undefined)) || firstTerm;
    const id = ids.take(rawId === undefined ? undefined : normalizeForeignId(rawId), sourceTerm);

    if (!type && subjectField && isConceptType(subjectField)) type = subjectField;
    const entry: Record<string, unknown> = { id, type: type ?? options.type ?? 'term' };
    const definition = joined(definitions);
    if (definition !== undefined) entry.definition = definition;
    const note = joined(notes);
    if (note !== undefined) entry.note = note;
    if (sources.length) entry.sources = sources;
    if (doNotTranslate !== undefined) entry.doNotTranslate = doNotTranslate;
    entry.terms = terms;
    entries.push(entry);
    lines.push(entryElement.line);
    subjectFields.push(subjectField);
  }
  throwIfProblems(problems);

  const rootLang = langOf(root);
  const languages: string[] = [];
  const add = (l: string | undefined) => l && !languages.includes(l) && languages.push(l);
  add(options.from);
  add(options.to);
  for (const l of header.languages ?? []) add(l);
  if (rootLang) add(normLang(rootLang));
  for (const l of seenLanguages) add(l);

  let domain = header.domain;
  if (domain === undefined) {
    const distinct = new Set(subjectFields);
    const only = [...distinct][0];
    if (distinct.size === 1 && only && !isConceptType(only)) domain = only;
  }
  const value: Record<string, unknown> = { languages };
  if (domain !== undefined) value.domain = domain;
  value.entries = entries;

  const checked = checkGlossaryValue(value, path, positions.locate);
  throwIfProblems(checked.problems);
  return { path, file: checked.file!, lines };
}

export function parseTbx(text: string, path: string, options: ImportOptions = {}): GlossaryFile {
  return parseTbxLocated(text, path, options).file;
}

/** TBX from MultiTerm and some older tools is UTF-16; everything else is UTF-8. */
export function decodeXml(bytes: Uint8Array, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return decodeUtf8(bytes, path);
}

export async function readTbxFileLocated(path: string, options: ImportOptions = {}): Promise<LocatedGlossaryFile> {
  return parseTbxLocated(decodeXml(await readInputFile(path), path), path, options);
}

export async function readTbxFile(path: string, options: ImportOptions = {}): Promise<GlossaryFile> {
  return (await readTbxFileLocated(path, options)).file;
}
