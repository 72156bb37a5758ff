import type { Pos, XmlStart } from './xml.js';

/**
 * What the version parsers hand on, one unit at a time: the file's structures as written,
 * with positions and attributes, so that both the model builder and the checker work from
 * one parse. A unit's raw form lives only until its consumers have seen it.
 */

export type Attrs = Record<string, string>;
export type Space = 'preserve' | 'default';

/** `xml:space` in force on an element: its own attribute, else its parent's. Apart from `translate`, so no object is made for the two. */
export function spaceOf(attrs: Record<string, string>, spaceAttr: string, parent: { space: Space } | undefined): Space {
  const own = attrs[spaceAttr];
  return own === 'preserve' ? 'preserve' : own === 'default' ? 'default' : (parent?.space ?? 'default');
}

/** `translate` in force on an element: its own attribute, else its parent's. */
export function translateOf(attrs: Record<string, string>, parent: { translate: boolean } | undefined): boolean {
  const own = attrs.translate;
  return own === 'no' ? false : own === 'yes' ? true : (parent?.translate ?? true);
}
export type CodeKind = 'open' | 'close' | 'standalone';

export interface RawText {
  t: 'text';
  text: string;
}

export interface RawCode extends Pos {
  t: 'code';
  /** element local name: pc, ph, sc, ec (2.x); g, x, bx, ex, bpt, ept, ph, it (1.2) */
  el: string;
  kind: CodeKind;
  /** the id that pairs and matches the code: `id`, or `startRef` of an XLIFF 2 `ec`, or `rid` of 1.2 `bx`/`ex`/`bpt`/`ept` */
  id?: string;
  attrs: Attrs;
  /** native code carried as element content (1.2 `bpt`/`ept`/`ph`/`it`) */
  data?: string;
  /** the end half of an element that wraps content (`pc`, `g`) */
  endOf?: boolean;
}

export interface RawMark extends Pos {
  t: 'mark';
  el: string;
  closing: boolean;
  id?: string;
  type?: string;
}

export type RawItem = RawText | RawCode | RawMark;

export interface RawContent extends Pos {
  items: RawItem[];
  attrs: Attrs;
  space: Space;
}

export interface RawPart2 extends Pos {
  kind: 'segment' | 'ignorable';
  id?: string;
  attrs: Attrs;
  source?: RawContent;
  target?: RawContent;
}

export interface RawData2 extends Pos {
  id?: string;
  text: string;
}

export interface RawNote {
  category?: string;
  from?: string;
  text: string;
}

export interface RawUnit2 extends Pos {
  id?: string;
  attrs: Attrs;
  translate: boolean;
  space: Space;
  /** `mda:meta` values of the unit's `tarjoman` meta groups, by type */
  meta: Record<string, string>;
  notes: RawNote[];
  data: RawData2[];
  /** `gls:glossEntry ref` values */
  glossRefs: (Pos & { ref: string })[];
  parts: RawPart2[];
}

export interface RawUnit12 extends Pos {
  el: 'trans-unit';
  id?: string;
  attrs: Attrs;
  translate: boolean;
  approved: boolean;
  space: Space;
  /** contexts of the `tarjoman-…` context groups, by context-type */
  context: Record<string, string>;
  notes: RawNote[];
  source?: RawContent;
  segSource?: RawContent;
  target?: RawContent;
}

export interface RawGroup12 extends Pos {
  el: 'group';
  id?: string;
  attrs: Attrs;
  translate: boolean;
  context: Record<string, string>;
  children: (RawUnit12 | RawGroup12)[];
}

export interface RawFile extends Pos {
  id?: string;
  original?: string;
  srcLang?: string;
  trgLang?: string;
  /** 1.2 `datatype` */
  datatype?: string;
  /** 2.x file-level `tarjoman` metadata */
  meta: Record<string, string>;
  /** 1.2 `skl/external-file@crc` */
  sklCrc?: string;
  /** 1.2 `tool` elements' versions by tool-id */
  tools: Record<string, string>;
}

export interface RawDocument extends Pos {
  version: '1.2' | '2.0' | '2.1' | '2.2';
  ns: string;
  srcLang?: string;
  trgLang?: string;
}

export interface RawSink {
  document(doc: RawDocument): void;
  fileStart(file: RawFile): void;
  fileEnd(file: RawFile): void;
  /** an XLIFF 2 group, as it starts (its ids share the units' scope) */
  group2(group: Pos & { id?: string }, file: RawFile): void;
  unit2(unit: RawUnit2, file: RawFile): void;
  /** a 1.2 trans-unit outside any group */
  unit12(unit: RawUnit12, file: RawFile): void;
  /** a top-level 1.2 group with everything inside it */
  group12(group: RawGroup12, file: RawFile): void;
}

export type InlineRole =
  | { role: 'code'; kind: CodeKind; id?: string; wraps?: boolean; hasData?: boolean }
  | { role: 'mark'; closing: boolean; id?: string; type?: string; wraps?: boolean }
  | { role: 'char'; text: string }
  | { role: 'transparent' };

/** A code role; the id is set only when there is one. Built without spreads: this runs for every inline element. */
export function codeRole(kind: CodeKind, id: string | undefined, wraps: boolean, hasData: boolean): InlineRole {
  const role: InlineRole = { role: 'code', kind };
  if (wraps) role.wraps = true;
  if (hasData) role.hasData = true;
  if (id !== undefined) role.id = id;
  return role;
}

export const TRANSPARENT: InlineRole = { role: 'transparent' };

interface CollectorFrame {
  end?: RawCode | RawMark;
  data?: RawCode;
}

/** The frame of an element that leaves nothing to do at its end; never changed, so shared. */
const PLAIN: CollectorFrame = Object.freeze({});

/** Turns the inline elements of one `source`/`target` into items; the version decides what each element is. */
export class ContentCollector {
  readonly items: RawItem[] = [];
  private readonly stack: CollectorFrame[] = [];

  constructor(private readonly classify: (element: XmlStart) => InlineRole) {}

  get depth(): number {
    return this.stack.length;
  }

  // Objects are built field by field rather than spread: this runs for every inline element of a file.
  start(e: XmlStart): void {
    const owner = this.stack[this.stack.length - 1]?.data;
    if (owner) {
      this.stack.push({ data: owner });
      return;
    }
    const role = this.classify(e);
    switch (role.role) {
      case 'char':
        this.items.push({ t: 'text', text: role.text });
        this.stack.push(PLAIN);
        return;
      case 'transparent':
        this.stack.push(PLAIN);
        return;
      case 'code': {
        const code: RawCode = { t: 'code', el: e.local, kind: role.kind, attrs: e.attrs, line: e.line, column: e.column };
        if (role.id !== undefined) code.id = role.id;
        if (role.hasData) code.data = '';
        this.items.push(code);
        if (role.wraps) {
          const end: RawCode = { t: 'code', el: code.el, kind: 'close', attrs: code.attrs, line: code.line, column: code.column, endOf: true };
          if (code.id !== undefined) end.id = code.id;
          if (code.data !== undefined) end.data = code.data;
          this.stack.push({ end });
        } else this.stack.push(role.hasData ? { data: code } : PLAIN);
        return;
      }
      case 'mark': {
        const mark: RawMark = { t: 'mark', el: e.local, closing: role.closing, line: e.line, column: e.column };
        if (role.id !== undefined) mark.id = role.id;
        if (role.type !== undefined) mark.type = role.type;
        this.items.push(mark);
        if (role.wraps) {
          const end: RawMark = { t: 'mark', el: mark.el, closing: true, line: mark.line, column: mark.column };
          if (mark.id !== undefined) end.id = mark.id;
          if (mark.type !== undefined) end.type = mark.type;
          this.stack.push({ end });
        } else this.stack.push(PLAIN);
        return;
      }
    }
  }

  /** The end half of a wrapping element, where its end tag stands. */
  end(at: Pos): void {
    const frame = this.stack.pop();
    const end = frame?.end;
    if (!end) return;
    end.line = at.line;
    end.column = at.column;
    this.items.push(end);
  }

  text(text: string): void {
    const owner = this.stack[this.stack.length - 1]?.data;
    if (owner) owner.data += text;
    else this.items.push({ t: 'text', text });
  }
}
