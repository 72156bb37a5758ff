import { codeRole, ContentCollector, spaceOf, translateOf, TRANSPARENT, type InlineRole, type RawContent, type RawDocument, type RawFile, type RawPart2, type RawSink, type RawUnit2, type Space } from './raw.js';
import { xmlAttr, type Pos, type XmlHandler, type XmlStart } from './xml.js';

const SPACE_ATTR = xmlAttr('space');

export const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
export const GLS_NS = 'urn:oasis:names:tc:xliff:glossary:2.0';

type Frame =
  | { k: 'xliff' | 'group' | 'notes' | 'originalData' | 'skip' | 'glossary'; space: Space; translate: boolean }
  | { k: 'file'; file: RawFile; space: Space; translate: boolean }
  | { k: 'unit'; unit: RawUnit2; space: Space; translate: boolean }
  | { k: 'part'; part: RawPart2; space: Space; translate: boolean }
  | { k: 'note'; note: { category?: string; text: string }; space: Space; translate: boolean }
  | { k: 'data'; data: { text: string }; space: Space; translate: boolean }
  | { k: 'metadata'; owner: Record<string, string>; tarjoman: boolean; space: Space; translate: boolean }
  | { k: 'meta'; owner: Record<string, string>; type?: string; text: string; tarjoman: boolean; space: Space; translate: boolean };

function codePoint(hex: string | undefined): string {
  const n = hex && /^[0-9a-fA-F]{1,6}$/u.test(hex) ? parseInt(hex, 16) : NaN;
  return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}

/** What each XLIFF 2 inline element stands for; term and other marks, and unknown elements, are see-through. */
export function inlineRole2(ns: string): (e: XmlStart) => InlineRole {
  const mark = (closing: boolean, wraps: boolean, id: string | undefined, type: string | undefined): InlineRole => {
    const role: InlineRole = { role: 'mark', closing };
    if (wraps) role.wraps = true;
    if (id !== undefined) role.id = id;
    if (type !== undefined) role.type = type;
    return role;
  };
  return (e) => {
    if (e.ns !== ns) return TRANSPARENT;
    const a = e.attrs;
    switch (e.local) {
      case 'cp':
        return { role: 'char', text: codePoint(a.hex) };
      case 'ph':
        return codeRole('standalone', a.id, false, false);
      case 'pc':
        return codeRole('open', a.id, true, false);
      case 'sc':
        return codeRole('open', a.id, false, false);
      case 'ec':
        return codeRole('close', a.startRef ?? a.id, false, false);
      case 'mrk':
        return mark(false, true, a.id, a.type);
      case 'sm':
        return mark(false, false, a.id, a.type);
      case 'em':
        return mark(true, false, a.startRef, undefined);
      default:
        return TRANSPARENT;
    }
  };
}

/** Streams an XLIFF 2.x document into raw files and units. */
export class V2Parser implements XmlHandler {
  private readonly stack: Frame[] = [];
  private active: { collector: ContentCollector; content: RawContent; part: RawPart2; side: 'source' | 'target' } | undefined;
  private file: RawFile | undefined;
  private readonly classify: (e: XmlStart) => InlineRole;

  constructor(
    private readonly ns: string,
    private readonly doc: RawDocument,
    private readonly sink: RawSink,
  ) {
    this.classify = inlineRole2(ns);
  }

  start(e: XmlStart): void {
    if (this.active) {
      this.active.collector.start(e);
      return;
    }
    const parent = this.stack[this.stack.length - 1];
    const space = spaceOf(e.attrs, SPACE_ATTR, parent);
    const translate = translateOf(e.attrs, parent);
    const mine = e.ns === this.ns;

    if (!parent) {
      this.sink.document(this.doc);
      this.stack.push({ k: 'xliff', space, translate });
      return;
    }

    switch (parent.k) {
      case 'xliff':
        if (mine && e.local === 'file') {
          const file: RawFile = { line: e.line, column: e.column, meta: {}, tools: {} };
          if (e.attrs.id !== undefined) file.id = e.attrs.id;
          if (e.attrs.original !== undefined) file.original = e.attrs.original;
          if (this.doc.srcLang !== undefined) file.srcLang = this.doc.srcLang;
          if (this.doc.trgLang !== undefined) file.trgLang = this.doc.trgLang;
          this.file = file;
          this.sink.fileStart(file);
          this.stack.push({ k: 'file', file, space, translate });
        } else this.skip(space, translate);
        return;
      case 'file':
      case 'group':
        if (mine && e.local === 'group') {
          this.sink.group2({ line: e.line, column: e.column, ...(e.attrs.id !== undefined ? { id: e.attrs.id } : {}) }, this.file!);
          this.stack.push({ k: 'group', space, translate });
        } else if (mine && e.local === 'unit') {
          const unit: RawUnit2 = { line: e.line, column: e.column, attrs: e.attrs, translate, space, meta: {}, notes: [], data: [], glossRefs: [], parts: [] };
          if (e.attrs.id !== undefined) unit.id = e.attrs.id;
          this.stack.push({ k: 'unit', unit, space, translate });
        } else if (parent.k === 'file' && e.ns === MDA_NS && e.local === 'metadata') {
          this.stack.push({ k: 'metadata', owner: parent.file.meta, tarjoman: false, space, translate });
        } else this.skip(space, translate);
        return;
      case 'unit':
        if (mine && (e.local === 'segment' || e.local === 'ignorable')) {
          const part: RawPart2 = { kind: e.local, attrs: e.attrs, line: e.line, column: e.column };
          if (e.attrs.id !== undefined) part.id = e.attrs.id;
          parent.unit.parts.push(part);
          this.stack.push({ k: 'part', part, space, translate });
        } else if (mine && e.local === 'notes') this.stack.push({ k: 'notes', space, translate });
        else if (mine && e.local === 'originalData') this.stack.push({ k: 'originalData', space, translate });
        else if (e.ns === MDA_NS && e.local === 'metadata') this.stack.push({ k: 'metadata', owner: parent.unit.meta, tarjoman: false, space, translate });
        else if (e.ns === GLS_NS && e.local === 'glossary') this.stack.push({ k: 'glossary', space, translate });
        else this.skip(space, translate);
        return;
      case 'part':
        if (mine && (e.local === 'source' || e.local === 'target')) {
          const content: RawContent = { items: [], attrs: e.attrs, space, line: e.line, column: e.column };
          this.active = { collector: new ContentCollector(this.classify), content, part: parent.part, side: e.local };
          this.stack.push({ k: 'skip', space, translate });
        } else this.skip(space, translate);
        return;
      case 'notes':
        if (mine && e.local === 'note') {
          const note: { category?: string; text: string } = { text: '' };
          if (e.attrs.category !== undefined) note.category = e.attrs.category;
          this.unit()?.notes.push(note);
          this.stack.push({ k: 'note', note, space, translate });
        } else this.skip(space, translate);
        return;
      case 'originalData':
        if (mine && e.local === 'data') {
          // built field by field rather than spread: an HTML unit holds many of these
          const data: { text: string; line: number; column: number; id?: string } = { text: '', line: e.line, column: e.column };
          if (e.attrs.id !== undefined) data.id = e.attrs.id;
          this.unit()?.data.push(data);
          this.stack.push({ k: 'data', data, space, translate });
        } else this.skip(space, translate);
        return;
      case 'data':
        if (mine && e.local === 'cp') parent.data.text += codePoint(e.attrs.hex);
        this.skip(space, translate);
        return;
      case 'metadata':
        if (e.ns === MDA_NS && e.local === 'metaGroup')
          this.stack.push({ k: 'metadata', owner: parent.owner, tarjoman: e.attrs.category === 'tarjoman', space, translate });
        else if (e.ns === MDA_NS && e.local === 'meta')
          // built whole rather than spread: a file holds several of these per unit
          this.stack.push({ k: 'meta', owner: parent.owner, type: e.attrs.type, text: '', tarjoman: parent.tarjoman, space, translate });
        else this.skip(space, translate);
        return;
      case 'glossary':
        if (e.ns === GLS_NS && e.local === 'glossEntry' && e.attrs.ref !== undefined) this.unit()?.glossRefs.push({ ref: e.attrs.ref, line: e.line, column: e.column });
        this.skip(space, translate);
        return;
      default:
        this.skip(space, translate);
    }
  }

  private skip(space: Space, translate: boolean): void {
    this.stack.push({ k: 'skip', space, translate });
  }

  private unit(): RawUnit2 | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i]!;
      if (f.k === 'unit') return f.unit;
    }
    return undefined;
  }

  end(_element: XmlStart, at: Pos): void {
    const active = this.active;
    if (active) {
      if (active.collector.depth > 0) {
        active.collector.end(at);
        return;
      }
      active.content.items = active.collector.items;
      active.part[active.side] = active.content;
      this.active = undefined;
    }
    const frame = this.stack.pop();
    if (!frame) return;
    if (frame.k === 'unit') this.sink.unit2(frame.unit, this.file!);
    else if (frame.k === 'file') {
      this.sink.fileEnd(frame.file);
      this.file = undefined;
    } else if (frame.k === 'meta' && frame.tarjoman && frame.type !== undefined) frame.owner[frame.type] = frame.text;
  }

  text(text: string): void {
    if (this.active) {
      this.active.collector.text(text);
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    if (top.k === 'note') top.note.text += text;
    else if (top.k === 'data') top.data.text += text;
    else if (top.k === 'meta') top.text += text;
  }
}
