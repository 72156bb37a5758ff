import { codeRole, ContentCollector, spaceOf, translateOf, TRANSPARENT, type InlineRole, type RawContent, type RawDocument, type RawFile, type RawGroup12, type RawNote, type RawSink, type RawUnit12, type Space } from './raw.js';
import { xmlAttr, type Pos, type XmlHandler, type XmlStart } from './xml.js';

const SPACE_ATTR = xmlAttr('space');

type Frame =
  | { k: 'xliff' | 'header' | 'skl' | 'body' | 'skip'; space: Space; translate: boolean }
  | { k: 'file'; file: RawFile; space: Space; translate: boolean }
  | { k: 'group'; group: RawGroup12; space: Space; translate: boolean }
  | { k: 'unit'; unit: RawUnit12; space: Space; translate: boolean }
  | { k: 'context-group'; owner: Record<string, string>; space: Space; translate: boolean }
  | { k: 'context'; owner: Record<string, string>; type?: string; text: string; space: Space; translate: boolean }
  | { k: 'note'; note: RawNote; space: Space; translate: boolean };


/** What each XLIFF 1.2 inline element stands for; `mrk` of any type is a mark, unknown elements are see-through. */
export function inlineRole12(ns: string): (e: XmlStart) => InlineRole {
  return (e) => {
    if (e.ns !== ns) return TRANSPARENT;
    const a = e.attrs;
    switch (e.local) {
      case 'g':
        return codeRole('open', a.id, true, false);
      case 'x':
        return codeRole('standalone', a.id, false, false);
      case 'bx':
        return codeRole('open', a.rid ?? a.id, false, false);
      case 'ex':
        return codeRole('close', a.rid ?? a.id, false, false);
      case 'bpt':
        return codeRole('open', a.rid ?? a.id, false, true);
      case 'ept':
        return codeRole('close', a.rid ?? a.id, false, true);
      case 'ph':
        return codeRole('standalone', a.id, false, true);
      case 'it':
        return codeRole(a.pos === 'close' ? 'close' : 'open', a.rid ?? a.id, false, true);
      case 'mrk': {
        const role: InlineRole = { role: 'mark', closing: false, wraps: true };
        if (a.mid !== undefined) role.id = a.mid;
        if (a.mtype !== undefined) role.type = a.mtype;
        return role;
      }
      default:
        return TRANSPARENT;
    }
  };
}

/**
 * Streams an XLIFF 1.2 document into raw files and trans-units. Groups are handed on whole,
 * so the OmegaT kit shape (a group per unit) can be recognised; `alt-trans` and elements of
 * other namespaces (OmegaT, memoQ, Trados) are skipped with everything inside them.
 */
export class V12Parser implements XmlHandler {
  private readonly stack: Frame[] = [];
  private active: { collector: ContentCollector; content: RawContent; unit: RawUnit12; side: 'source' | 'segSource' | 'target' } | undefined;
  private file: RawFile | undefined;
  private readonly classify: (e: XmlStart) => InlineRole;

  constructor(
    private readonly ns: string,
    private readonly doc: RawDocument,
    private readonly sink: RawSink,
  ) {
    this.classify = inlineRole12(ns);
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
    if (!mine) {
      this.push('skip', space, translate);
      return;
    }
    switch (parent.k) {
      case 'xliff':
        if (e.local === 'file') {
          const a = e.attrs;
          const file: RawFile = { line: e.line, column: e.column, meta: {}, tools: {} };
          if (a.original !== undefined) file.original = a.original;
          if (a['source-language'] !== undefined) file.srcLang = a['source-language'];
          if (a['target-language'] !== undefined) file.trgLang = a['target-language'];
          if (a.datatype !== undefined) file.datatype = a.datatype;
          this.file = file;
          this.sink.fileStart(file);
          this.stack.push({ k: 'file', file, space, translate });
        } else this.push('skip', space, translate);
        return;
      case 'file':
        this.push(e.local === 'header' ? 'header' : e.local === 'body' ? 'body' : 'skip', space, translate);
        return;
      case 'header':
        if (e.local === 'skl') this.push('skl', space, translate);
        else {
          if (e.local === 'tool' && e.attrs['tool-id'] !== undefined && e.attrs['tool-version'] !== undefined)
            this.file!.tools[e.attrs['tool-id']] = e.attrs['tool-version'];
          this.push('skip', space, translate);
        }
        return;
      case 'skl':
        if (e.local === 'external-file' && e.attrs.crc !== undefined) this.file!.sklCrc = e.attrs.crc;
        this.push('skip', space, translate);
        return;
      case 'body':
      case 'group':
        if (e.local === 'group') {
          const group: RawGroup12 = { el: 'group', line: e.line, column: e.column, attrs: e.attrs, translate, context: {}, children: [] };
          if (e.attrs.id !== undefined) group.id = e.attrs.id;
          this.stack.push({ k: 'group', group, space, translate });
        } else if (e.local === 'trans-unit') {
          // built field by field rather than spread: this runs for every unit of a file
          const unit: RawUnit12 = { el: 'trans-unit', line: e.line, column: e.column, attrs: e.attrs, translate, approved: e.attrs.approved === 'yes', space, context: {}, notes: [] };
          if (e.attrs.id !== undefined) unit.id = e.attrs.id;
          this.stack.push({ k: 'unit', unit, space, translate });
        } else if (parent.k === 'group' && e.local === 'context-group') this.contextGroup(e, parent.group.context, space, translate);
        else this.push('skip', space, translate);
        return;
      case 'unit':
        if (e.local === 'source' || e.local === 'seg-source' || e.local === 'target') {
          const content: RawContent = { items: [], attrs: e.attrs, space, line: e.line, column: e.column };
          const side = e.local === 'seg-source' ? 'segSource' : e.local;
          this.active = { collector: new ContentCollector(this.classify), content, unit: parent.unit, side };
          this.push('skip', space, translate);
        } else if (e.local === 'context-group') this.contextGroup(e, parent.unit.context, space, translate);
        else if (e.local === 'note') {
          const note: RawNote = { text: '' };
          if (e.attrs.from !== undefined) note.from = e.attrs.from;
          parent.unit.notes.push(note);
          this.stack.push({ k: 'note', note, space, translate });
        } else this.push('skip', space, translate);
        return;
      case 'context-group':
        if (e.local === 'context') {
          const frame: Frame = { k: 'context', owner: parent.owner, text: '', space, translate };
          if (e.attrs['context-type'] !== undefined) frame.type = e.attrs['context-type'];
          this.stack.push(frame);
        }
        else this.push('skip', space, translate);
        return;
      default:
        this.push('skip', space, translate);
    }
  }

  private push(k: 'header' | 'skl' | 'body' | 'skip', space: Space, translate: boolean): void {
    this.stack.push({ k, space, translate });
  }

  /** Only tarjoman's own context groups carry unit facts; other tools' contexts are left alone. */
  private contextGroup(e: XmlStart, owner: Record<string, string>, space: Space, translate: boolean): void {
    if (e.attrs.name?.startsWith('tarjoman')) this.stack.push({ k: 'context-group', owner, space, translate });
    else this.stack.push({ k: 'skip', space, translate });
  }

  end(_element: XmlStart, at: Pos): void {
    const active = this.active;
    if (active) {
      if (active.collector.depth > 0) {
        active.collector.end(at);
        return;
      }
      active.content.items = active.collector.items;
      active.unit[active.side] = active.content;
      this.active = undefined;
    }
    const frame = this.stack.pop();
    if (!frame) return;
    const parent = this.stack[this.stack.length - 1];
    switch (frame.k) {
      case 'unit':
      case 'group': {
        const item = frame.k === 'unit' ? frame.unit : frame.group;
        if (parent?.k === 'group') parent.group.children.push(item);
        else if (item.el === 'trans-unit') this.sink.unit12(item, this.file!);
        else this.sink.group12(item, this.file!);
        return;
      }
      case 'file':
        this.sink.fileEnd(frame.file);
        this.file = undefined;
        return;
      case 'context':
        if (frame.type !== undefined) frame.owner[frame.type] = frame.text;
        return;
      default:
    }
  }

  text(text: string): void {
    if (this.active) {
      this.active.collector.text(text);
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (top?.k === 'note') top.note.text += text;
    else if (top?.k === 'context') top.text += text;
  }
}
