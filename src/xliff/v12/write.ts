import { t } from '../../i18n/index.js';
import { segments as segmentsOf } from '../../model/content.js';
import type { Content, Document, Segment, SegmentState, TermMatch, Unit } from '../../model/schema.js';
import { codeType, pairedIndexes, textOnly, textOnlyUnit } from '../codes.js';
import type { GlossaryLookup } from '../glossary-lookup.js';
import { placeMarks, placeTextMarks, pushInline, pushTextInline, type PlacedMark } from '../marks.js';
import { BATCH, cachedLookup, sourceHash } from '../v2/write.js';
import { TarjomanError } from '../../model/located-error.js';
import { escapeAttr, escapeText, firstInvalidXmlChar, plainXmlText } from '../xml-escape.js';

export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';

export interface Xliff12Options {
  toolVersion: string;
  glossary?: GlossaryLookup;
  /**
   * `omegat`: one trans-unit per sentence, grouped per paragraph, each target a copy of its source,
   * because OmegaT 3.6 translates only `<target>` text and ignores `seg-source`.
   */
  kit?: 'plain' | 'omegat';
}

const DATATYPE: Record<Document['format'], string> = { text: 'plaintext', markdown: 'x-markdown', html: 'html', i18next: 'x-i18next-json' };

/** 1.2 `state` and `approved` for a model state; Translate Toolkit counts only approved units as done. */
export function state12(state: SegmentState): { state: string; approved: boolean } {
  switch (state) {
    case 'initial':
      return { state: 'needs-translation', approved: false };
    case 'translated':
      return { state: 'translated', approved: false };
    case 'reviewed':
      return { state: 'signed-off', approved: true };
    case 'final':
      return { state: 'final', approved: true };
  }
}

/**
 * The 1.2 schema allows different `ctype` values on delimiters (`g`, `bx`, `it`: bold, italic,
 * underlined, link) and on placeholders (`x`: image, pb, lb); anything else is a user value `x-…`.
 */
function ctypeOf(code: Parameters<typeof codeType>[0], element: 'delimiter' | 'placeholder'): string {
  const { type, subType } = codeType(code);
  if (element === 'placeholder') {
    if (subType === 'xlf:lb') return 'lb';
    if (type === 'image') return 'image';
  } else {
    if (subType === 'xlf:b') return 'bold';
    if (subType === 'xlf:i') return 'italic';
    if (subType === 'xlf:u') return 'underlined';
    if (type === 'link') return 'link';
  }
  return `x-${code.tag.toLowerCase().replace(/[^a-z0-9-]/gu, '') || 'code'}`;
}

/** XLIFF 1.2 has no `<cp>`: a character XML cannot hold is refused rather than silently lost. */
function text12(unitId: string, path: string): (text: string) => string {
  return (text) => {
    if (plainXmlText(text)) return text;
    const bad = firstInvalidXmlChar(text);
    if (bad !== undefined) {
      const code = `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      throw new TarjomanError('xliff:invalidCharIn12', { code }, { file: path, unitId });
    }
    return escapeText(text);
  };
}

/*
 * As in the XLIFF 2 writer, output is gathered as flat pieces per batch of units and joined once
 * (see `Out` there), and pieces that recur through a file are made once.
 */
type Out = string[];

/** What stays the same across the units of one file. */
interface FileWriter {
  document: Document;
  glossary: GlossaryLookup | undefined;
  /** note elements by concept, then matched text (see `termNoteLines`) */
  messages: Map<string, Map<string, string[]>>;
  /** `<mrk mtype="seg">` start tags by segment id */
  segStarts: Map<string, string>;
  /** `<context>` elements of values from small sets, by type and value */
  contexts: Map<string, Map<string, string>>;
  /** `<target>` start tags with their line break, by indent and state */
  targetStarts: Map<string, string>;
}

/**
 * Inline content as XLIFF 1.2: `g` for pairs that nest, `bx`/`ex` for split pairs, `x` for standalone codes.
 * `isolated`: a pair split between two trans-units (the OmegaT kit) is written as `it` elements,
 * because `bx`/`ex` must find each other within one trans-unit.
 */
function pushInline12(out: Out, content: Content, marks: PlacedMark[], escape: (text: string) => string, isolated = false): void {
  const usable = marks.filter((m) => !m.split);
  if (usable.length === 0 && textOnly(content)) {
    // Most runs are plain sentences: nothing to pair or mark.
    for (const item of content) if (item.type === 'text' && item.text !== '') out.push(escape(item.text));
    return;
  }
  const paired = pairedIndexes(content);
  // crossed pairs whose both halves are here stay bx/ex; only a half whose partner is elsewhere is isolated
  const halves = new Map<string, number>();
  for (const item of content) if (item.type === 'code' && item.kind !== 'standalone') halves.set(item.id, (halves.get(item.id) ?? 0) + 1);
  pushInline(out, content, usable, {
    text: escape,
    markStart: termStart12,
    markEnd: termEnd12,
    code(index) {
      const code = content[index]!;
      if (code.type !== 'code') return '';
      const equiv = code.equiv ? ` equiv-text="${escapeAttr(code.equiv)}"` : '';
      const perms = code.canDelete === false ? ' clone="no"' : '';
      const id = escapeAttr(code.id);
      if (code.kind === 'standalone') return `<x id="${id}" ctype="${ctypeOf(code, 'placeholder')}"${equiv}/>`;
      const ctype = ctypeOf(code, 'delimiter');
      if (paired.has(index)) return code.kind === 'open' ? `<g id="${id}" ctype="${ctype}"${perms}>` : '</g>';
      if (isolated && halves.get(code.id) === 1) return `<it id="${id}" pos="${code.kind}" ctype="${ctype}"${equiv}>${escape(code.data)}</it>`;
      return code.kind === 'open' ? `<bx id="${id}b" rid="${id}" ctype="${ctype}"${equiv}/>` : `<ex id="${id}e" rid="${id}"${equiv}/>`;
    },
  });
}

function cachedContext(w: FileWriter, type: string, value: string): string {
  let byValue = w.contexts.get(type);
  if (byValue === undefined) {
    byValue = new Map();
    w.contexts.set(type, byValue);
  }
  let xml = byValue.get(value);
  if (xml === undefined) {
    xml = `<context context-type="${type}">${escapeText(value)}</context>`;
    byValue.set(value, xml);
  }
  return xml;
}

function pushContext(out: Out, type: string, value: number | undefined): void {
  if (value !== undefined) out.push(`<context context-type="${type}">`, escapeText(String(value)), '</context>');
}

/** The unit's context group, on its own line after `nl` (a line break and the indent). */
function pushContextGroup(out: Out, unit: Unit, w: FileWriter, nl: string): void {
  const c = unit.context;
  // context-group names are unique per file in 1.2, so each carries its unit's id
  out.push(nl, '<context-group name="', escapeAttr(`tarjoman-${unit.id}`), '" purpose="information">', cachedContext(w, 'x-kind', unit.kind));
  pushContext(out, 'x-level', c.level);
  if (c.element !== undefined) out.push(cachedContext(w, 'element', c.element));
  pushContext(out, 'linenumber', c.line);
  pushContext(out, 'x-column', c.column);
  out.push('<context context-type="x-source-sha256">', sourceHash(unit), '</context></context-group>');
}

/**
 * Note elements already made in this file, by concept and matched text: the same term recurs
 * through an article, and formatting its messages each time costs more than writing the unit.
 * Needs the lookup to give the same entry for a concept throughout the file (`cachedLookup`).
 */
function termNoteLines(glossary: GlossaryLookup | undefined, conceptId: string, term: string): string[] {
  const entry = glossary?.(conceptId);
  const translations = entry?.translations.join(' | ') ?? '';
  const lines = [`<note from="tarjoman-glossary" annotates="source">${escapeText(t('xliff:termNote', { term, translations, entry: conceptId }))}</note>`];
  for (const forbidden of entry?.forbidden ?? [])
    lines.push(`<note from="tarjoman-glossary" annotates="source" priority="2">${escapeText(t('xliff:forbiddenTerm', { term, forbidden }))}</note>`);
  return lines;
}

/** A note per distinct term of the segments, each on its own line after `nl`. */
function pushTermNotes(out: Out, segs: readonly Segment[], w: FileWriter, nl: string): void {
  // A unit has a handful of hits: a list finds repeats sooner than a set of joined keys is built.
  const seen: TermMatch[] = [];
  for (const segment of segs) {
    const matches = segment.matches;
    if (matches === undefined) continue;
    for (const match of matches) {
      if (seen.some((m) => m.conceptId === match.conceptId && m.text === match.text)) continue;
      seen.push(match);
      let byText = w.messages.get(match.conceptId);
      if (byText === undefined) {
        byText = new Map();
        w.messages.set(match.conceptId, byText);
      }
      let lines = byText.get(match.text);
      if (lines === undefined) {
        lines = termNoteLines(w.glossary, match.conceptId, match.text);
        byText.set(match.text, lines);
      }
      for (const line of lines) out.push(nl, line);
    }
  }
}

function segmentMarks(segment: Segment): PlacedMark[] {
  return placeMarks(
    segment.source,
    (segment.matches ?? []).map((m, i) => ({ id: `t${i + 1}`, start: m.start, end: m.end })),
  );
}

function segStart(w: FileWriter, id: string): string {
  let xml = w.segStarts.get(id);
  if (xml === undefined) {
    xml = `<mrk mtype="seg" mid="${escapeAttr(id)}">`;
    w.segStarts.set(id, xml);
  }
  return xml;
}

/** `<target state="…" xml:lang="…">` after its line break and indent. */
function targetStart(w: FileWriter, nl: string, state: string): string {
  const key = `${nl}\u0000${state}`;
  let xml = w.targetStarts.get(key);
  if (xml === undefined) {
    const lang = w.document.targetLang;
    xml = `${nl}<target state="${state}"${lang ? ` xml:lang="${escapeAttr(lang)}"` : ''}>`;
    w.targetStarts.set(key, xml);
  }
  return xml;
}

/** A trans-unit start tag up to the end of its attributes. */
function pushTransUnitStart(out: Out, nl: string, id: string, translate: boolean, approved: boolean, resname: string | undefined): void {
  out.push(nl, '<trans-unit id="', escapeAttr(id));
  if (!translate) out.push('" translate="no');
  if (approved) out.push('" approved="yes');
  if (resname) out.push('" resname="', escapeAttr(resname));
  out.push('" xml:space="preserve">');
}

const UNIT = '\n      ';
const UNIT_CHILD = '\n        ';

/** One trans-unit per unit, sentences as `<mrk mtype="seg">` in `seg-source` and `target`. */
function pushUnitPlain(out: Out, unit: Unit, w: FileWriter): void {
  const esc = text12(unit.id, w.document.path);
  const segs = segmentsOf(unit);
  const hasTarget = segs.some((s) => s.target !== undefined);
  const lowest = segs.reduce<SegmentState>((low, s) => (order(s.state) < order(low) ? s.state : low), 'final');
  const { state, approved } = state12(hasTarget ? lowest : 'initial');
  pushTransUnitStart(out, UNIT, unit.id, unit.translate, approved, unit.context.key);
  out.push(UNIT_CHILD, '<source>');
  pushInline12(out, unit.parts.flatMap((p) => p.source), [], esc);
  out.push('</source>', UNIT_CHILD, '<seg-source>');
  for (const p of unit.parts) {
    if (p.kind !== 'segment') {
      pushInline12(out, p.source, [], esc);
      continue;
    }
    out.push(segStart(w, p.id));
    pushInline12(out, p.source, segmentMarks(p), esc);
    out.push('</mrk>');
  }
  out.push('</seg-source>');
  if (hasTarget) {
    out.push(targetStart(w, UNIT_CHILD, state));
    for (const p of unit.parts) {
      if (p.kind !== 'segment') {
        pushInline12(out, p.source, [], esc);
        continue;
      }
      out.push(segStart(w, p.id));
      pushInline12(out, p.target ?? p.source, [], esc);
      out.push('</mrk>');
    }
    out.push('</target>');
  }
  pushContextGroup(out, unit, w, UNIT_CHILD);
  pushTermNotes(out, segs, w, UNIT_CHILD);
  out.push(UNIT, '</trans-unit>');
}

/** Escaped text runs of content without codes, as `pushInline12` writes them. */
function plainRuns12(content: Content, escape: (text: string) => string): string {
  // One run (nearly always) is its escaped text as it is, which for clean text is the run itself.
  if (content.length === 1) {
    const only = content[0]!;
    return only.type === 'text' && only.text !== '' ? escape(only.text) : '';
  }
  let out = '';
  for (const item of content) if (item.type === 'text' && item.text !== '') out += escape(item.text);
  return out;
}

const termStart12 = () => '<mrk mtype="term">';
const termEnd12 = () => '</mrk>';

/**
 * `pushUnitPlain` for a unit without codes, the shape of nearly every unit of prose: each part's
 * source is escaped once and reused in `source`, `seg-source` and `target`, in the order
 * `pushUnitPlain` escapes them so the same invalid character is the one reported.
 */
function pushTextUnitPlain(out: Out, unit: Unit, w: FileWriter): void {
  const esc = text12(unit.id, w.document.path);
  const parts = unit.parts;
  const segs: Segment[] = [];
  let hasTarget = false;
  let lowest: SegmentState = 'final';
  const sources: string[] = [];
  for (const part of parts) {
    sources.push(plainRuns12(part.source, esc));
    if (part.kind !== 'segment') continue;
    segs.push(part);
    if (part.target !== undefined) hasTarget = true;
    if (order(part.state) < order(lowest)) lowest = part.state;
  }
  const { state, approved } = state12(hasTarget ? lowest : 'initial');
  pushTransUnitStart(out, UNIT, unit.id, unit.translate, approved, unit.context.key);
  out.push(UNIT_CHILD, '<source>');
  for (const source of sources) if (source !== '') out.push(source);
  out.push('</source>', UNIT_CHILD, '<seg-source>');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind !== 'segment') {
      if (sources[i] !== '') out.push(sources[i]!);
      continue;
    }
    out.push(segStart(w, part.id));
    const matches = part.matches;
    const placed = matches?.length ? placeTextMarks(matches) : undefined;
    if (placed === undefined || placed.length === 0) {
      if (sources[i] !== '') out.push(sources[i]!);
    } else if (part.source.length === 1 && part.source[0]!.type === 'text') pushTextInline(out, part.source[0]!.text, matches!, placed, esc, termStart12, termEnd12);
    else pushInline12(out, part.source, segmentMarks(part), esc);
    out.push('</mrk>');
  }
  out.push('</seg-source>');
  if (hasTarget) {
    out.push(targetStart(w, UNIT_CHILD, state));
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part.kind !== 'segment') out.push(sources[i]!);
      else out.push(segStart(w, part.id), part.target ? plainRuns12(part.target, esc) : sources[i]!, '</mrk>');
    }
    out.push('</target>');
  }
  pushContextGroup(out, unit, w, UNIT_CHILD);
  pushTermNotes(out, segs, w, UNIT_CHILD);
  out.push(UNIT, '</trans-unit>');
}

/** The OmegaT kit: a group per unit and a trans-unit per sentence whose target starts as a copy of the source. */
function pushUnitOmegat(out: Out, unit: Unit, w: FileWriter): void {
  const esc = text12(unit.id, w.document.path);
  out.push(UNIT, '<group id="', escapeAttr(unit.id), unit.translate ? '">' : '" translate="no">');
  pushContextGroup(out, unit, w, UNIT_CHILD);
  for (const segment of segmentsOf(unit)) {
    const target = segment.target ?? segment.source;
    const { state, approved } = state12(segment.target ? segment.state : 'initial');
    pushTransUnitStart(out, UNIT_CHILD, `${unit.id}_${segment.id}`, unit.translate, approved, undefined);
    out.push('\n          <source>');
    pushInline12(out, segment.source, segmentMarks(segment), esc, true);
    out.push('</source>', targetStart(w, '\n          ', state));
    pushInline12(out, target, [], esc, true);
    out.push('</target>');
    pushTermNotes(out, [segment], w, '\n          ');
    out.push(UNIT_CHILD, '</trans-unit>');
  }
  out.push(UNIT, '</group>');
}

function order(state: SegmentState): number {
  return ['initial', 'translated', 'reviewed', 'final'].indexOf(state);
}

/** One XLIFF 1.2 file for one document. Deterministic: the same document gives the same bytes. */
export function writeXliff12(document: Document, options: Xliff12Options): string {
  const kit = options.kit ?? 'plain';
  const chunks = [
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<xliff version="1.2" xmlns="${XLIFF12_NS}">\n` +
      `  <file original="${escapeAttr(document.path)}" source-language="${escapeAttr(document.sourceLang)}"${document.targetLang ? ` target-language="${escapeAttr(document.targetLang)}"` : ''} datatype="${DATATYPE[document.format]}" tool-id="tarjoman">\n` +
      '    <header>\n' +
      // The original document is what merge rebuilds from: its path and sha256 travel as the skeleton reference.
      `      <skl><external-file href="${escapeAttr(document.path)}" crc="${document.sha256}"/></skl>\n` +
      `      <tool tool-id="tarjoman" tool-name="tarjoman" tool-version="${escapeAttr(options.toolVersion)}"/>\n` +
      '    </header>\n' +
      '    <body>',
  ];
  const w: FileWriter = { document, glossary: cachedLookup(options.glossary), messages: new Map(), segStarts: new Map(), contexts: new Map(), targetStarts: new Map() };
  // In batches, as the XLIFF 2 writer does (see BATCH there).
  let out: Out = [];
  let count = 0;
  for (const unit of document.units) {
    if (kit === 'omegat') pushUnitOmegat(out, unit, w);
    else if (textOnlyUnit(unit)) pushTextUnitPlain(out, unit, w);
    else pushUnitPlain(out, unit, w);
    if (++count === BATCH) {
      chunks.push(out.join(''));
      out = [];
      count = 0;
    }
  }
  chunks.push(out.join(''), '\n    </body>\n  </file>\n</xliff>\n');
  return chunks.join('');
}

/**
 * One unit as `writeXliff12` writes it in the plain kit, for a file without other units.
 * `general` takes the path for units with codes even when the unit has none, so the two paths
 * can be compared.
 */
export function unitXml12(unit: Unit, document: Document, options: Xliff12Options, general = false): string {
  const w: FileWriter = { document, glossary: cachedLookup(options.glossary), messages: new Map(), segStarts: new Map(), contexts: new Map(), targetStarts: new Map() };
  const out: Out = [];
  if (general || !textOnlyUnit(unit)) pushUnitPlain(out, unit, w);
  else pushTextUnitPlain(out, unit, w);
  return out.join('').slice(1);
}
