import { t } from '../../i18n/index.js';
import { segments as segmentsOf } from '../../model/content.js';
import type { Content, Document, Segment, SegmentState, Unit } from '../../model/schema.js';
import { codeType, pairedIndexes, textOnly } from '../codes.js';
import type { GlossaryLookup } from '../glossary-lookup.js';
import { placeMarks, writeInline, type PlacedMark } from '../marks.js';
import { sourceHash } from '../v2/write.js';
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
  const contexts = items
    .filter(([, v]) => v !== undefined)
    .map(([type, v]) => `<context context-type="${type}">${escapeText(String(v))}</context>`)
    .join('');
  // context-group names are unique per file in 1.2, so each carries its unit's id
  return `${indent}<context-group name="${escapeAttr(`tarjoman-${unit.id}`)}" purpose="information">${contexts}</context-group>`;
}

/**
 * Note texts already made in this file, by message and parameters: the same term recurs
 * through an article, and formatting its message each time costs more than writing the unit.
 */
type Messages = Map<string, string>;

function message(messages: Messages, key: string, params: Record<string, string>): string {
  const id = `${key}\u0000${JSON.stringify(params)}`;
  let text = messages.get(id);
  if (text === undefined) {
    text = t(key, params);
    messages.set(id, text);
  }
  return text;
}

function termNotes(segs: Segment[], glossary: GlossaryLookup | undefined, indent: string, messages: Messages): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const segment of segs)
    for (const match of segment.matches ?? []) {
      const entry = glossary?.(match.conceptId);
      const key = `${match.conceptId}\u0000${match.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const translations = entry?.translations.join(' | ') ?? '';
      notes.push(`${indent}<note from="tarjoman-glossary" annotates="source">${escapeText(message(messages, 'xliff:termNote', { term: match.text, translations, entry: match.conceptId }))}</note>`);
      for (const forbidden of entry?.forbidden ?? [])
        notes.push(`${indent}<note from="tarjoman-glossary" annotates="source" priority="2">${escapeText(message(messages, 'xliff:forbiddenTerm', { term: match.text, forbidden }))}</note>`);
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
  const write = kit === 'omegat' ? unitOmegat : unitPlain;
  const messages: Messages = new Map();
  for (const unit of document.units) lines.push(write(unit, document, options, '      ', messages));
  lines.push('    </body>', '  </file>', '</xliff>', '');
  return lines.join('\n');
}
