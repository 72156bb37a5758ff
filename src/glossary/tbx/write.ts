import { TarjomanError } from '../../model/located-error.js';
import type { Concept, GlossaryFile, Term } from '../schema.js';
import { CATEGORY, NAMESPACE_TBX3, STATUS_TO_TBX } from './mapping.js';
import { escapeAttr, escapeText, invalidXmlChar } from './xml.js';

/**
 * `tbx`: TBX v3, TBX-Basic dialect in DCA style (ISO 30042:2019).
 * `martif`: the TBX 2008 shape (`martif/text/body/termEntry/langSet/tig`) that OmegaT,
 * memoQ and MultiTerm read.
 */
export type TbxShape = 'tbx' | 'martif';

export interface WriteTbxOptions {
  shape?: TbxShape;
}

class XmlWriter {
  private readonly lines: string[] = [];
  private entry: string | undefined;

  constructor(private readonly file: string | undefined) {}

  inEntry(id: string | undefined): void {
    this.entry = id;
  }

  private checked(value: string): string {
    const bad = invalidXmlChar(value);
    if (bad !== undefined) {
      const codepoint = `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      throw new TarjomanError('glossary:tbx.invalidCharacter', { codepoint, entry: this.entry ?? '-' }, this.file ? { file: this.file } : {});
    }
    return value;
  }

  private attrs(attributes: Record<string, string | undefined>): string {
    let out = '';
    for (const [name, value] of Object.entries(attributes))
      if (value !== undefined) out += ` ${name}="${escapeAttr(this.checked(value))}"`;
    return out;
  }

  open(depth: number, name: string, attributes: Record<string, string | undefined> = {}): void {
    this.lines.push(`${'  '.repeat(depth)}<${name}${this.attrs(attributes)}>`);
  }

  close(depth: number, name: string): void {
    this.lines.push(`${'  '.repeat(depth)}</${name}>`);
  }

  leaf(depth: number, name: string, text: string, attributes: Record<string, string | undefined> = {}): void {
    this.lines.push(`${'  '.repeat(depth)}<${name}${this.attrs(attributes)}>${escapeText(this.checked(text))}</${name}>`);
  }

  raw(line: string): void {
    this.lines.push(line);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** An XML id may not start with a digit; the reader drops the `_` again. */
function xmlId(id: string): string {
  return /^[0-9]/u.test(id) ? `_${id}` : id;
}

function writeTerm(out: XmlWriter, depth: number, term: Term, shape: TbxShape): void {
  const container = shape === 'tbx' ? 'termSec' : 'tig';
  out.open(depth, container);
  out.leaf(depth + 1, 'term', term.text);
  out.leaf(depth + 1, 'termNote', STATUS_TO_TBX[term.status], { type: 'administrativeStatus' });
  if (term.status === 'forbidden') out.leaf(depth + 1, 'termNote', 'forbidden', { type: CATEGORY.usageStatus });
  if (term.abbreviation !== undefined)
    out.leaf(depth + 1, 'termNote', term.abbreviation ? 'abbreviation' : 'fullForm', { type: 'termType' });
  if (term.partOfSpeech !== undefined) out.leaf(depth + 1, 'termNote', term.partOfSpeech, { type: 'partOfSpeech' });
  if (term.case !== undefined) out.leaf(depth + 1, 'termNote', term.case, { type: CATEGORY.caseSensitivity });
  if (term.context !== undefined) out.leaf(depth + 1, 'descrip', term.context, { type: 'context' });
  if (term.source !== undefined) out.leaf(depth + 1, 'admin', term.source, { type: 'source' });
  if (term.note !== undefined) out.leaf(depth + 1, 'note', term.note);
  out.close(depth, container);
}

function writeConcept(out: XmlWriter, depth: number, concept: Concept, domain: string | undefined, shape: TbxShape): void {
  const [entryName, langName] = shape === 'tbx' ? ['conceptEntry', 'langSec'] : ['termEntry', 'langSet'];
  out.inEntry(concept.id);
  out.open(depth, entryName, { id: xmlId(concept.id) });
  const d = depth + 1;
  if (domain !== undefined) out.leaf(d, 'descrip', domain, { type: 'subjectField' });
  out.leaf(d, 'descrip', concept.type, { type: CATEGORY.conceptType });
  if (concept.definition !== undefined) out.leaf(d, 'descrip', concept.definition, { type: 'definition' });
  if (concept.doNotTranslate !== undefined)
    out.leaf(d, 'descrip', String(concept.doNotTranslate), { type: CATEGORY.doNotTranslate });
  for (const source of concept.sources ?? []) out.leaf(d, 'admin', source, { type: 'source' });
  if (concept.note !== undefined) out.leaf(d, 'note', concept.note);
  for (const [lang, terms] of Object.entries(concept.terms)) {
    out.open(d, langName, { 'xml:lang': lang });
    for (const term of terms) writeTerm(out, d + 1, term, shape);
    out.close(d, langName);
  }
  out.close(depth, entryName);
  out.inEntry(undefined);
}

/**
 * Writes a glossary file as TBX. Everything the model holds is written, so reading the result
 * back gives the same file; see mapping.ts for where each field goes.
 */
export function writeTbx(file: GlossaryFile, options: WriteTbxOptions & { path?: string } = {}): string {
  const shape = options.shape ?? 'tbx';
  const out = new XmlWriter(options.path);
  const lang = file.languages[0] ?? 'en';
  out.raw('<?xml version="1.0" encoding="UTF-8"?>');
  if (shape === 'tbx') out.open(0, 'tbx', { xmlns: NAMESPACE_TBX3, type: 'TBX-Basic', style: 'dca', 'xml:lang': lang });
  else out.open(0, 'martif', { type: 'TBX', 'xml:lang': lang });
  const headerName = shape === 'tbx' ? 'tbxHeader' : 'martifHeader';
  out.open(1, headerName);
  out.open(2, 'fileDesc');
  out.open(3, 'sourceDesc');
  out.leaf(4, 'p', file.languages.join(' '), { type: 'languages' });
  if (file.domain !== undefined) out.leaf(4, 'p', file.domain, { type: 'subjectField' });
  out.close(3, 'sourceDesc');
  out.close(2, 'fileDesc');
  if (shape === 'martif') {
    out.open(2, 'encodingDesc');
    out.leaf(3, 'p', 'TBXXCSV02.xcs', { type: 'XCSURI' });
    out.close(2, 'encodingDesc');
  }
  out.close(1, headerName);
  out.open(1, 'text');
  out.open(2, 'body');
  for (const concept of file.entries) writeConcept(out, 3, concept, file.domain, shape);
  out.close(2, 'body');
  out.close(1, 'text');
  out.close(0, shape === 'tbx' ? 'tbx' : 'martif');
  return out.toString();
}
