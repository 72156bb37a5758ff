import { Document, LineCounter, Scalar, isMap, isSeq, parseDocument, visit } from 'yaml';
import { decodeUtf8 } from '../../formats/shared.js';
import { readInputFile } from '../../io/read-input.js';
import { yamlOffsetOf } from '../../io/yaml-locate.js';
import { TarjomanError } from '../../model/located-error.js';
import type { Concept, GlossaryFile, Term } from '../schema.js';
import type { LocatedGlossaryFile } from './located.js';
import { readPlainYaml } from './plain-yaml.js';
import { throwIfProblems } from './problems.js';
import { quickGlossaryFile } from './quick-check.js';
import { checkGlossaryValue, type FieldPath, type Position } from './validate.js';

/**
 * A glossary is a small hand-written file: a handful of anchors is plenty, and a low cap
 * stops a "billion laughs" document from expanding aliases into gigabytes.
 */
export const MAX_ALIAS_COUNT = 20;

export const SCHEMA_COMMENT_PREFIX = 'yaml-language-server: $schema=';
export const DEFAULT_SCHEMA_REF = '../schema.json';

function positionOf(lines: LineCounter, offset: number | undefined): Position {
  if (offset === undefined) return {};
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** Follows a field path through the YAML nodes, stopping at the deepest node that exists. */
function locator(doc: Document, lines: LineCounter) {
  return (path: FieldPath, key?: string): Position => positionOf(lines, yamlOffsetOf(doc, path, key));
}

/** The `$schema=` reference of a native file's first comment, if it has one. */
export function yamlSchemaRef(text: string): string | undefined {
  const first = text.replace(/^\uFEFF/u, '').match(/^#\s*yaml-language-server:\s*\$schema=(\S+)/u);
  return first?.[1];
}

/** Reads a native glossary file, reporting every problem with its line, column and entry id. */
export function parseGlossaryYamlLocated(text: string, path: string): LocatedGlossaryFile {
  const source = text.replace(/^\uFEFF/u, '');
  return quickGlossaryYaml(source, path) ?? parseGlossaryYamlGeneral(source, path);
}

/** A file in the usual shape and without problems, read without a YAML node tree (see plain-yaml.ts). */
function quickGlossaryYaml(text: string, path: string): LocatedGlossaryFile | undefined {
  const plain = readPlainYaml(text);
  if (!plain) return undefined;
  const file = quickGlossaryFile(plain.value);
  const lines = plain.itemLines.get('entries') ?? (file?.entries.length === 0 ? [] : undefined);
  return file && lines ? { path, file, lines } : undefined;
}

/** Any YAML: the node tree with source ranges, so that every problem is reported where it is. */
export function parseGlossaryYamlGeneral(text: string, path: string): LocatedGlossaryFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throwIfProblems(
      doc.errors.map(
        (e) => new TarjomanError('glossary:yaml.syntax', { reason: e.message }, { file: path, ...positionOf(lines, e.pos[0]) }),
      ),
    );
  }
  if (doc.contents === null) throw new TarjomanError('glossary:yaml.empty', {}, { file: path });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    throw new TarjomanError('glossary:yaml.aliases', { max: MAX_ALIAS_COUNT }, { file: path }, { cause });
  }
  const locate = locator(doc, lines);
  const { file, problems } = checkGlossaryValue(value, path, locate);
  throwIfProblems(problems);
  return { path, file: file!, lines: file!.entries.map((_, i) => locate(['entries', i]).line) };
}

export function parseGlossaryYaml(text: string, path: string): GlossaryFile {
  return parseGlossaryYamlLocated(text, path).file;
}

export async function readGlossaryFileLocated(path: string): Promise<LocatedGlossaryFile> {
  return parseGlossaryYamlLocated(decodeUtf8(await readInputFile(path), path), path);
}

export async function readGlossaryFile(path: string): Promise<GlossaryFile> {
  return (await readGlossaryFileLocated(path)).file;
}

function termToPlain(term: Term): Record<string, unknown> {
  const out: Record<string, unknown> = { text: term.text, status: term.status };
  if (term.case !== undefined) out.case = term.case;
  if (term.abbreviation !== undefined) out.abbreviation = term.abbreviation;
  if (term.partOfSpeech !== undefined) out.partOfSpeech = term.partOfSpeech;
  if (term.note !== undefined) out.note = term.note;
  if (term.source !== undefined) out.source = term.source;
  if (term.context !== undefined) out.context = term.context;
  return out;
}

function conceptToPlain(concept: Concept): Record<string, unknown> {
  const out: Record<string, unknown> = { id: concept.id, type: concept.type };
  if (concept.definition !== undefined) out.definition = concept.definition;
  if (concept.note !== undefined) out.note = concept.note;
  if (concept.sources !== undefined) out.sources = [...concept.sources];
  if (concept.doNotTranslate !== undefined) out.doNotTranslate = concept.doNotTranslate;
  const terms: Record<string, unknown> = {};
  for (const [lang, list] of Object.entries(concept.terms)) terms[lang] = list.map(termToPlain);
  out.terms = terms;
  return out;
}

export interface WriteYamlOptions {
  /** `$schema` reference for editors; `null` writes no such comment */
  schemaRef?: string | null;
}

/**
 * Native YAML as a person would write it: entries in the given order separated by a blank
 * line, keys in schema order, terms as block maps, no line folding (long Persian sentences
 * folded by width are hard to edit).
 */
export function writeGlossaryYaml(file: GlossaryFile, options: WriteYamlOptions = {}): string {
  const plain: Record<string, unknown> = { languages: [...file.languages] };
  if (file.domain !== undefined) plain.domain = file.domain;
  plain.entries = file.entries.map(conceptToPlain);
  const doc = new Document(plain);
  const languages = doc.get('languages', true);
  if (isSeq(languages)) languages.flow = true;
  const entries = doc.get('entries', true);
  if (isSeq(entries)) entries.items.forEach((item, i) => i > 0 && isMap(item) && (item.spaceBefore = true));
  // yaml writes a text of only spaces and line breaks as a block scalar without an indentation
  // indicator, which reads back without its spaces (" \n" comes back as "\n"); quoted, it stays.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('\n') && !/\S/u.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const ref = options.schemaRef === undefined ? DEFAULT_SCHEMA_REF : options.schemaRef;
  if (ref !== null) doc.commentBefore = ` ${SCHEMA_COMMENT_PREFIX}${ref}`;
  return doc.toString({ lineWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: false });
}
