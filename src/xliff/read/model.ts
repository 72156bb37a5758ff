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

/** Cuts 1.2 content at its `mrk mtype="seg"` elements, at whatever depth they stand. */
export function splitSegments(content: RawContent): SegChunk[] {
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
  const x = normalizeContent(a);
  const y = normalizeContent(b);
  return (
    x.length === y.length &&
    x.every((p, i) => {
      const q = y[i]!;
      if (p.type === 'text') return q.type === 'text' && q.text === p.text;
      return q.type === 'code' && q.kind === p.kind && q.id === p.id;
    })
  );
}

function toContent(items: readonly RawItem[], code: (c: RawCode) => InlineCode | undefined): Content {
  const out: Inline[] = [];
  for (const item of items) {
    if (item.t === 'text') out.push({ type: 'text', text: item.text });
    else if (item.t === 'code') {
      const c = code(item);
      if (c) out.push(c);
    }
  }
  return normalizeContent(out);
}

const withEquiv = (equiv: string | undefined) => (equiv === undefined ? {} : { equiv });

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
  const code: InlineCode = { type: 'code', kind: c.kind, id: c.id, tag: tag2(c), data: ref === undefined ? '' : (data.get(ref) ?? ''), ...withEquiv(equiv) };
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
  const code: InlineCode = { type: 'code', kind: c.kind, id: c.id, tag: tag12(c), data: c.data ?? '', ...withEquiv(c.attrs['equiv-text']) };
  // tarjoman's 1.2 writer marks a code that must not be deleted with clone="no", the nearest 1.2 has
  if (c.el === 'g' && c.attrs.clone === 'no') code.canDelete = false;
  return code;
}

const UNTYPED_CLOSE = new Set(['ex', 'ept', 'it']);
const needsTag = (item: Inline): item is InlineCode => item.type === 'code' && item.kind === 'close' && UNTYPED_CLOSE.has(item.tag);

/** A closing code written without a type (1.2 `ex`, `ept`) takes its opening code's tag. */
function harmonizeTags(parts: ReadPart[]): void {
  const all = parts.flatMap((p) => [p.source, ...(p.kind === 'segment' && p.target ? [p.target] : [])]);
  // Most units have no such closing code: then there is nothing to look up.
  if (!all.some((content) => content.some(needsTag))) return;
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

const plainLength = (content: Content) => content.reduce((n, i) => n + (i.type === 'text' ? i.text.length : 1), 0);

/**
 * A target read next to its source. An empty target of a non-empty source is no translation,
 * and a target that is a copy of its source counts as untranslated whatever state it claims:
 * OmegaT and other tools start every target as a copy of the source.
 */
function settle(source: Content, target: Content | undefined): { target?: Content; copy: boolean } {
  if (target === undefined || (target.length === 0 && plainLength(source) > 0)) return { copy: false };
  return { target, copy: sameShape(source, target) };
}

function state2(attr: string | undefined, target: Content | undefined, copy: boolean): SegmentState {
  if (target === undefined || copy) return 'initial';
  return SegmentState.safeParse(attr ?? 'initial').data ?? 'initial';
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

function contextOf(values: Record<string, string | undefined>): UnitContext {
  const context: UnitContext = {};
  const level = positiveInt(values.level);
  if (level !== undefined && level <= 6) context.level = level;
  if (values.element !== undefined) context.element = values.element;
  if (values.key !== undefined) context.key = values.key;
  const line = positiveInt(values.line);
  if (line !== undefined) context.line = line;
  const column = positiveInt(values.column);
  if (column !== undefined) context.column = column;
  return context;
}

function kindOf(value: string | undefined): UnitKind | undefined {
  return UnitKind.safeParse(value).data;
}

/** Gives parts written without an id (XLIFF 2 allows that) one that no other part of the unit has. */
function fillIds(parts: { kind: 'segment' | 'ignorable'; id?: string }[]): string[] {
  // What the general walk gives when every part has its id, without its set and counters.
  if (parts.every((p) => p.id)) return parts.map((p) => p.id!);
  const taken = new Set(parts.flatMap((p) => (p.id ? [p.id] : [])));
  const counters = { segment: 0, ignorable: 0 };
  return parts.map((p) => {
    counters[p.kind] += 1;
    if (p.id) return p.id;
    const base = `${p.kind === 'segment' ? 's' : 'i'}${counters[p.kind]}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

function missingId(element: string, at: Pos, file: string): TarjomanError {
  return new TarjomanError('xliff-check:read.missingAttribute', { element, attribute: 'id' }, { file, line: at.line, column: at.column });
}

export function readUnit2(raw: RawUnit2, path: string): ReadUnit {
  if (!raw.id) throw missingId('unit', raw, path);
  const data = new Map<string, string>();
  for (const d of raw.data) if (d.id !== undefined && !data.has(d.id)) data.set(d.id, d.text);
  const convert = (c?: RawContent) => (c ? toContent(c.items, (code) => code2(code, data)) : undefined);
  const ids = fillIds(raw.parts);
  const parts: ReadPart[] = raw.parts.map((p, i): ReadPart => {
    const source = convert(p.source) ?? [];
    const at = { line: p.line, column: p.column };
    if (p.kind === 'ignorable') return { kind: 'ignorable', id: ids[i]!, source, ...at } satisfies ReadIgnorable;
    const { target, copy } = settle(source, convert(p.target));
    return { kind: 'segment', id: ids[i]!, source, ...(target ? { target } : {}), state: state2(p.attrs.state, target, copy), ...at } satisfies ReadSegment;
  });
  const m = raw.meta;
  const unit: ReadUnit = {
    id: raw.id,
    translate: raw.translate,
    context: contextOf({ ...m, key: raw.attrs.name }),
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
  return contextOf({ level: raw['x-level'], element: raw.element, line: raw.linenumber, column: raw['x-column'], key });
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
    return { kind: 'segment', id, source, ...(target ? { target } : {}), state: state12(stateAttr, raw.approved, target, copy), line: at.line, column: at.column };
  };
  const chunks = raw.segSource ? splitSegments(raw.segSource) : [];
  let parts: ReadPart[];
  if (chunks.some((c) => c.isSegment)) {
    const targetChunks = raw.target ? splitSegments(raw.target) : [];
    const byMid = new Map<string, SegChunk>();
    for (const c of targetChunks) if (c.isSegment && c.mid !== undefined && !byMid.has(c.mid)) byMid.set(c.mid, c);
    const lone = chunks.filter((c) => c.isSegment).length === 1 && raw.target !== undefined && !targetChunks.some((c) => c.isSegment);
    const ids = fillIds(chunks.map((c) => ({ kind: c.isSegment ? 'segment' : 'ignorable', ...(c.mid !== undefined ? { id: c.mid } : {}) })));
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
