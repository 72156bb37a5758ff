import { XML_NS, type Pos, type XmlHandler, type XmlStart } from './xml.js';

/**
 * A hand-written XML scanner for XLIFF, used instead of saxes because reading is bound by the
 * tokenizer: saxes walks every character through a state machine, while XLIFF is mostly long
 * runs of text and short, regular tags that `indexOf` and a few regular expressions cross many
 * times faster. It is deliberately strict and small: no DOCTYPE (nor any entity declaration),
 * only the five predefined entities and character references, namespaces resolved, every
 * character checked. It does not explain what is wrong: on any doubt it stops with a
 * `ScanError`, and the caller runs saxes over the same text for the precise message.
 *
 * Input comes in chunks of any size, so a large file never has to be one string; positions
 * are counted across chunks with the same rules as `LineIndex` (LF, CRLF and a lone CR end a
 * line, columns in UTF-16 units).
 */

/** Where and why the scanner stopped; the caller turns it into a located error. */
export class ScanError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    /** a DOCTYPE: refused on principle, not malformed */
    readonly doctype = false,
  ) {
    super(reason);
  }
}

/** Characters XML 1.0 never allows, and surrogates, whose pairing is looked at where they stand: one pass over the text finds both. */
const BAD_OR_SURROGATE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g;

/** Offset of the first character XML does not allow (a surrogate out of its pair among them), or -1. */
function badChar(text: string): number {
  BAD_OR_SURROGATE.lastIndex = 0;
  for (let m = BAD_OR_SURROGATE.exec(text); m; m = BAD_OR_SURROGATE.exec(text)) {
    const c = text.charCodeAt(m.index);
    if (c < 0xd800 || c > 0xdfff) return m.index;
    const next = text.charCodeAt(m.index + 1);
    if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return m.index;
    BAD_OR_SURROGATE.lastIndex = m.index + 2;
  }
  return -1;
}

/** Names repeat in XLIFF: each one is checked against the XML grammar once. */
const goodNames = new Set<string>();
function isQName(name: string): boolean {
  if (goodNames.has(name)) return true;
  if (!QNAME.test(name)) return false;
  if (goodNames.size < 10000) goodNames.add(name);
  return true;
}

/** ASCII classes for names: 1 may start a name, 2 may go on one, 4 ends one in a tag (`NAME_END`). */
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/u.test(ch)) ASCII_NAME[c] = 1 | 2;
  else if (/[-.0-9]/u.test(ch)) ASCII_NAME[c] = 2;
  else if (/[\s=/>"'<]/u.test(ch)) ASCII_NAME[c] = 4;
}

/**
 * Where a name of plain ASCII letters, digits, `_`, `-` and `.` (with at most one colon between
 * two such parts) that starts at `i` ends, or -1 for anything else. Such a name is a valid
 * qualified name, so nearly every name of an XLIFF file is found and checked in one loop over its
 * characters; every other name takes the general path, which decides as before.
 */
function asciiNameEnd(buf: string, i: number): number {
  let c = buf.charCodeAt(i);
  if (!(c < 128 && ASCII_NAME[c]! & 1)) return -1;
  let colon = false;
  for (i += 1; i < buf.length; i++) {
    c = buf.charCodeAt(i);
    const k = c < 128 ? ASCII_NAME[c]! : 0;
    if (k & 2) continue;
    if (c === 58 /* : */ && !colon) {
      colon = true;
      const next = buf.charCodeAt(i + 1);
      if (!(next < 128 && ASCII_NAME[next]! & 1)) return -1;
      continue;
    }
    return k & 4 ? i : -1;
  }
  return -1;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
/** A qualified name: an NCName, or two joined by one colon. */
const QNAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*(?::[${NAME_START}][${NAME_CHAR}]*)?$`, 'u');
const NCNAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
/** Ends a name in a tag: whitespace, `=`, `/`, `>`, a quote or `<`. */
const NAME_END = /[\s=/>"'<]/gu;
const SPACE = /^[ \t\r\n]*$/u;
const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/u;
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * A copy of a piece of a chunk. V8 makes a longer `slice` a view that keeps its whole chunk
 * alive: a handful of kept translations would hold every chunk of a large file in memory.
 * Concatenating and slicing again gives a flat string of its own.
 */
const own = (s: string) => (s.length < 13 ? s : (' ' + s).slice(1));

class Incomplete extends Error {}
const INCOMPLETE = new Incomplete();

function isXmlChar(n: number): boolean {
  return n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

interface Open {
  qname: string;
  element: XmlStart;
  /** namespace bindings this element declared, undone when it ends */
  bindings: Map<string, string> | undefined;
}

export class XmlScanner {
  private buf = '';
  /** absolute offset of `buf[0]` */
  private base = 0;
  /** line counting: absolute offset counted up to, and the current line and its start */
  private counted = 0;
  private line = 1;
  private lineStart = 0;
  private crInBuf = false;
  private readonly open: Open[] = [];
  private readonly ns = new Map<string, string>([['xml', XML_NS]]);
  private sawRoot = false;
  private rootClosed = false;
  private sawMarkup = false;
  private pendingHigh = '';
  /** where an end tag stands, handed to `end` and valid only during the call: one object for all of them */
  private readonly endAt: Pos = { line: 0, column: 0 };
  private readonly raw: string[] = [];
  private readonly keys = new Map<string, { prefix: string; uri: string; key: string }>();
  private readonly names = new Map<string, { prefix: string; local: string }>();

  /**
   * `whole`: the text comes as one string that its owner holds anyway. Pieces of it are then
   * kept as they are; only pieces of chunks are copied (see `own`).
   */
  constructor(
    private readonly handler: XmlHandler,
    private readonly whole = false,
  ) {}

  /** Whether an element has been handed on: after that, an error can no longer be read again from the start. */
  get started(): boolean {
    return this.sawRoot;
  }

  private keep(s: string): string {
    return this.whole ? s : own(s);
  }

  /**
   * A name found in the text, as a string seen before when it is one: the same few names make
   * up nearly every tag, and a name that is already a property key needs no new string nor a
   * lookup to become one again. Compared in place, so a name seen before costs no allocation.
   */
  private readonly nameSlots: string[] = new Array<string>(512).fill('');
  private name(buf: string, from: number, to: number): string {
    const length = to - from;
    const slot = (length * 31 + buf.charCodeAt(from) * 7 + buf.charCodeAt(to - 1)) & 511;
    const seen = this.nameSlots[slot]!;
    if (seen.length === length && buf.startsWith(seen, from)) return seen;
    const name = buf.slice(from, to);
    this.nameSlots[slot] = name;
    return name;
  }

  /** Line and column of an absolute offset at or after everything counted so far. */
  private posAt(abs: number): Pos {
    this.countTo(abs);
    return { line: this.line, column: abs - this.lineStart + 1 };
  }

  /**
   * Counts lines up to an absolute offset at or after everything counted so far; `line` and
   * `lineStart` then tell where it stands. Kept apart from `posAt` for the tags, which read the
   * two fields and so make no object for it.
   */
  private countTo(abs: number): void {
    const buf = this.buf;
    let i = this.counted - this.base;
    const end = abs - this.base;
    if (!this.crInBuf) {
      for (let nl = buf.indexOf('\n', i); nl !== -1 && nl < end; nl = buf.indexOf('\n', nl + 1)) {
        this.line += 1;
        this.lineStart = this.base + nl + 1;
      }
    } else {
      for (; i < end; i++) {
        const c = buf.charCodeAt(i);
        if (c === 13 && buf.charCodeAt(i + 1) === 10) continue;
        if (c === 10 || c === 13) {
          this.line += 1;
          this.lineStart = this.base + i + 1;
        }
      }
    }
    this.counted = abs;
  }

  private fail(reason: string, at: number): never {
    const { line, column } = this.posAt(Math.max(at, this.counted));
    throw new ScanError(reason, line, column);
  }

  write(chunk: string): void {
    let text = this.pendingHigh + chunk;
    this.pendingHigh = '';
    // a high surrogate at the end may pair with the next chunk's first character
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.pendingHigh = text.slice(-1);
      text = text.slice(0, -1);
    }
    const bad = badChar(text);
    const at = this.base + this.buf.length + bad;
    // what stands before a bad character is scanned first, so the error comes where saxes puts it
    this.buf += bad >= 0 ? text.slice(0, bad) : text;
    if (text.includes('\r')) this.crInBuf = true;
    this.scan();
    if (bad >= 0) this.fail('disallowed character.', at);
  }

  close(): void {
    if (this.pendingHigh) {
      this.scan();
      this.fail('disallowed character.', this.base + this.buf.length);
    }
    this.scan(true);
    const end = this.base + this.buf.length;
    if (this.buf.length > 0) this.fail('unexpected end.', end);
    if (!this.sawRoot) this.fail('document must contain a root element.', end);
    if (this.open.length) this.fail(`unclosed tag: ${this.open[this.open.length - 1]!.qname}`, end);
  }

  /** Scans complete constructs, keeping an unfinished one for the next chunk. */
  private scan(final = false): void {
    const buf = this.buf;
    let p = 0;
    try {
      while (p < buf.length) {
        if (buf.charCodeAt(p) !== 60) {
          const lt = buf.indexOf('<', p);
          if (lt === -1 && !final) break;
          const end = lt === -1 ? buf.length : lt;
          this.text(buf, p, end);
          p = end;
          continue;
        }
        p = this.markup(buf, p, final);
      }
    } catch (error) {
      if (error !== INCOMPLETE) throw error;
    }
    if (p > 0) {
      // positions of what is dropped must be counted first
      if (this.counted < this.base + p) this.countTo(this.base + p);
      this.buf = buf.slice(p);
      this.base += p;
      if (this.crInBuf) this.crInBuf = this.buf.includes('\r');
    }
  }

  private text(buf: string, from: number, to: number): void {
    let text = buf.slice(from, to);
    if (this.open.length === 0) {
      if (!SPACE.test(text)) this.fail('text data outside of root node.', this.base + from);
      if (text) this.handler.text(text.includes('\r') ? text.replace(/\r\n?/gu, '\n') : text);
      return;
    }
    if (text.includes(']]>')) this.fail('the string "]]>" is disallowed in char data.', this.base + from + text.indexOf(']]>'));
    if (text.includes('\r')) text = text.replace(/\r\n?/gu, '\n');
    if (text.includes('&')) text = this.entities(text, from);
    this.handler.text(this.keep(text));
  }

  /**
   * Text with its references replaced. A loop over the `&`s rather than `replace` with a function:
   * HTML kept as original data is full of them. No `<` reaches here (text ends at one, and a value
   * holding one is refused first), so a reference is an `&`, a name without `&`, and a `;`.
   */
  private entities(text: string, from: number): string {
    let out = '';
    let last = 0;
    for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', last)) {
      const semi = text.indexOf(';', amp + 1);
      const next = text.indexOf('&', amp + 1);
      if (semi === -1 || (next !== -1 && next < semi)) this.fail('unterminated entity.', this.base + from);
      out += text.slice(last, amp) + this.entity(text.slice(amp + 1, semi), from);
      last = semi + 1;
    }
    return out + text.slice(last);
  }

  private entity(name: string, from: number): string {
    switch (name) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/u.exec(name);
    const n = m ? (m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10)) : NaN;
    if (!isXmlChar(n)) return this.fail(`undefined entity &${name};`, this.base + from);
    return String.fromCodePoint(n);
  }

  /** Where `close` next stands from `from`; stops the scan when it is not there yet. */
  private need(buf: string, close: string, from: number, final: boolean): number {
    const at = buf.indexOf(close, from);
    if (at === -1) {
      if (final) this.fail('unexpected end.', this.base + buf.length);
      throw INCOMPLETE;
    }
    return at;
  }

  /** A tag cut off by the end of what has come so far. */
  private incomplete(buf: string, final: boolean): never {
    if (final) this.fail('unexpected end.', this.base + buf.length);
    throw INCOMPLETE;
  }

  /** One construct starting with `<`; returns where scanning goes on. */
  private markup(buf: string, p: number, final: boolean): number {
    const c = buf.charCodeAt(p + 1);
    if (Number.isNaN(c)) {
      if (final) this.fail('unexpected end.', this.base + p);
      throw INCOMPLETE;
    }
    if (c === 47 /* / */) {
      const gt = this.need(buf, '>', p + 2, final);
      this.endTag(buf, p + 2, gt, p);
      this.sawMarkup = true;
      return gt + 1;
    }
    if (c === 33 /* ! */) {
      const head = buf.slice(p, p + 9);
      if (!final && head.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((s) => s.startsWith(head))) throw INCOMPLETE;
      if (buf.startsWith('<!--', p)) {
        const end = this.need(buf, '-->', p + 4, final);
        const body = buf.slice(p + 4, end);
        if (body.includes('--') || body.endsWith('-')) this.fail('double dash in comment.', this.base + p);
        this.sawMarkup = true;
        return end + 3;
      }
      if (buf.startsWith('<![CDATA[', p)) {
        if (this.open.length === 0) this.fail('text data outside of root node.', this.base + p);
        const end = this.need(buf, ']]>', p + 9, final);
        let text = buf.slice(p + 9, end);
        if (text.includes('\r')) text = text.replace(/\r\n?/gu, '\n');
        this.handler.text(this.keep(text));
        return end + 3;
      }
      if (buf.startsWith('<!DOCTYPE', p) && !this.sawRoot) {
        const { line, column } = this.posAt(this.base + p);
        throw new ScanError('doctype', line, column, true);
      }
      this.fail('incorrect syntax.', this.base + p);
    }
    if (c === 63 /* ? */) {
      const end = this.need(buf, '?>', p + 2, final);
      const body = buf.slice(p + 2, end);
      const target = /^[^ \t\r\n]*/u.exec(body)![0];
      if (target === 'xml' && this.base + p === 0 && !this.sawMarkup) {
        if (!XML_DECL.test(buf.slice(p, end + 2))) this.fail('bad XML declaration.', this.base + p);
      } else if (!NCNAME.test(target) || target.toLowerCase() === 'xml' || (body.length > target.length && !/^[ \t\r\n]/u.test(body.slice(target.length))))
        this.fail('bad processing instruction.', this.base + p);
      this.sawMarkup = true;
      return end + 2;
    }
    this.sawMarkup = true;
    return this.startTag(buf, p, final);
  }

  private startTag(buf: string, p: number, final: boolean): number {
    let i = asciiNameEnd(buf, p + 1);
    let qname: string;
    if (i >= 0) qname = this.name(buf, p + 1, i);
    else {
      NAME_END.lastIndex = p + 1;
      const nameEnd = NAME_END.exec(buf);
      if (!nameEnd) return this.incomplete(buf, final);
      qname = buf.slice(p + 1, nameEnd.index);
      if (!isQName(qname)) this.fail('disallowed character in tag name.', this.base + p);
      i = nameEnd.index;
    }
    if (this.rootClosed) this.fail('text data outside of root node.', this.base + p);
    // names and values in turn, in one array used again for every tag (`element` is done with it
    // before the next); its first `count` places are this tag's, so it is never shortened
    const raw = this.raw;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      const ws = i;
      while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
      if (i >= buf.length) return this.incomplete(buf, final);
      const ch = buf.charCodeAt(i);
      if (ch === 62 /* > */) {
        i += 1;
        break;
      }
      if (ch === 47 /* / */) {
        if (i + 1 >= buf.length) return this.incomplete(buf, final);
        if (buf.charCodeAt(i + 1) !== 62) this.fail('forward-slash in opening tag not followed by >.', this.base + i);
        selfClosing = true;
        i += 2;
        break;
      }
      if (i === ws) this.fail('no whitespace between attributes.', this.base + i);
      const nameAt = i;
      let name: string;
      const simple = asciiNameEnd(buf, i);
      if (simple >= 0) {
        name = this.name(buf, i, simple);
        i = simple;
      } else {
        NAME_END.lastIndex = i;
        const end = NAME_END.exec(buf);
        if (!end) return this.incomplete(buf, final);
        name = buf.slice(i, end.index);
        if (!isQName(name)) this.fail('disallowed character in attribute name.', this.base + i);
        i = end.index;
      }
      while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
      if (i >= buf.length) return this.incomplete(buf, final);
      if (buf[i] !== '=') this.fail('attribute without value.', this.base + i);
      i += 1;
      while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
      if (i >= buf.length) return this.incomplete(buf, final);
      const q = buf.charCodeAt(i);
      if (q !== 34 /* " */ && q !== 39 /* ' */) this.fail('unquoted attribute value.', this.base + i);
      // One look at each character of the value finds its end and whatever needs a second look:
      // values are short, and a loop spares the three searches and the expression per value.
      let close = i + 1;
      let lt = false;
      let amp = false;
      let spaced = false;
      for (; close < buf.length; close++) {
        const ch = buf.charCodeAt(close);
        if (ch === q) break;
        if (ch < 61) {
          if (ch === 60 /* < */) lt = true;
          else if (ch === 38 /* & */) amp = true;
          else if (ch === 9 || ch === 10 || ch === 13) spaced = true;
        }
      }
      if (close === buf.length) return this.incomplete(buf, final);
      let value = buf.slice(i + 1, close);
      if (lt) this.fail('disallowed character.', this.base + i);
      if (spaced) value = value.replace(/\r\n|[\t\n\r]/gu, ' ');
      if (amp) value = this.entities(value, i);
      // indexed loops rather than destructuring for-of here and in `element`: they run for every attribute of a file
      for (let k = 0; k < count; k += 2) if (raw[k] === name) this.fail(`duplicate attribute: ${name}.`, this.base + nameAt);
      raw[count++] = name;
      raw[count++] = this.keep(value);
      i = close + 1;
    }
    this.element(qname, raw, count, selfClosing, p);
    return i;
  }

  private resolve(prefix: string, at: number): string {
    const uri = this.ns.get(prefix);
    if (uri === undefined) this.fail(`unbound namespace prefix: "${prefix}".`, this.base + at);
    return uri;
  }

  /**
   * The key of a prefixed attribute, `{uri}local`. The same few prefixed names (`xml:space`,
   * `xml:lang`) stand on nearly every unit: a key built once per name and binding spares a new
   * string, and its lookup as a property name, for each of them.
   */
  private attrKey(name: string, colon: number, p: number): string {
    const hit = this.keys.get(name);
    if (hit !== undefined && this.ns.get(hit.prefix) === hit.uri) return hit.key;
    const prefix = name.slice(0, colon);
    const uri = this.resolve(prefix, p);
    const key = `{${uri}}${name.slice(colon + 1)}`;
    if (this.keys.size < 1000) this.keys.set(name, { prefix, uri, key });
    return key;
  }

  /** Prefix and local part of an element's qualified name, kept per name for the same reason. */
  private split(qname: string, colon: number): { prefix: string; local: string } {
    let parts = this.names.get(qname);
    if (parts === undefined) {
      parts = { prefix: qname.slice(0, colon), local: qname.slice(colon + 1) };
      if (this.names.size < 1000) this.names.set(qname, parts);
    }
    return parts;
  }

  private element(qname: string, raw: string[], count: number, selfClosing: boolean, p: number): void {
    let bindings: Map<string, string> | undefined;
    let plain = true;
    for (let k = 0; k < count; k += 2) {
      const name = raw[k]!;
      if (name.includes(':')) plain = false;
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        // saxes binds the trimmed value, so a value of spaces undeclares as an empty one does
        const value = raw[k + 1]!.trim();
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        // XML 1.0 namespaces cannot undeclare a prefix, nor rebind the reserved ones
        if ((prefix !== '' && value === '') || prefix === 'xmlns' || (prefix === 'xml') !== (value === XML_NS) || value === XMLNS_NS) this.fail('bad namespace declaration.', this.base + p);
        bindings ??= new Map();
        bindings.set(prefix, this.ns.get(prefix) ?? '\u0000');
        this.ns.set(prefix, value);
      }
    }
    const colon = qname.indexOf(':');
    let ns: string;
    let local: string;
    if (colon === -1) {
      ns = this.ns.get('') ?? '';
      local = qname;
    } else {
      const parts = this.split(qname, colon);
      ns = this.resolve(parts.prefix, p);
      local = parts.local;
    }
    const attrs: Record<string, string> = {};
    // without prefixes, names were already found unique and none needs resolving
    if (plain && !bindings) for (let k = 0; k < count; k += 2) attrs[raw[k]!] = raw[k + 1]!;
    else
      for (let k = 0; k < count; k += 2) {
        const name = raw[k]!;
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        const c = name.indexOf(':');
        const key = c === -1 ? name : this.attrKey(name, c, p);
        if (Object.hasOwn(attrs, key)) this.fail(`duplicate attribute: ${name}.`, this.base + p);
        attrs[key] = raw[k + 1]!;
      }
    this.countTo(this.base + p);
    const element: XmlStart = { ns, local, attrs, line: this.line, column: this.base + p - this.lineStart + 1 };
    if (this.sawRoot && this.open.length === 0) this.fail('text data outside of root node.', this.base + p);
    this.sawRoot = true;
    this.handler.start(element);
    if (selfClosing) {
      this.unbind(bindings);
      if (this.open.length === 0) this.rootClosed = true;
      this.handler.end(element, element);
    } else this.open.push({ qname, element, bindings });
  }

  private unbind(bindings: Map<string, string> | undefined): void {
    if (!bindings) return;
    for (const [prefix, previous] of bindings) {
      if (previous === '\u0000') this.ns.delete(prefix);
      else this.ns.set(prefix, previous);
    }
  }

  /** `</` stands at `p`, its name starts at `from`, its `>` at `gt`. */
  private endTag(buf: string, from: number, gt: number, p: number): void {
    const top = this.open[this.open.length - 1];
    // nearly every end tag is exactly the name of the element it closes: that is checked in place
    if (!top || gt - from !== top.qname.length || !buf.startsWith(top.qname, from)) {
      const body = buf.slice(from, gt);
      const name = /^[^ \t\r\n]*/u.exec(body)![0];
      if (!top || top.qname !== name || !SPACE.test(body.slice(name.length))) this.fail(`unexpected close tag.`, this.base + p);
    }
    this.open.pop();
    this.unbind(top.bindings);
    if (this.open.length === 0) this.rootClosed = true;
    this.countTo(this.base + p);
    const at = this.endAt;
    at.line = this.line;
    at.column = this.base + p - this.lineStart + 1;
    this.handler.end(top.element, at);
  }
}
