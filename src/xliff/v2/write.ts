import crypto, { createHash } from 'node:crypto';
import { unitSource } from '../../model/content.js';
import { t } from '../../i18n/index.js';
import type { Content, Document, Inline, Part, Segment, Unit } from '../../model/schema.js';
import { codeType, pairedIndexes, textOnly, unitCodeIds } from '../codes.js';
import type { GlossaryLookup } from '../glossary-lookup.js';
import { placeMarks, placeTextMarks, writeInline, writeTextInline, type Mark, type PlacedMark } from '../marks.js';
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

/** The sha256 of `[{"type":"text","text":…}]` for a text, without serializing it where JSON would copy it unchanged. */
function textContentHash(text: string): string {
  // JSON.stringify copies the whole text once more only to add its quotes; the hash input is the same.
  if (!JSON_SPECIAL.test(text)) return sha256Hex(`[{"type":"text","text":"${text}"}]`);
  return sha256Hex(`[{"type":"text","text":${JSON.stringify(text)}}]`);
}

export function sourceHash(unit: Unit): string {
  // Text-only units (nearly all) skip building `unitSource`: its JSON is known from the joined
  // text. One non-empty run is the item itself, which is serialized as it is.
  let joined = '';
  let runs = 0;
  let only: Inline | undefined;
  for (const part of unit.parts)
    for (const item of part.source) {
      if (item.type !== 'text') return sha256Hex(JSON.stringify(unitSource(unit)));
      if (item.text === '') continue;
      joined += item.text;
      runs += 1;
      only = item;
    }
  if (runs === 0) return sha256Hex('[]');
  if (runs === 1) return sha256Hex(JSON.stringify([only]));
  return textContentHash(joined);
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

function inlineXml(content: Content, marks: PlacedMark[], unitIds: { opens: Set<string>; closes: Set<string> }, data: Map<string, string>): string {
  if (marks.length === 0 && textOnly(content)) {
    // Most runs are plain sentences: nothing to pair, number or mark.
    let out = '';
    for (const item of content) if (item.type === 'text') out += escapeTextWithCp(item.text);
    return out;
  }
  const paired = pairedIndexes(content);
  const closeData = new Map<string, string>();
  content.forEach((item, i) => {
    if (item.type === 'code' && item.kind === 'close' && paired.has(i)) closeData.set(item.id, data.get(item.data)!);
  });
  return writeInline(content, marks, {
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
        const isolated = unitIds.closes.has(code.id) ? '' : ' isolated="yes"';
        return `<sc id="${escapeAttr(code.id)}"${perms}${isolated} dataRef="${ref}"${attr('equiv', code.equiv)}${common}/>`;
      }
      return unitIds.opens.has(code.id)
        ? `<ec startRef="${escapeAttr(code.id)}"${perms} dataRef="${ref}"${attr('equiv', code.equiv)}${common}/>`
        : `<ec id="${escapeAttr(code.id)}"${perms} isolated="yes" dataRef="${ref}"${attr('equiv', code.equiv)}${common}/>`;
    },
  });
}

function meta(type: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<mda:meta type="${type}">${escapeText(String(value))}</mda:meta>`;
}

function unitXml(unit: Unit, options: Xliff2Options, indent: string): string {
  const data = dataIds(unit);
  const ids = unitCodeIds(unit);
  const markId = markIdFactory(unit);
  let markNo = 0;
  const glossEntries: string[] = [];
  const segmentMarks = new Map<Part, PlacedMark[]>();
  for (const part of unit.parts) {
    if (part.kind !== 'segment' || !part.matches?.length) continue;
    const marks: Mark[] = part.matches.map((m) => ({ id: markId(++markNo), start: m.start, end: m.end }));
    const placed = placeMarks(part.source, marks);
    segmentMarks.set(part, placed);
    for (const mark of placed) {
      const match = part.matches[marks.findIndex((m) => m.id === mark.id)]!;
      const entry = options.glossary?.(match.conceptId);
      const translations = entry?.translations ?? [];
      glossEntries.push(
        `${indent}    <gls:glossEntry ref="#${mark.id}">` +
          `<gls:term source="${escapeAttr(match.conceptId)}">${escapeText(match.text)}</gls:term>` +
          translations.map((t) => `<gls:translation>${escapeText(t)}</gls:translation>`).join('') +
          (entry?.definition ? `<gls:definition>${escapeText(entry.definition)}</gls:definition>` : '') +
          '</gls:glossEntry>',
      );
    }
  }
  const notes = [...unit.notes.map((n) => ({ category: 'context', text: n }))];
  for (const part of unit.parts) {
    if (part.kind !== 'segment') continue;
    for (const match of part.matches ?? []) {
      const entry = options.glossary?.(match.conceptId);
      for (const forbidden of entry?.forbidden ?? [])
        notes.push({ category: 'terminology', text: t('xliff:forbiddenTerm', { term: match.text, forbidden }) });
    }
  }
  const context = unit.context;
  // One string per unit: the many small pieces are joined while young instead of all living until the file is done.
  const lines: string[] = [];
  lines.push(
    `${indent}<unit id="${escapeAttr(unit.id)}"${attr('name', context.key)}${unit.translate ? '' : ' translate="no"'} xml:space="preserve">`,
  );
  lines.push(
    `${indent}  <mda:metadata><mda:metaGroup category="tarjoman">` +
      meta('kind', unit.kind) +
      meta('level', context.level) +
      meta('element', context.element) +
      meta('line', context.line) +
      meta('column', context.column) +
      meta('source-sha256', sourceHash(unit)) +
      '</mda:metaGroup></mda:metadata>',
  );
  if (glossEntries.length) lines.push(`${indent}  <gls:glossary>`, ...glossEntries, `${indent}  </gls:glossary>`);
  if (notes.length) {
    lines.push(`${indent}  <notes>`);
    notes.forEach((n, i) => lines.push(`${indent}    <note id="n${i + 1}" category="${n.category}">${escapeText(n.text)}</note>`));
    lines.push(`${indent}  </notes>`);
  }
  if (data.size) {
    lines.push(`${indent}  <originalData>`);
    for (const [markup, id] of data) lines.push(`${indent}    <data id="${id}">${escapeTextWithCp(markup)}</data>`);
    lines.push(`${indent}  </originalData>`);
  }
  for (const part of unit.parts) {
    if (part.kind === 'ignorable') {
      lines.push(`${indent}  <ignorable id="${escapeAttr(part.id)}"><source>${inlineXml(part.source, [], ids, data)}</source></ignorable>`);
      continue;
    }
    lines.push(segmentXml(part, segmentMarks.get(part) ?? [], ids, data, indent));
  }
  lines.push(`${indent}</unit>`);
  return lines.join('\n');
}

function segmentXml(segment: Segment, marks: PlacedMark[], ids: { opens: Set<string>; closes: Set<string> }, data: Map<string, string>, indent: string): string {
  const hasTarget = segment.target !== undefined;
  const state = hasTarget ? segment.state : 'initial';
  let xml = `${indent}  <segment id="${escapeAttr(segment.id)}"${state === 'initial' ? '' : ` state="${state}"`}>`;
  xml += `\n${indent}    <source>${inlineXml(segment.source, marks, ids, data)}</source>`;
  if (hasTarget) xml += `\n${indent}    <target>${inlineXml(segment.target!, [], ids, data)}</target>`;
  return `${xml}\n${indent}  </segment>`;
}

/**
 * What stays the same across the units of one file. The same terms recur through a document,
 * so their glossary entries and notes are looked up, formatted and escaped once per file.
 */
interface FileWriter {
  indent: string;
  lookup: GlossaryLookup | undefined;
  glossEntries: Map<string, Map<string, string>>;
  messages: Map<string, string>;
  kinds: Map<string, string>;
  elements: Map<string, string>;
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

function plainRuns(content: Content): string {
  let out = '';
  for (const item of content) if (item.type === 'text') out += escapeTextWithCp(item.text);
  return out;
}

const termStart = (id: string) => `<mrk id="${id}" type="term">`;

/** `<mda:meta>` of a value from a small set (unit kinds, element names), escaped once per file. */
function cachedMeta(cache: Map<string, string>, type: string, value: string | undefined): string {
  if (value === undefined) return '';
  let xml = cache.get(value);
  if (xml === undefined) {
    xml = meta(type, value);
    cache.set(value, xml);
  }
  return xml;
}

/**
 * `unitXml` for a unit without codes, the shape of nearly every unit of prose: no data ids, no
 * code ids to avoid, nothing to pair. Writes the same bytes in one pass over the unit, straight
 * into one string rather than through arrays of lines, which halves the garbage per unit.
 * The same pass finds out whether the unit has codes (then it returns undefined for `unitXml`
 * to write) and gathers the source text for its hash: each walk over a large document's parts
 * costs cache misses, and three walks cost three times as many.
 */
function textUnitXml(unit: Unit, w: FileWriter): string | undefined {
  const indent = w.indent;
  const context = unit.context;
  let gloss = '';
  let body = '';
  let notes = '';
  let noteNo = 0;
  let joined = '';
  let runs = 0;
  let only: Inline | undefined;
  for (const n of unit.notes) notes += `\n${indent}    <note id="n${++noteNo}" category="context">${escapeText(n)}</note>`;
  let markNo = 0;
  for (const part of unit.parts) {
    let source = '';
    for (const item of part.source) {
      if (item.type !== 'text') return undefined;
      if (item.text === '') continue;
      joined += item.text;
      runs += 1;
      only = item;
      source += escapeTextWithCp(item.text);
    }
    if (part.kind === 'ignorable') {
      body += `\n${indent}  <ignorable id="${escapeAttr(part.id)}"><source>${source}</source></ignorable>`;
      continue;
    }
    const target = part.target;
    if (target !== undefined && !textOnly(target)) return undefined;
    const matches = part.matches;
    if (matches?.length) {
      const base = markNo;
      markNo += matches.length;
      const placed = placeTextMarks(matches);
      for (const k of placed) {
        const match = matches[k]!;
        gloss += `\n${indent}    <gls:glossEntry ref="#m${base + k + 1}">${glossEntryBody(w, match.conceptId, match.text)}`;
      }
      if (placed.length === 0) {
        // nothing to mark: the escaped runs as they are
      } else if (part.source.length === 1 && part.source[0]!.type === 'text')
        source = writeTextInline(part.source[0]!.text, matches, placed, escapeTextWithCp, (k) => termStart(`m${base + placed[k]! + 1}`), () => '</mrk>');
      else {
        const marks = placed.map((k) => ({ id: `m${base + k + 1}`, start: matches[k]!.start, end: matches[k]!.end, split: false }));
        source = writeInline(part.source, marks, { text: escapeTextWithCp, code: () => '', markStart: (m) => termStart(m.id), markEnd: () => '</mrk>' });
      }
      if (w.lookup)
        for (const match of matches) {
          const forbiddenTerms = w.lookup(match.conceptId)?.forbidden;
          if (forbiddenTerms)
            for (const forbidden of forbiddenTerms)
              notes += `\n${indent}    <note id="n${++noteNo}" category="terminology">${forbiddenNote(w, match.text, forbidden)}</note>`;
        }
    }
    const state = target !== undefined ? part.state : 'initial';
    body += `\n${indent}  <segment id="${escapeAttr(part.id)}"${state === 'initial' ? '' : ` state="${state}"`}>\n${indent}    <source>${source}</source>`;
    if (target !== undefined) body += `\n${indent}    <target>${plainRuns(target)}</target>`;
    body += `\n${indent}  </segment>`;
  }
  const hash = runs === 0 ? sha256Hex('[]') : runs === 1 ? sha256Hex(JSON.stringify([only])) : textContentHash(joined);
  let xml = `${indent}<unit id="${escapeAttr(unit.id)}"${attr('name', context.key)}${unit.translate ? '' : ' translate="no"'} xml:space="preserve">`;
  xml += `\n${indent}  <mda:metadata><mda:metaGroup category="tarjoman">${cachedMeta(w.kinds, 'kind', unit.kind)}${meta('level', context.level)}${cachedMeta(w.elements, 'element', context.element)}${meta('line', context.line)}${meta('column', context.column)}${meta('source-sha256', hash)}</mda:metaGroup></mda:metadata>`;
  if (gloss !== '') xml += `\n${indent}  <gls:glossary>${gloss}\n${indent}  </gls:glossary>`;
  if (notes !== '') xml += `\n${indent}  <notes>${notes}\n${indent}  </notes>`;
  return `${xml}${body}\n${indent}</unit>`;
}

/**
 * One unit as `writeXliff2` writes it, for a file without other units. `general` takes the path
 * for units with codes even when the unit has none, so the two paths can be compared.
 */
export function unitXml2(unit: Unit, options: Xliff2Options, general = false): string {
  const lookup = cachedLookup(options.glossary);
  const w: FileWriter = { indent: '    ', lookup, glossEntries: new Map(), messages: new Map(), kinds: new Map(), elements: new Map() };
  const generalPath = () => unitXml(unit, { ...options, ...(lookup ? { glossary: lookup } : {}) }, '    ');
  return general ? generalPath() : (textUnitXml(unit, w) ?? generalPath());
}

/**
 * Units are joined in batches before the file is: a batch's string is large enough to be made
 * directly in the old generation, so the collector never copies it, while each unit's pieces
 * die young. A string per unit would be copied once more and promoted by the collector, for
 * every unit of a large document.
 */
export const BATCH = 256;

/** One XLIFF 2.x file for one document. Deterministic: the same document gives the same bytes. */
export function writeXliff2(document: Document, options: Xliff2Options): string {
  const target = document.targetLang;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF2_NS}" xmlns:mda="${MDA_NS}" xmlns:gls="${GLS_NS}" version="${options.version}" srcLang="${escapeAttr(document.sourceLang)}"${attr('trgLang', target)}>`,
    `  <file id="f1" original="${escapeAttr(document.path)}"${target && isRightToLeft(target) ? ' trgDir="rtl"' : ''}>`,
    '    <mda:metadata><mda:metaGroup category="tarjoman">' +
      meta('format', document.format) +
      meta('sha256', document.sha256) +
      meta('tool', 'tarjoman') +
      meta('tool-version', options.toolVersion) +
      '</mda:metaGroup></mda:metadata>',
  ];
  if (document.units.length === 0) {
    // A file needs at least one unit: an empty document gets one empty, untranslatable unit.
    lines.push('    <unit id="empty" translate="no"><segment><source></source></segment></unit>');
  }
  const lookup = cachedLookup(options.glossary);
  const general = { ...options, ...(lookup ? { glossary: lookup } : {}) };
  const w: FileWriter = { indent: '    ', lookup, glossEntries: new Map(), messages: new Map(), kinds: new Map(), elements: new Map() };
  let batch: string[] = [];
  for (const unit of document.units) {
    batch.push(textUnitXml(unit, w) ?? unitXml(unit, general, '    '));
    if (batch.length === BATCH) {
      lines.push(batch.join('\n'));
      batch = [];
    }
  }
  if (batch.length) lines.push(batch.join('\n'));
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

