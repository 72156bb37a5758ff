import { normalizeContent } from '../../model/content.js';
import { TarjomanError } from '../../model/located-error.js';
import { FormatName, SegmentState, UnitKind, type Content, type Inline, type InlineCode, type UnitContext } from '../../model/schema.js';
import type { RawCode, RawContent, RawFile, RawGroup12, RawItem, RawUnit12, RawUnit2 } from './raw.js';
import type { ReadIgnorable, ReadPart, ReadSegment, ReadUnit, XliffFileEntry } from './types.js';
import type { Pos } from './xml.js';

/** A run of content in a 1.2 `seg-source` or `target`: one `mrk mtype="seg"`, or what lies between them. */
export interface SegChunk extends Pos {
  mid?: string;
  isSegment: boolean;
  items: RawItem[];
}

/**
 * The reader and the checker each cut the same `seg-source` and `target` of a unit, one right
 * after the other: the last two cuts are kept so that the second asks for them, not cuts again.
 * Nobody changes a cut once made. (A weak map kept every cut instead, and doubled the time spent
 * collecting garbage.)
 */
const recent: { content: RawContent | undefined; chunks: SegChunk[] }[] = [
  { content: undefined, chunks: [] },
  { content: undefined, chunks: [] },
];
let next = 0;

/** Cuts 1.2 content at its `mrk mtype="seg"` elements, at whatever depth they stand. */
export function splitSegments(content: RawContent): SegChunk[] {
  if (recent[0]!.content === content) return recent[0]!.chunks;
  if (recent[1]!.content === content) return recent[1]!.chunks;
  const chunks = cut(content);
  const slot = recent[next]!;
  slot.content = content;
  slot.chunks = chunks;
  next = 1 - next;
  return chunks;
}

/** Drops the kept cuts once a file is read, so that they keep none of its text alive. */
export function forgetCuts(): void {
  for (const slot of recent) {
    slot.content = undefined;
    slot.chunks = [];
  }
}

function cut(content: RawContent): SegChunk[] {
  const chunks: SegChunk[] = [];
  let current: SegChunk = { isSegment: false, items: [], line: content.line, column: content.column };
  for (const item of content.items) {
    if (item.t === 'mark' && item.type === 'seg') {
      if (!item.closing) {
        if (current.items.length || current.isSegment) chunks.push(current);
        current = { isSegment: true, items: [], line: item.line, column: item.column, ...(item.id !== undefined ? { mid: item.id } : {}) };
      } else if (current.isSegment) {
        chunks.push(current);
        current = { isSegment: false, items: [], line: item.line, column: item.column };
      }
      continue;
    }
    current.items.push(item);
  }
  if (current.items.length || current.isSegment) chunks.push(current);
  return chunks;
}

/** Text and the kind and id of each code: what a translator can change, data and tags aside. */
export function sameShape(a: readonly Inline[], b: readonly Inline[]): boolean {
  return sameNormalShape(normalizeContent(a), normalizeContent(b));
}

/** `sameShape` of content already normalized, as the reader's own always is. */
function sameNormalShape(x: Content, y: Content): boolean {
  return (
    x.length === y.length &&
    x.every((p, i) => {
      const q = y[i]!;
      if (p.type === 'text') return q.type === 'text' && q.text === p.text;
      return q.type === 'code' && q.kind === p.kind && q.id === p.id;
    })
  );
}

/** Content as `normalizeContent` would make it, built in one pass rather than copied again. */
function toContent(items: readonly RawItem[], code: (c: RawCode) => InlineCode | undefined): Content {
  const out: Content = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.t === 'text') {
      if (item.text === '') continue;
      const last = out[out.length - 1];
      if (last !== undefined && last.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + item.text };
      else out.push({ type: 'text', text: item.text });
    } else if (item.t === 'code') {
      const c = code(item);
      if (c) out.push(c);
    }
  }
  return out;
}


/** XLIFF 2 writes no tag, so the code's type stands in for it: `b` for `fmt`/`xlf:b`, `link`, or the element name. */
function tag2(code: RawCode): string {
  const { subType, type } = code.attrs;
  if (subType) return subType.replace(/^xlf:/u, '') || subType;
  return type || code.el;
}

function code2(c: RawCode, data: Map<string, string>): InlineCode | undefined {
  if (c.id === undefined || c.id === '') return undefined;
  const a = c.attrs;
  const ref = c.el === 'pc' ? (c.endOf ? a.dataRefEnd : a.dataRefStart) : a.dataRef;
  const equiv = c.el === 'pc' ? (c.endOf ? a.equivEnd : a.equivStart) : a.equiv;
  // `equiv` set right after the literal, where a spread would have put it: the same keys in the same order
  const code: InlineCode = { type: 'code', kind: c.kind, id: c.id, tag: tag2(c), data: ref === undefined ? '' : (data.get(ref) ?? '') };
  if (equiv !== undefined) code.equiv = equiv;
  if (a.canCopy === 'no') code.canCopy = false;
  if (a.canDelete === 'no') code.canDelete = false;
  if (a.canReorder === 'no') code.canReorder = false;
  return code;
}

function tag12(code: RawCode): string {
  const ctype = code.attrs.ctype;
  if (!ctype) return code.el;
  return ctype.startsWith('x-') && ctype.length > 2 ? ctype.slice(2) : ctype;
}

function code12(c: RawCode): InlineCode | undefined {
  if (c.id === undefined || c.id === '') return undefined;
  const code: InlineCode = { type: 'code', kind: c.kind, id: c.id, tag: tag12(c), data: c.data ?? '' };
  const equiv = c.attrs['equiv-text'];
  if (equiv !== undefined) code.equiv = equiv;
  // tarjoman's 1.2 writer marks a code that must not be deleted with clone="no", the nearest 1.2 has
  if (c.el === 'g' && c.attrs.clone === 'no') code.canDelete = false;
  return code;
}

const UNTYPED_CLOSE = new Set(['ex', 'ept', 'it']);
const needsTag = (item: Inline): item is InlineCode => item.type === 'code' && item.kind === 'close' && UNTYPED_CLOSE.has(item.tag);

/** A closing code written without a type (1.2 `ex`, `ept`) takes its opening code's tag. */
function harmonizeTags(parts: ReadPart[]): void {
  const all: Content[] = [];
  for (const p of parts) {
    all.push(p.source);
    if (p.kind === 'segment' && p.target) all.push(p.target);
  }
  // Most units have no such closing code: then there is nothing to look up.
  if (!all.some(hasUntypedClose)) return;
  const tags = new Map<string, string>();
  for (const content of all) for (const item of content) if (item.type === 'code' && item.kind === 'open' && !tags.has(item.id)) tags.set(item.id, item.tag);
  for (const content of all)
    content.forEach((item, i) => {
      if (needsTag(item)) {
        const tag = tags.get(item.id);
        if (tag) content[i] = { ...item, tag };
      }
    });
}

function hasUntypedClose(content: Content): boolean {
  for (let i = 0; i < content.length; i++) if (needsTag(content[i]!)) return true;
  return false;
}

const plainLength = (content: Content) => content.reduce((n, i) => n + (i.type === 'text' ? i.text.length : 1), 0);

/**
 * A target read next to its source. An empty target of a non-empty source is no translation,
 * and a target that is a copy of its source counts as untranslated whatever state it claims:
 * OmegaT and other tools start every target as a copy of the source.
 */
function settle(source: Content, target: Content | undefined): { target?: Content; copy: boolean } {
  if (target === undefined || (target.length === 0 && plainLength(source) > 0)) return { copy: false };
  return { target, copy: sameNormalShape(source, target) };
}

function state2(attr: string | undefined, target: Content | undefined, copy: boolean): SegmentState {
  if (target === undefined || copy) return 'initial';
  return attr !== undefined && SEGMENT_STATES.has(attr) ? (attr as SegmentState) : 'initial';
}

/**
 * 1.2 state and approval to the model's states. A target that differs from its source is at
 * least translated even when its state still says `new` or `needs-translation`: in 1.2 the
 * state is optional and tools that fill targets (OmegaT among them) leave it as it was.
 */
export function state12(attr: string | undefined, approved: boolean, target: Content | undefined, copy: boolean): SegmentState {
  if (target === undefined || copy) return 'initial';
  if (attr === 'final') return 'final';
  if (attr === 'signed-off' || approved) return 'reviewed';
  return 'translated';
}

const POSITIVE_INT = /^\s*\d+\s*$/u;

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !POSITIVE_INT.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

// The values one by one rather than as a record: a record would be a new object for every unit.
function contextOf(levelValue: string | undefined, element: string | undefined, key: string | undefined, lineValue: string | undefined, columnValue: string | undefined): UnitContext {
  const context: UnitContext = {};
  const level = positiveInt(levelValue);
  if (level !== undefined && level <= 6) context.level = level;
  if (element !== undefined) context.element = element;
  if (key !== undefined) context.key = key;
  const line = positiveInt(lineValue);
  if (line !== undefined) context.line = line;
  const column = positiveInt(columnValue);
  if (column !== undefined) context.column = column;
  return context;
}

// The schema's own values, looked up in a set: a schema parse for every unit and segment made objects for nothing.
const UNIT_KINDS: ReadonlySet<string> = new Set(UnitKind.options);
const SEGMENT_STATES: ReadonlySet<string> = new Set(SegmentState.options);

function kindOf(value: string | undefined): UnitKind | undefined {
  return value !== undefined && UNIT_KINDS.has(value) ? (value as UnitKind) : undefined;
}

/** Gives parts written without an id (XLIFF 2 allows that) one that no other part of the unit has. */
function fillIds(segment: readonly boolean[], given: readonly (string | undefined)[]): string[] {
  const out: string[] = new Array<string>(given.length);
  let missing = false;
  for (let i = 0; i < given.length; i++) {
    const id = given[i];
    if (id) out[i] = id;
    else missing = true;
  }
  if (!missing) return out;
  const taken = new Set<string>();
  for (const id of given) if (id) taken.add(id);
  let segments = 0;
  let ignorables = 0;
  for (let i = 0; i < given.length; i++) {
    const count = segment[i] ? ++segments : ++ignorables;
    if (given[i]) continue;
    const base = `${segment[i] ? 's' : 'i'}${count}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    out[i] = id;
  }
  return out;
}

function missingId(element: string, at: Pos, file: string): TarjomanError {
  return new TarjomanError('xliff-check:read.missingAttribute', { element, attribute: 'id' }, { file, line: at.line, column: at.column });
}

/** A segment as read; two literals rather than a spread, in the same key order, as this runs for every segment. */
function segmentOf(id: string, source: Content, target: Content | undefined, state: SegmentState, at: Pos): ReadSegment {
  if (target) return { kind: 'segment', id, source, target, state, line: at.line, column: at.column };
  return { kind: 'segment', id, source, state, line: at.line, column: at.column };
}

export function readUnit2(raw: RawUnit2, path: string): ReadUnit {
  if (!raw.id) throw missingId('unit', raw, path);
  const data = new Map<string, string>();
  for (const d of raw.data) if (d.id !== undefined && !data.has(d.id)) data.set(d.id, d.text);
  const convert = (c?: RawContent) => (c ? toContent(c.items, (code) => code2(code, data)) : undefined);
  const ids = fillIds(
    raw.parts.map((p) => p.kind === 'segment'),
    raw.parts.map((p) => p.id),
  );
  const parts: ReadPart[] = raw.parts.map((p, i): ReadPart => {
    const source = convert(p.source) ?? [];
    if (p.kind === 'ignorable') return { kind: 'ignorable', id: ids[i]!, source, line: p.line, column: p.column } satisfies ReadIgnorable;
    const { target, copy } = settle(source, convert(p.target));
    return segmentOf(ids[i]!, source, target, state2(p.attrs.state, target, copy), p);
  });
  const m = raw.meta;
  const unit: ReadUnit = {
    id: raw.id,
    translate: raw.translate,
    context: contextOf(m.level, m.element, raw.attrs.name, m.line, m.column),
    notes: raw.notes.filter((n) => n.category !== 'terminology').map((n) => n.text),
    parts,
    space: raw.space,
    line: raw.line,
    column: raw.column,
  };
  const kind = kindOf(m.kind);
  if (kind) unit.kind = kind;
  if (m['source-sha256']) unit.sourceSha256 = m['source-sha256'];
  return unit;
}

function context12(raw: Record<string, string>, key: string | undefined): UnitContext {
  return contextOf(raw['x-level'], raw.element, key, raw.linenumber, raw['x-column']);
}

/** Strips what lies outside a lone segment from a target written without `mrk`s, when it is the same text. */
function trimAround(target: Content, before: Content | undefined, after: Content | undefined): Content {
  const out = [...target];
  const lead = before?.length === 1 && before[0]!.type === 'text' ? before[0]!.text : '';
  const first = out[0];
  if (lead && first?.type === 'text' && first.text.startsWith(lead)) out[0] = { type: 'text', text: first.text.slice(lead.length) };
  const trail = after?.length === 1 && after[0]!.type === 'text' ? after[0]!.text : '';
  const last = out[out.length - 1];
  if (trail && last?.type === 'text' && last.text.endsWith(trail)) out[out.length - 1] = { type: 'text', text: last.text.slice(0, last.text.length - trail.length) };
  return normalizeContent(out);
}

export function readUnit12(raw: RawUnit12, path: string): ReadUnit {
  if (!raw.id) throw missingId('trans-unit', raw, path);
  const convert = (items: readonly RawItem[]) => toContent(items, code12);
  const stateAttr = raw.target?.attrs.state;
  const segment = (id: string, source: Content, rawTarget: Content | undefined, at: Pos): ReadSegment => {
    const { target, copy } = settle(source, rawTarget);
    return segmentOf(id, source, target, state12(stateAttr, raw.approved, target, copy), at);
  };
  const chunks = raw.segSource ? splitSegments(raw.segSource) : [];
  let parts: ReadPart[];
  let sourceSegments = 0;
  for (const c of chunks) if (c.isSegment) sourceSegments += 1;
  if (sourceSegments > 0) {
    const targetChunks = raw.target ? splitSegments(raw.target) : [];
    const byMid = new Map<string, SegChunk>();
    for (const c of targetChunks) if (c.isSegment && c.mid !== undefined && !byMid.has(c.mid)) byMid.set(c.mid, c);
    const lone = sourceSegments === 1 && raw.target !== undefined && byMid.size === 0 && !targetChunks.some((c) => c.isSegment);
    const ids = fillIds(
      chunks.map((c) => c.isSegment),
      chunks.map((c) => c.mid),
    );
    parts = chunks.map((c, i): ReadPart => {
      const source = convert(c.items);
      if (!c.isSegment) return { kind: 'ignorable', id: ids[i]!, source, line: c.line, column: c.column };
      let target: Content | undefined;
      if (lone) {
        const before = chunks[i - 1]?.isSegment === false ? convert(chunks[i - 1]!.items) : undefined;
        const after = chunks[i + 1]?.isSegment === false ? convert(chunks[i + 1]!.items) : undefined;
        target = trimAround(convert(raw.target!.items), before, after);
      } else {
        const t = c.mid !== undefined ? byMid.get(c.mid) : undefined;
        if (t) target = convert(t.items);
      }
      return segment(ids[i]!, source, target, c);
    });
  } else {
    const source = convert(raw.source?.items ?? []);
    parts = [segment('s1', source, raw.target ? convert(raw.target.items) : undefined, raw)];
  }
  harmonizeTags(parts);
  const unit: ReadUnit = {
    id: raw.id,
    translate: raw.translate,
    context: context12(raw.context, raw.attrs.resname),
    notes: raw.notes.filter((n) => n.from !== 'tarjoman-glossary').map((n) => n.text),
    parts,
    space: raw.space,
    line: raw.line,
    column: raw.column,
  };
  const kind = kindOf(raw.context['x-kind']);
  if (kind) unit.kind = kind;
  if (raw.context['x-source-sha256']) unit.sourceSha256 = raw.context['x-source-sha256'];
  return unit;
}

/**
 * The OmegaT kit shape: a group per unit holding one trans-unit per sentence, each id
 * `<group id>_<segment id>`. Anything else in a group is read as the trans-units it holds.
 */
export function kitMembers(group: RawGroup12): RawUnit12[] | undefined {
  const id = group.id;
  if (!id || group.children.length === 0) return undefined;
  const prefix = `${id}_`;
  const members: RawUnit12[] = [];
  for (const child of group.children) {
    if (child.el !== 'trans-unit' || !child.id?.startsWith(prefix) || child.id.length === prefix.length) return undefined;
    members.push(child);
  }
  return members;
}

function kitUnit(group: RawGroup12, path: string): ReadUnit | undefined {
  const id = group.id;
  const raw = kitMembers(group);
  if (!id || !raw) return undefined;
  const members: { unit: ReadUnit; segmentId: string }[] = [];
  for (const child of raw) {
    const unit = readUnit12(child, path);
    if (unit.parts.length !== 1) return undefined;
    members.push({ unit, segmentId: child.id!.slice(id.length + 1) });
  }
  const ctx = Object.keys(group.context).length ? group.context : group.children[0]!.el === 'trans-unit' ? group.children[0]!.context : {};
  const unit: ReadUnit = {
    id,
    translate: group.translate,
    context: context12(ctx, group.attrs.resname),
    notes: members.flatMap((m) => m.unit.notes),
    parts: members.map((m) => ({ ...m.unit.parts[0]!, id: m.segmentId })),
    space: members.every((m) => m.unit.space === 'preserve') ? 'preserve' : 'default',
    line: group.line,
    column: group.column,
  };
  harmonizeTags(unit.parts);
  const kind = kindOf(ctx['x-kind']);
  if (kind) unit.kind = kind;
  if (ctx['x-source-sha256']) unit.sourceSha256 = ctx['x-source-sha256'];
  return unit;
}

export function readGroup12(group: RawGroup12, path: string): ReadUnit[] {
  const kit = kitUnit(group, path);
  if (kit) return [kit];
  return group.children.flatMap((child) => (child.el === 'trans-unit' ? [readUnit12(child, path)] : readGroup12(child, path)));
}

const DATATYPES: Record<string, FormatName> = { plaintext: 'text', 'x-markdown': 'markdown', html: 'html', 'x-i18next-json': 'i18next' };

export function fileEntry(raw: RawFile, version: '1.2' | '2.x'): XliffFileEntry {
  const entry: XliffFileEntry = { original: raw.original ?? '', srcLang: raw.srcLang ?? '', units: [], line: raw.line, column: raw.column };
  if (raw.id !== undefined) entry.id = raw.id;
  if (raw.trgLang !== undefined) entry.trgLang = raw.trgLang;
  const format = version === '1.2' ? (raw.datatype ? DATATYPES[raw.datatype] : undefined) : FormatName.safeParse(raw.meta.format).data;
  if (format) entry.format = format;
  const sha = version === '1.2' ? raw.sklCrc : raw.meta.sha256;
  if (sha && /^[0-9a-f]{64}$/u.test(sha)) entry.sha256 = sha;
  const toolVersion = version === '1.2' ? raw.tools.tarjoman : raw.meta['tool-version'];
  if (toolVersion) entry.toolVersion = toolVersion;
  return entry;
}
