import crypto, { createHash } from 'node:crypto';
import { unitSource } from '../../model/content.js';
import { t } from '../../i18n/index.js';
import type { Content, Document, Inline, TextRun, Unit } from '../../model/schema.js';
import { codeType, pairedIndexes, textOnly, textOnlyUnit, unitCodeIds } from '../codes.js';
import type { GlossaryLookup } from '../glossary-lookup.js';
import { placeMarks, placeTextMarks, pushInline, pushTextInline, type InlineWriter, type Mark, type PlacedMark } from '../marks.js';
import { escapeAttr, escapeText, escapeTextWithCp } from '../xml-escape.js';
import { isRightToLeft } from '../../lang/direction.js';

export const XLIFF2_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const GLS_NS = 'urn:oasis:names:tc:xliff:glossary:2.0';
export const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';

export interface Xliff2Options {
  version: '2.0' | '2.1';
  toolVersion: string;
  glossary?: GlossaryLookup;
}

/**
 * The one-shot `crypto.hash` (Node 20.12+) skips building a Hash object, which costs more than
 * hashing a paragraph; older Node falls back to `createHash`. Both give the same hex digest.
 */
const sha256Hex: (data: string) => string =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha256', data, 'hex') : (data) => createHash('sha256').update(data).digest('hex');

/** Characters JSON.stringify writes other than as themselves (surrogates: only lone ones, but pairs are rare). */
const JSON_SPECIAL = /["\\\u0000-\u001F\uD800-\uDFFF]/;

export function sourceHash(unit: Unit): string {
  // Text-only units (nearly all) skip building `unitSource`: its JSON is known from the joined
  // text. One non-empty run is the item itself, which is serialized as it is.
  let joined = '';
  let runs = 0;
  let only: Inline | undefined;
  // Tested run by run: testing the joined text would flatten it once more than hashing does.
  let special = false;
  for (const part of unit.parts)
    for (const item of part.source) {
      if (item.type !== 'text') return sha256Hex(JSON.stringify(unitSource(unit)));
      if (item.text === '') continue;
      joined += item.text;
      runs += 1;
      only = item;
      if (!special && JSON_SPECIAL.test(item.text)) special = true;
    }
  if (runs === 0) return sha256Hex('[]');
  if (runs === 1) return sha256Hex(JSON.stringify([only]));
  // JSON.stringify would copy the whole text once more only to add its quotes; the hash input is the same.
  return sha256Hex(special ? `[{"type":"text","text":${JSON.stringify(joined)}}]` : `[{"type":"text","text":"${joined}"}]`);
}

const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeAttr(value)}"`);

/** Gives every original markup string of a unit one `data` id, in order of first use. */
function dataIds(unit: Unit): Map<string, string> {
  const ids = new Map<string, string>();
  const add = (content: Content) => {
    for (const item of content) if (item.type === 'code' && !ids.has(item.data)) ids.set(item.data, `d${ids.size + 1}`);
  };
  for (const part of unit.parts) {
    add(part.source);
    if (part.kind === 'segment' && part.target) add(part.target);
  }
  return ids;
}

/** Ids for term marks that cannot clash with the unit's code ids. */
function markIdFactory(unit: Unit): (n: number) => string {
  const taken = new Set<string>();
  for (const part of unit.parts) for (const item of part.source) if (item.type === 'code') taken.add(item.id);
  return (n) => {
    let id = `m${n}`;
    while (taken.has(id)) id = `m${n}x${taken.size}`;
    return id;
  };
}

/*
 * Output is gathered as flat pieces in one array per batch of units and joined once, so every
 * piece is copied once. Concatenating per element and per unit instead builds ropes that are
 * walked and copied again when joined, and promoted by the collector when they outlive a
 * scavenge. The join is still the largest part of writing, and it costs per piece as well as
 * per character: hence the recurring pieces made once per file below.
 */
type Out = string[];

/** Strings that differ only by a small counter (mark and note numbers), made once per process. */
function numbered(make: (n: number) => string): (n: number) => string {
  const made: string[] = [];
  return (n) => made[n] ?? (made[n] = make(n));
}

const glossRef = numbered((n) => `\n        <gls:glossEntry ref="#m${n}">`);
const termStart = numbered((n) => `<mrk id="m${n}" type="term">`);
const contextNote = numbered((n) => `\n        <note id="n${n}" category="context">`);
const termNote = numbered((n) => `\n        <note id="n${n}" category="terminology">`);
const termEnd = () => '</mrk>';

/** What a unit with codes needs to write them: the ids of its open and close codes, and a data id per markup. */
interface CodeScope {
  ids: { opens: Set<string>; closes: Set<string> };
  data: Map<string, string>;
}

const NO_MARKS: PlacedMark[] = [];

/** Content of a unit without codes, with term marks: the general walk with nothing to write for codes. */
const TEXT_WRITER: InlineWriter = {
  text: escapeTextWithCp,
  code: () => '',
  markStart: (m) => `<mrk id="${m.id}" type="term">`,
  markEnd: termEnd,
};

function codeWriter(content: Content, scope: CodeScope): InlineWriter {
  const { ids, data } = scope;
  const paired = pairedIndexes(content);
  const closeData = new Map<string, string>();
  content.forEach((item, i) => {
    if (item.type === 'code' && item.kind === 'close' && paired.has(i)) closeData.set(item.id, data.get(item.data)!);
  });
  return {
    text: escapeTextWithCp,
    markStart: (m) => (m.split ? `<sm id="${m.id}" type="term"/>` : `<mrk id="${m.id}" type="term">`),
    markEnd: (m) => (m.split ? `<em startRef="${m.id}"/>` : '</mrk>'),
    code(index) {
      const code = content[index]!;
      if (code.type !== 'code') return '';
      const { type, subType } = codeType(code);
      const common = attr('type', type) + attr('subType', subType);
      const perms = (code.canCopy === false ? ' canCopy="no"' : '') + (code.canDelete === false ? ' canDelete="no"' : '') + (code.canReorder === false ? ' canReorder="no"' : '');
      const ref = data.get(code.data)!;
      if (code.kind === 'standalone') return `<ph id="${escapeAttr(code.id)}"${perms} dataRef="${ref}"${attr('equiv', code.equiv)}${common}/>`;
      if (paired.has(index)) {
        if (code.kind === 'close') return '</pc>';
        return `<pc id="${escapeAttr(code.id)}"${perms} dataRefStart="${ref}" dataRefEnd="${closeData.get(code.id)}"${attr('equivStart', code.equiv)}${common}>`;
      }
      if (code.kind === 'open') {
        const isolated = ids.closes.has(code.id) ? '' : ' isolated="yes"';
        return `<sc id="${escapeAttr(code.id)}"${perms}${isolated} dataRef="${ref}"${attr('equiv', code.equiv)}${common}/>`;
      }
      return ids.opens.has(code.id)
        ? `<ec startRef="${escapeAttr(code.id)}"${perms} dataRef="${ref}"${attr('equiv', code.equiv)}${common}/>`
        : `<ec id="${escapeAttr(code.id)}"${perms} isolated="yes" dataRef="${ref}"${attr('equiv', code.equiv)}${common}/>`;
    },
  };
}

/** Inline content with its marks; `scope` is undefined for a unit without codes. */
function pushContent(out: Out, content: Content, marks: readonly PlacedMark[], scope: CodeScope | undefined): void {
  if (marks.length === 0 && (scope === undefined || textOnly(content))) {
    // Most runs are plain sentences: nothing to pair, number or mark.
    for (const item of content) if (item.type === 'text' && item.text !== '') out.push(escapeTextWithCp(item.text));
    return;
  }
  pushInline(out, content, marks, scope === undefined ? TEXT_WRITER : codeWriter(content, scope));
}

function meta(type: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<mda:meta type="${type}">${escapeText(String(value))}</mda:meta>`;
}

/**
 * What stays the same across the units of one file. The same terms recur through a document,
 * so their glossary entries and notes are looked up, formatted and escaped once per file.
 */
interface FileWriter {
  lookup: GlossaryLookup | undefined;
  glossEntries: Map<string, Map<string, string>>;
  messages: Map<string, string>;
  /** the unit's start tag after its id, up to its element `mda:meta`: by kind, element and level */
  heads: Map<string, Map<string, string>>;
  /** a `<segment>` start tag up to its source: by state and id */
  segmentStarts: Map<string, Map<string, string>>;
  /** a whole `<ignorable>` of one short run of plain text (nearly always a space): by text and id */
  ignorables: Map<string, Map<string, string>>;
  /** every unit through the path for units with codes, even one without: to compare the two paths */
  general: boolean;
}

function fileWriter(glossary: GlossaryLookup | undefined, general: boolean): FileWriter {
  return { lookup: cachedLookup(glossary), glossEntries: new Map(), messages: new Map(), heads: new Map(), segmentStarts: new Map(), ignorables: new Map(), general };
}

/** Glossary entries looked up once per file: the same terms recur through a document. */
export function cachedLookup(glossary: GlossaryLookup | undefined): GlossaryLookup | undefined {
  if (!glossary) return undefined;
  const seen = new Map<string, ReturnType<GlossaryLookup>>();
  return (conceptId) => {
    if (seen.has(conceptId)) return seen.get(conceptId);
    const entry = glossary(conceptId);
    seen.set(conceptId, entry);
    return entry;
  };
}

/** The part of a `gls:glossEntry` after its `ref`, which depends only on the concept and the matched text. */
function glossEntryBody(w: FileWriter, conceptId: string, text: string): string {
  // By concept, then text: no joined key to build and hash for every hit.
  let byText = w.glossEntries.get(conceptId);
  if (byText === undefined) {
    byText = new Map();
    w.glossEntries.set(conceptId, byText);
  }
  let body = byText.get(text);
  if (body === undefined) {
    const entry = w.lookup?.(conceptId);
    body = `<gls:term source="${escapeAttr(conceptId)}">${escapeText(text)}</gls:term>`;
    for (const translation of entry?.translations ?? []) body += `<gls:translation>${escapeText(translation)}</gls:translation>`;
    if (entry?.definition) body += `<gls:definition>${escapeText(entry.definition)}</gls:definition>`;
    body += '</gls:glossEntry>';
    byText.set(text, body);
  }
  return body;
}

function forbiddenNote(w: FileWriter, term: string, forbidden: string): string {
  const key = `${term}\u0000${forbidden}`;
  let text = w.messages.get(key);
  if (text === undefined) {
    text = escapeText(t('xliff:forbiddenTerm', { term, forbidden }));
    w.messages.set(key, text);
  }
  return text;
}

/**
 * A piece that recurs through a file (a unit's kind and element, a segment's id and state, the
 * space between sentences) from a two-level cache, made on a miss.
 */
function cached<K1, K2>(cache: Map<K1, Map<K2, string>>, a: K1, b: K2, make: () => string): string {
  let inner = cache.get(a);
  if (inner === undefined) {
    inner = new Map();
    cache.set(a, inner);
  }
  let value = inner.get(b);
  if (value === undefined) {
    value = make();
    inner.set(b, value);
  }
  return value;
}

/** The unit's start tag after its id and name, and its metadata up to the line. */
function unitHead(w: FileWriter, unit: Unit): string {
  const { level, element } = unit.context;
  // Keys that are not plain kinds and elements (a heading level, an untranslatable unit) are rare enough to build.
  const kindKey = unit.translate ? unit.kind : `${unit.kind}\u0000no`;
  const elementKey = level === undefined ? (element ?? '\u0000') : element === undefined ? `\u0001${level}` : `${element}\u0000${level}`;
  return cached(w.heads, kindKey, elementKey, () => {
    const translate = unit.translate ? '' : ' translate="no"';
    return `"${translate} xml:space="preserve">\n      <mda:metadata><mda:metaGroup category="tarjoman">${meta('kind', unit.kind)}${meta('level', level)}${meta('element', element)}`;
  });
}

/** Line, column and source hash, which differ from unit to unit, and the end of the metadata. */
function pushUnitPosition(out: Out, unit: Unit): void {
  const { line, column } = unit.context;
  if (line !== undefined) out.push('<mda:meta type="line">', String(line), '</mda:meta>');
  if (column !== undefined) out.push('<mda:meta type="column">', String(column), '</mda:meta>');
  out.push('<mda:meta type="source-sha256">', sourceHash(unit), '</mda:meta></mda:metaGroup></mda:metadata>');
}

/**
 * Where a segment's term marks go. In a unit without codes only empty and overlapping spans
 * are dropped (`placeTextMarks`), and a source of one text run is written without the general
 * walk; with codes, `placeMarks` also decides which marks a code splits.
 */
type Placement = { kind: 'run'; base: number; placed: number[] } | { kind: 'marks'; marks: PlacedMark[] };

/** Places the marks of every segment and writes the unit's glossary entries; returns the placements by part index. */
function pushGlossary(out: Out, unit: Unit, w: FileWriter, codes: boolean): (Placement | undefined)[] | undefined {
  let placements: (Placement | undefined)[] | undefined;
  let markNo = 0;
  let markId: ((n: number) => string) | undefined;
  let open = false;
  const parts = unit.parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind !== 'segment') continue;
    const matches = part.matches;
    if (!matches?.length) continue;
    placements ??= [];
    if (codes) {
      markId ??= markIdFactory(unit);
      const marks: Mark[] = matches.map((m) => ({ id: markId!(++markNo), start: m.start, end: m.end }));
      const placed = placeMarks(part.source, marks);
      if (placed.length) placements[i] = { kind: 'marks', marks: placed };
      for (const mark of placed) {
        const match = matches[marks.findIndex((m) => m.id === mark.id)]!;
        if (!open) out.push('\n      <gls:glossary>');
        open = true;
        out.push('\n        <gls:glossEntry ref="#', mark.id, '">', glossEntryBody(w, match.conceptId, match.text));
      }
      continue;
    }
    const base = markNo;
    markNo += matches.length;
    const placed = placeTextMarks(matches);
    if (placed.length === 0) continue;
    placements[i] =
      part.source.length === 1 && part.source[0]!.type === 'text'
        ? { kind: 'run', base, placed }
        : { kind: 'marks', marks: placed.map((k) => ({ id: `m${base + k + 1}`, start: matches[k]!.start, end: matches[k]!.end, split: false })) };
    if (!open) out.push('\n      <gls:glossary>');
    open = true;
    for (const k of placed) {
      const match = matches[k]!;
      out.push(glossRef(base + k + 1), glossEntryBody(w, match.conceptId, match.text));
    }
  }
  if (open) out.push('\n      </gls:glossary>');
  return placements;
}

/** Context notes, then a terminology note for every forbidden target term of every hit. */
function pushNotes(out: Out, unit: Unit, w: FileWriter): void {
  let noteNo = 0;
  for (const note of unit.notes) {
    if (noteNo === 0) out.push('\n      <notes>');
    out.push(contextNote(++noteNo), escapeText(note), '</note>');
  }
  if (w.lookup)
    for (const part of unit.parts) {
      if (part.kind !== 'segment' || !part.matches) continue;
      for (const match of part.matches) {
        const forbiddenTerms = w.lookup(match.conceptId)?.forbidden;
        if (forbiddenTerms)
          for (const forbidden of forbiddenTerms) {
            if (noteNo === 0) out.push('\n      <notes>');
            out.push(termNote(++noteNo), forbiddenNote(w, match.text, forbidden), '</note>');
          }
      }
    }
  if (noteNo) out.push('\n      </notes>');
}

/** One `<unit>`, preceded by its line break. */
function pushUnit(out: Out, unit: Unit, w: FileWriter): void {
  const codes = w.general || !textOnlyUnit(unit);
  const scope: CodeScope | undefined = codes ? { ids: unitCodeIds(unit), data: dataIds(unit) } : undefined;
  const key = unit.context.key;
  out.push('\n    <unit id="', escapeAttr(unit.id));
  if (key !== undefined) out.push('" name="', escapeAttr(key));
  out.push(unitHead(w, unit));
  pushUnitPosition(out, unit);
  const placements = pushGlossary(out, unit, w, codes);
  pushNotes(out, unit, w);
  if (scope && scope.data.size) {
    out.push('\n      <originalData>');
    for (const [markup, id] of scope.data) out.push('\n        <data id="', id, '">', escapeTextWithCp(markup), '</data>');
    out.push('\n      </originalData>');
  }
  const parts = unit.parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind === 'ignorable') {
      const only = part.source.length === 1 ? part.source[0]! : undefined;
      if (only?.type === 'text' && only.text.length <= 4) {
        out.push(cached(w.ignorables, only.text, part.id, () => `\n      <ignorable id="${escapeAttr(part.id)}"><source>${escapeTextWithCp(only.text)}</source></ignorable>`));
        continue;
      }
      out.push('\n      <ignorable id="', escapeAttr(part.id), '"><source>');
      pushContent(out, part.source, NO_MARKS, scope);
      out.push('</source></ignorable>');
      continue;
    }
    const target = part.target;
    const state = target === undefined ? 'initial' : part.state;
    out.push(cached(w.segmentStarts, state, part.id, () => `\n      <segment id="${escapeAttr(part.id)}"${state === 'initial' ? '' : ` state="${state}"`}>\n        <source>`));
    const placement = placements?.[i];
    if (placement === undefined) pushContent(out, part.source, NO_MARKS, scope);
    else if (placement.kind === 'marks') pushContent(out, part.source, placement.marks, scope);
    else {
      const { base, placed } = placement;
      pushTextInline(out, (part.source[0] as TextRun).text, part.matches!, placed, escapeTextWithCp, (k) => termStart(base + placed[k]! + 1), termEnd);
    }
    if (target === undefined) out.push('</source>\n      </segment>');
    else {
      out.push('</source>\n        <target>');
      pushContent(out, target, NO_MARKS, scope);
      out.push('</target>\n      </segment>');
    }
  }
  out.push('\n    </unit>');
}

/**
 * One unit as `writeXliff2` writes it, for a file without other units. `general` takes the path
 * for units with codes even when the unit has none, so the two paths can be compared.
 */
export function unitXml2(unit: Unit, options: Xliff2Options, general = false): string {
  const out: Out = [];
  pushUnit(out, unit, fileWriter(options.glossary, general));
  return out.join('').slice(1);
}

/**
 * Units are joined in batches before the file is: a batch's string is large enough to be made
 * directly in the old generation, so the collector never copies it, while the pieces of its
 * units die young. One array for the whole document would keep every piece alive to the end.
 */
export const BATCH = 256;

/** One XLIFF 2.x file for one document. Deterministic: the same document gives the same bytes. */
export function writeXliff2(document: Document, options: Xliff2Options): string {
  const target = document.targetLang;
  const chunks: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<xliff xmlns="${XLIFF2_NS}" xmlns:mda="${MDA_NS}" xmlns:gls="${GLS_NS}" version="${options.version}" srcLang="${escapeAttr(document.sourceLang)}"${attr('trgLang', target)}>\n` +
      `  <file id="f1" original="${escapeAttr(document.path)}"${target && isRightToLeft(target) ? ' trgDir="rtl"' : ''}>\n` +
      '    <mda:metadata><mda:metaGroup category="tarjoman">' +
      meta('format', document.format) +
      meta('sha256', document.sha256) +
      meta('tool', 'tarjoman') +
      meta('tool-version', options.toolVersion) +
      '</mda:metaGroup></mda:metadata>',
  ];
  // A file needs at least one unit: an empty document gets one empty, untranslatable unit.
  if (document.units.length === 0) chunks.push('\n    <unit id="empty" translate="no"><segment><source></source></segment></unit>');
  const w = fileWriter(options.glossary, false);
  let out: Out = [];
  let count = 0;
  for (const unit of document.units) {
    pushUnit(out, unit, w);
    if (++count === BATCH) {
      chunks.push(out.join(''));
      out = [];
      count = 0;
    }
  }
  chunks.push(out.join(''), '\n  </file>\n</xliff>\n');
  return chunks.join('');
}
