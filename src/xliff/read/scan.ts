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
const ENTITY = /&([^;&<]*);|&/gu;
const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/u;
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

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

  constructor(private readonly handler: XmlHandler) {}

  /** Line and column of an absolute offset at or after everything counted so far. */
  private posAt(abs: number): Pos {
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
    return { line: this.line, column: abs - this.lineStart + 1 };
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
      if (this.counted < this.base + p) this.posAt(this.base + p);
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
    this.handler.text(own(text));
  }

  private entities(text: string, from: number): string {
    return text.replace(ENTITY, (whole, name: string | undefined) => {
      if (name === undefined) return this.fail('unterminated entity.', this.base + from);
      const predefined = PREDEFINED[name];
      if (predefined !== undefined) return predefined;
      const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/u.exec(name);
      const n = m ? (m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10)) : NaN;
      if (!isXmlChar(n)) return this.fail(`undefined entity ${whole}`, this.base + from);
      return String.fromCodePoint(n);
    });
  }

  /** One construct starting with `<`; returns where scanning goes on. */
  private markup(buf: string, p: number, final: boolean): number {
    const need = (close: string, from: number) => {
      const at = buf.indexOf(close, from);
      if (at === -1) {
        if (final) this.fail('unexpected end.', this.base + buf.length);
        throw INCOMPLETE;
      }
      return at;
    };
    const c = buf.charCodeAt(p + 1);
    if (Number.isNaN(c)) {
      if (final) this.fail('unexpected end.', this.base + p);
      throw INCOMPLETE;
    }
    if (c === 47 /* / */) {
      const gt = need('>', p + 2);
      this.endTag(buf.slice(p + 2, gt), p);
      this.sawMarkup = true;
      return gt + 1;
    }
    if (c === 33 /* ! */) {
      const head = buf.slice(p, p + 9);
      if (!final && head.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((s) => s.startsWith(head))) throw INCOMPLETE;
      if (buf.startsWith('<!--', p)) {
        const end = need('-->', p + 4);
        const body = buf.slice(p + 4, end);
        if (body.includes('--') || body.endsWith('-')) this.fail('double dash in comment.', this.base + p);
        this.sawMarkup = true;
        return end + 3;
      }
      if (buf.startsWith('<![CDATA[', p)) {
        if (this.open.length === 0) this.fail('text data outside of root node.', this.base + p);
        const end = need(']]>', p + 9);
        let text = buf.slice(p + 9, end);
        if (text.includes('\r')) text = text.replace(/\r\n?/gu, '\n');
        this.handler.text(own(text));
        return end + 3;
      }
      if (buf.startsWith('<!DOCTYPE', p) && !this.sawRoot) {
        const { line, column } = this.posAt(this.base + p);
        throw new ScanError('doctype', line, column, true);
      }
      this.fail('incorrect syntax.', this.base + p);
    }
    if (c === 63 /* ? */) {
      const end = need('?>', p + 2);
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
    const incomplete = () => {
      if (final) this.fail('unexpected end.', this.base + buf.length);
      throw INCOMPLETE;
    };
    let i = asciiNameEnd(buf, p + 1);
    let qname: string;
    if (i >= 0) qname = buf.slice(p + 1, i);
    else {
      NAME_END.lastIndex = p + 1;
      const nameEnd = NAME_END.exec(buf);
      if (!nameEnd) return incomplete();
      qname = buf.slice(p + 1, nameEnd.index);
      if (!isQName(qname)) this.fail('disallowed character in tag name.', this.base + p);
      i = nameEnd.index;
    }
    if (this.rootClosed) this.fail('text data outside of root node.', this.base + p);
    const raw: [string, string][] = [];
    let selfClosing = false;
    for (;;) {
      const ws = i;
      while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
      if (i >= buf.length) return incomplete();
      const ch = buf.charCodeAt(i);
      if (ch === 62 /* > */) {
        i += 1;
        break;
      }
      if (ch === 47 /* / */) {
        if (i + 1 >= buf.length) return incomplete();
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
        name = buf.slice(i, simple);
        i = simple;
      } else {
        NAME_END.lastIndex = i;
        const end = NAME_END.exec(buf);
        if (!end) return incomplete();
        name = buf.slice(i, end.index);
        if (!isQName(name)) this.fail('disallowed character in attribute name.', this.base + i);
        i = end.index;
      }
      while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
      if (i >= buf.length) return incomplete();
      if (buf[i] !== '=') this.fail('attribute without value.', this.base + i);
      i += 1;
      while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
      if (i >= buf.length) return incomplete();
      const q = buf[i];
      if (q !== '"' && q !== "'") this.fail('unquoted attribute value.', this.base + i);
      const close = buf.indexOf(q, i + 1);
      if (close === -1) return incomplete();
      let value = buf.slice(i + 1, close);
      if (value.includes('<')) this.fail('disallowed character.', this.base + i);
      if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/gu, ' ');
      if (value.includes('&')) value = this.entities(value, i);
      // indexed loops rather than destructuring for-of here and in `element`: they run for every attribute of a file
      for (let k = 0; k < raw.length; k++) if (raw[k]![0] === name) this.fail(`duplicate attribute: ${name}.`, this.base + nameAt);
      raw.push([name, own(value)]);
      i = close + 1;
    }
    this.element(qname, raw, selfClosing, p);
    return i;
  }

  private resolve(prefix: string, at: number): string {
    const uri = this.ns.get(prefix);
    if (uri === undefined) this.fail(`unbound namespace prefix: "${prefix}".`, this.base + at);
    return uri;
  }

  private element(qname: string, raw: [string, string][], selfClosing: boolean, p: number): void {
    let bindings: Map<string, string> | undefined;
    let plain = true;
    for (let k = 0; k < raw.length; k++) {
      const name = raw[k]![0];
      if (name.includes(':')) plain = false;
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        // saxes binds the trimmed value, so a value of spaces undeclares as an empty one does
        const value = raw[k]![1].trim();
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        // XML 1.0 namespaces cannot undeclare a prefix, nor rebind the reserved ones
        if ((prefix !== '' && value === '') || prefix === 'xmlns' || (prefix === 'xml') !== (value === XML_NS) || value === XMLNS_NS) this.fail('bad namespace declaration.', this.base + p);
        bindings ??= new Map();
        bindings.set(prefix, this.ns.get(prefix) ?? '\u0000');
        this.ns.set(prefix, value);
      }
    }
    const colon = qname.indexOf(':');
    const ns = colon === -1 ? (this.ns.get('') ?? '') : this.resolve(qname.slice(0, colon), p);
    const attrs: Record<string, string> = {};
    // without prefixes, names were already found unique and none needs resolving
    if (plain && !bindings) for (let k = 0; k < raw.length; k++) attrs[raw[k]![0]] = raw[k]![1];
    else for (const [name, value] of raw) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const c = name.indexOf(':');
      const key = c === -1 ? name : `{${this.resolve(name.slice(0, c), p)}}${name.slice(c + 1)}`;
      if (Object.hasOwn(attrs, key)) this.fail(`duplicate attribute: ${name}.`, this.base + p);
      attrs[key] = value;
    }
    const { line, column } = this.posAt(this.base + p);
    const element: XmlStart = { ns, local: colon === -1 ? qname : qname.slice(colon + 1), attrs, line, column };
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

  private endTag(body: string, p: number): void {
    const top = this.open[this.open.length - 1];
    // nearly every end tag is exactly the name of the element it closes
    if (!top || body !== top.qname) {
      const name = /^[^ \t\r\n]*/u.exec(body)![0];
      if (!top || top.qname !== name || !SPACE.test(body.slice(name.length))) this.fail(`unexpected close tag.`, this.base + p);
    }
    this.open.pop();
    this.unbind(top.bindings);
    if (this.open.length === 0) this.rootClosed = true;
    this.handler.end(top.element, this.posAt(this.base + p));
  }
}
