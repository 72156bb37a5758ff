import { t } from '../../i18n/index.js';
import { segments as segmentsOf } from '../../model/content.js';
import type { Content, Document, Segment, SegmentState, Unit } from '../../model/schema.js';
import { codeType, pairedIndexes, textOnly, textOnlyUnit } from '../codes.js';
import type { GlossaryLookup } from '../glossary-lookup.js';
import { placeMarks, placeTextMarks, writeInline, writeTextInline, type PlacedMark } from '../marks.js';
import { BATCH, cachedLookup, sourceHash } from '../v2/write.js';
import { TarjomanError } from '../../model/located-error.js';
import { escapeAttr, escapeText, firstInvalidXmlChar } from '../xml-escape.js';

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
    const bad = firstInvalidXmlChar(text);
    if (bad !== undefined) {
      const code = `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      throw new TarjomanError('xliff:invalidCharIn12', { code }, { file: path, unitId });
    }
    return escapeText(text);
  };
}

/** Inline content as XLIFF 1.2: `g` for pairs that nest, `bx`/`ex` for split pairs, `x` for standalone codes. */
/**
 * `isolated`: a pair split between two trans-units (the OmegaT kit) is written as `it` elements,
 * because `bx`/`ex` must find each other within one trans-unit.
 */
function inline12(content: Content, marks: PlacedMark[], escape: (text: string) => string, isolated = false): string {
  const usable = marks.filter((m) => !m.split);
  if (usable.length === 0 && textOnly(content)) {
    // Most runs are plain sentences: nothing to pair or mark.
    let out = '';
    for (const item of content) if (item.type === 'text' && item.text !== '') out += escape(item.text);
    return out;
  }
  const paired = pairedIndexes(content);
  // crossed pairs whose both halves are here stay bx/ex; only a half whose partner is elsewhere is isolated
  const halves = new Map<string, number>();
  for (const item of content) if (item.type === 'code' && item.kind !== 'standalone') halves.set(item.id, (halves.get(item.id) ?? 0) + 1);
  return writeInline(content, usable, {
    text: escape,
    markStart: () => '<mrk mtype="term">',
    markEnd: () => '</mrk>',
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

function contextGroup(unit: Unit, indent: string): string {
  const c = unit.context;
  const items: [string, string | number | undefined][] = [
    ['x-kind', unit.kind],
    ['x-level', c.level],
    ['element', c.element],
    ['linenumber', c.line],
    ['x-column', c.column],
    ['x-source-sha256', sourceHash(unit)],
  ];
  let contexts = '';
  for (const [type, v] of items) if (v !== undefined) contexts += `<context context-type="${type}">${escapeText(String(v))}</context>`;
  // context-group names are unique per file in 1.2, so each carries its unit's id
  return `${indent}<context-group name="${escapeAttr(`tarjoman-${unit.id}`)}" purpose="information">${contexts}</context-group>`;
}

/**
 * Note elements already made in this file, by concept and matched text: the same term recurs
 * through an article, and formatting its messages each time costs more than writing the unit.
 * Needs the lookup to give the same entry for a concept throughout the file (`cachedLookup`).
 */
type Messages = Map<string, string[]>;

function termNoteLines(glossary: GlossaryLookup | undefined, conceptId: string, term: string): string[] {
  const entry = glossary?.(conceptId);
  const translations = entry?.translations.join(' | ') ?? '';
  const lines = [`<note from="tarjoman-glossary" annotates="source">${escapeText(t('xliff:termNote', { term, translations, entry: conceptId }))}</note>`];
  for (const forbidden of entry?.forbidden ?? [])
    lines.push(`<note from="tarjoman-glossary" annotates="source" priority="2">${escapeText(t('xliff:forbiddenTerm', { term, forbidden }))}</note>`);
  return lines;
}

function termNotes(segs: Segment[], glossary: GlossaryLookup | undefined, indent: string, messages: Messages): string[] {
  const notes: string[] = [];
  let seen: Set<string> | undefined;
  for (const segment of segs)
    for (const match of segment.matches ?? []) {
      const key = `${match.conceptId}\u0000${match.text}`;
      if (seen?.has(key)) continue;
      (seen ??= new Set()).add(key);
      let lines = messages.get(key);
      if (lines === undefined) {
        lines = termNoteLines(glossary, match.conceptId, match.text);
        messages.set(key, lines);
      }
      for (const line of lines) notes.push(indent + line);
    }
  return notes;
}

function segmentMarks(segment: Segment): PlacedMark[] {
  return placeMarks(
    segment.source,
    (segment.matches ?? []).map((m, i) => ({ id: `t${i + 1}`, start: m.start, end: m.end })),
  );
}

function targetLangAttr(lang: string | undefined): string {
  return lang ? ` xml:lang="${escapeAttr(lang)}"` : '';
}

/** One trans-unit per unit, sentences as `<mrk mtype="seg">` in `seg-source` and `target`. */
function unitPlain(unit: Unit, document: Document, options: Xliff12Options, indent: string, messages: Messages): string {
  const esc = text12(unit.id, document.path);
  const segs = segmentsOf(unit);
  const hasTarget = segs.some((s) => s.target !== undefined);
  const lowest = segs.reduce<SegmentState>((low, s) => (order(s.state) < order(low) ? s.state : low), 'final');
  const { state, approved } = state12(hasTarget ? lowest : 'initial');
  const lines = [
    `${indent}<trans-unit id="${escapeAttr(unit.id)}"${unit.translate ? '' : ' translate="no"'}${approved ? ' approved="yes"' : ''}${unit.context.key ? ` resname="${escapeAttr(unit.context.key)}"` : ''} xml:space="preserve">`,
    `${indent}  <source>${inline12(unit.parts.flatMap((p) => p.source), [], esc)}</source>`,
  ];
  const segSource = unit.parts
    .map((p) => (p.kind === 'segment' ? `<mrk mtype="seg" mid="${escapeAttr(p.id)}">${inline12(p.source, segmentMarks(p), esc)}</mrk>` : inline12(p.source, [], esc)))
    .join('');
  lines.push(`${indent}  <seg-source>${segSource}</seg-source>`);
  if (hasTarget) {
    const target = unit.parts
      .map((p) => (p.kind === 'segment' ? `<mrk mtype="seg" mid="${escapeAttr(p.id)}">${inline12(p.target ?? p.source, [], esc)}</mrk>` : inline12(p.source, [], esc)))
      .join('');
    lines.push(`${indent}  <target state="${state}"${targetLangAttr(document.targetLang)}>${target}</target>`);
  }
  lines.push(contextGroup(unit, `${indent}  `));
  lines.push(...termNotes(segs, options.glossary, `${indent}  `, messages));
  lines.push(`${indent}</trans-unit>`);
  return lines.join('\n');
}

/** Escaped text runs of content without codes, as `inline12` writes them. */
function plainRuns12(content: Content, escape: (text: string) => string): string {
  let out = '';
  for (const item of content) if (item.type === 'text' && item.text !== '') out += escape(item.text);
  return out;
}

const termStart12 = () => '<mrk mtype="term">';
const termEnd12 = () => '</mrk>';

/**
 * `unitPlain` for a unit without codes, the shape of nearly every unit of prose: each part's
 * source is escaped once and reused in `source`, `seg-source` and `target`, in the order
 * `unitPlain` escapes them so the same invalid character is the one reported.
 */
function textUnitPlain(unit: Unit, document: Document, options: Xliff12Options, indent: string, messages: Messages): string {
  const esc = text12(unit.id, document.path);
  const segs: Segment[] = [];
  let hasTarget = false;
  let lowest: SegmentState = 'final';
  const sources: string[] = [];
  let source = '';
  for (const part of unit.parts) {
    const escaped = plainRuns12(part.source, esc);
    sources.push(escaped);
    source += escaped;
    if (part.kind !== 'segment') continue;
    segs.push(part);
    if (part.target !== undefined) hasTarget = true;
    if (order(part.state) < order(lowest)) lowest = part.state;
  }
  let segSource = '';
  unit.parts.forEach((part, i) => {
    if (part.kind !== 'segment') {
      segSource += sources[i];
      return;
    }
    let marked = sources[i]!;
    const matches = part.matches;
    if (matches?.length) {
      const placed = placeTextMarks(matches);
      if (placed.length === 0) {
        // nothing to mark: the escaped source as it is
      } else if (part.source.length === 1 && part.source[0]!.type === 'text') marked = writeTextInline(part.source[0]!.text, matches, placed, esc, termStart12, termEnd12);
      else marked = inline12(part.source, segmentMarks(part), esc);
    }
    segSource += `<mrk mtype="seg" mid="${escapeAttr(part.id)}">${marked}</mrk>`;
  });
  const { state, approved } = state12(hasTarget ? lowest : 'initial');
  const lines = [
    `${indent}<trans-unit id="${escapeAttr(unit.id)}"${unit.translate ? '' : ' translate="no"'}${approved ? ' approved="yes"' : ''}${unit.context.key ? ` resname="${escapeAttr(unit.context.key)}"` : ''} xml:space="preserve">`,
    `${indent}  <source>${source}</source>`,
    `${indent}  <seg-source>${segSource}</seg-source>`,
  ];
  if (hasTarget) {
    let target = '';
    unit.parts.forEach((part, i) => {
      target += part.kind === 'segment' && part.target ? `<mrk mtype="seg" mid="${escapeAttr(part.id)}">${plainRuns12(part.target, esc)}</mrk>` : part.kind === 'segment' ? `<mrk mtype="seg" mid="${escapeAttr(part.id)}">${sources[i]}</mrk>` : sources[i];
    });
    lines.push(`${indent}  <target state="${state}"${targetLangAttr(document.targetLang)}>${target}</target>`);
  }
  lines.push(contextGroup(unit, `${indent}  `));
  for (const note of termNotes(segs, options.glossary, `${indent}  `, messages)) lines.push(note);
  lines.push(`${indent}</trans-unit>`);
  return lines.join('\n');
}

/** The OmegaT kit: a group per unit and a trans-unit per sentence whose target starts as a copy of the source. */
function unitOmegat(unit: Unit, document: Document, options: Xliff12Options, indent: string, messages: Messages): string {
  const esc = text12(unit.id, document.path);
  const lines = [`${indent}<group id="${escapeAttr(unit.id)}"${unit.translate ? '' : ' translate="no"'}>`];
  lines.push(contextGroup(unit, `${indent}  `));
  for (const segment of segmentsOf(unit)) {
    const target = segment.target ?? segment.source;
    const { state, approved } = state12(segment.target ? segment.state : 'initial');
    lines.push(
      `${indent}  <trans-unit id="${escapeAttr(`${unit.id}_${segment.id}`)}"${unit.translate ? '' : ' translate="no"'}${approved ? ' approved="yes"' : ''} xml:space="preserve">`,
      `${indent}    <source>${inline12(segment.source, segmentMarks(segment), esc, true)}</source>`,
      `${indent}    <target state="${state}"${targetLangAttr(document.targetLang)}>${inline12(target, [], esc, true)}</target>`,
      ...termNotes([segment], options.glossary, `${indent}    `, messages),
      `${indent}  </trans-unit>`,
    );
  }
  lines.push(`${indent}</group>`);
  return lines.join('\n');
}

function order(state: SegmentState): number {
  return ['initial', 'translated', 'reviewed', 'final'].indexOf(state);
}

/** One XLIFF 1.2 file for one document. Deterministic: the same document gives the same bytes. */
export function writeXliff12(document: Document, options: Xliff12Options): string {
  const kit = options.kit ?? 'plain';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff version="1.2" xmlns="${XLIFF12_NS}">`,
    `  <file original="${escapeAttr(document.path)}" source-language="${escapeAttr(document.sourceLang)}"${document.targetLang ? ` target-language="${escapeAttr(document.targetLang)}"` : ''} datatype="${DATATYPE[document.format]}" tool-id="tarjoman">`,
    '    <header>',
    // The original document is what merge rebuilds from: its path and sha256 travel as the skeleton reference.
    `      <skl><external-file href="${escapeAttr(document.path)}" crc="${document.sha256}"/></skl>`,
    `      <tool tool-id="tarjoman" tool-name="tarjoman" tool-version="${escapeAttr(options.toolVersion)}"/>`,
    '    </header>',
    '    <body>',
  ];
  const lookup = cachedLookup(options.glossary);
  const opts: Xliff12Options = { ...options, ...(lookup ? { glossary: lookup } : {}) };
  const messages: Messages = new Map();
  // In batches, as the XLIFF 2 writer does (see BATCH there).
  let batch: string[] = [];
  for (const unit of document.units) {
    batch.push(
      kit === 'omegat'
        ? unitOmegat(unit, document, opts, '      ', messages)
        : textOnlyUnit(unit)
          ? textUnitPlain(unit, document, opts, '      ', messages)
          : unitPlain(unit, document, opts, '      ', messages),
    );
    if (batch.length === BATCH) {
      lines.push(batch.join('\n'));
      batch = [];
    }
  }
  if (batch.length) lines.push(batch.join('\n'));
  lines.push('    </body>', '  </file>', '</xliff>', '');
  return lines.join('\n');
}
