import { TarjomanError, lineColumn } from '../../model/located-error.js';

/** A string value of the resource tree: its key path, decoded value, and the span of its escaped form between the quotes. */
export interface JsonLeaf {
  path: string[];
  value: string;
  start: number;
  end: number;
  /** for a member of an object: where its key's opening quote is, and where its neighbours are */
  member?: JsonMember;
}

/** Offsets around an object member, so a member can be removed or a sibling inserted with the file's own layout. */
export interface JsonMember {
  keyStart: number;
  /** the white space before the key, copied for an inserted sibling */
  lead: string;
  /** the next member's key, when there is one */
  nextKeyStart?: number;
  /** just after the previous member's value, when there is one */
  previousEnd?: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A small JSON reader instead of JSON.parse: merge rewrites each string value in place,
 * so it needs the exact span of every value, and JSON.parse gives no positions,
 * silently keeps the last of duplicate keys, and reports errors without line and column.
 */
class JsonReader {
  private pos: number;
  readonly leaves: JsonLeaf[] = [];

  constructor(
    private readonly source: string,
    private readonly file: string,
    start: number,
  ) {
    this.pos = start;
  }

  read(): void {
    this.skipSpace();
    this.value([]);
    this.skipSpace();
    if (this.pos < this.source.length) this.fail('trailing');
  }

  private fail(reason: string, params: Record<string, unknown> = {}, at = this.pos): never {
    const { line, column } = lineColumn(this.source, at);
    throw new TarjomanError(`i18next:invalidJson.${reason}`, { ...params, found: this.describe(at) }, { file: this.file, line, column });
  }

  private describe(at: number): string {
    const ch = this.source[at];
    return ch === undefined ? '' : JSON.stringify(ch);
  }

  private skipSpace(): void {
    while (this.pos < this.source.length && WHITESPACE.has(this.source[this.pos]!)) this.pos++;
  }

  private value(path: string[]): void {
    const ch = this.source[this.pos];
    if (ch === undefined) this.fail('end');
    if (ch === '{') return this.object(path);
    if (ch === '[') return this.array(path);
    if (ch === '"') {
      const start = this.pos + 1;
      const value = this.string();
      this.leaves.push({ path, value, start, end: this.pos - 1 });
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (this.source.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.source);
    if (number && number[0] !== '-') {
      this.pos += number[0].length;
      return;
    }
    this.fail('unexpected');
  }

  private object(path: string[]): void {
    this.pos++;
    const afterBrace = this.pos;
    const seen = new Map<string, number>();
    this.skipSpace();
    if (this.source[this.pos] === '}') {
      this.pos++;
      return;
    }
    let previous: { leaf?: JsonLeaf; end: number } | undefined;
    for (;;) {
      const leadStart = previous ? this.pos : afterBrace;
      this.skipSpace();
      if (this.source[this.pos] !== '"') this.fail(this.pos >= this.source.length ? 'end' : 'expectedKey');
      const keyAt = this.pos;
      if (previous?.leaf?.member) previous.leaf.member.nextKeyStart = keyAt;
      const key = this.string();
      const first = seen.get(key);
      if (first !== undefined) {
        const { line, column } = lineColumn(this.source, keyAt);
        const firstLine = lineColumn(this.source, first).line;
        throw new TarjomanError('i18next:duplicateKey', { key, firstLine }, { file: this.file, line, column });
      }
      seen.set(key, keyAt);
      this.skipSpace();
      if (this.source[this.pos] !== ':') this.fail('expectedColon');
      this.pos++;
      this.skipSpace();
      const leafCount = this.leaves.length;
      this.value([...path, key]);
      const leaf = this.leaves.length === leafCount + 1 && this.leaves[leafCount]!.path.length === path.length + 1 ? this.leaves[leafCount] : undefined;
      if (leaf) {
        leaf.member = { keyStart: keyAt, lead: this.source.slice(leadStart, keyAt) };
        if (previous) leaf.member.previousEnd = previous.end;
      }
      previous = { ...(leaf ? { leaf } : {}), end: this.pos };
      this.skipSpace();
      const next = this.source[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return;
      }
      this.fail(next === undefined ? 'end' : 'expectedCommaOrBrace');
    }
  }

  private array(path: string[]): void {
    this.pos++;
    this.skipSpace();
    if (this.source[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      this.skipSpace();
      this.value([...path, String(index)]);
      this.skipSpace();
      const next = this.source[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return;
      }
      this.fail(next === undefined ? 'end' : 'expectedCommaOrBracket');
    }
  }

  /** Reads a string starting at its opening quote and returns it decoded. */
  private string(): string {
    this.pos++;
    let out = '';
    let runStart = this.pos;
    for (;;) {
      const ch = this.source[this.pos];
      if (ch === undefined) this.fail('unterminated');
      if (ch === '"') {
        out += this.source.slice(runStart, this.pos);
        this.pos++;
        return out;
      }
      if (ch < ' ') this.fail('controlChar');
      if (ch !== '\\') {
        this.pos++;
        continue;
      }
      out += this.source.slice(runStart, this.pos);
      const escape = this.source[this.pos + 1];
      if (escape !== undefined && escape in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[escape];
        this.pos += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/u.test(this.source.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(this.source.slice(this.pos + 2, this.pos + 6), 16));
        this.pos += 6;
      } else this.fail('badEscape');
      runStart = this.pos;
    }
  }
}

/** Every string value of a JSON text, in document order; invalid JSON or a duplicate key is a located error. */
export function readJsonLeaves(source: string, file: string, start = 0): JsonLeaf[] {
  const reader = new JsonReader(source, file, start);
  reader.read();
  return reader.leaves;
}

/** Writes text as the inside of a JSON string: what JSON requires escaped, and lone surrogates, which UTF-8 cannot carry (in a `u` regex a surrogate pair is one character, so only lone halves match). */
export function escapeJsonString(text: string): string {
  return text.replace(/["\\\u0000-\u001f\ud800-\udfff]/gu, (ch) => {
    switch (ch) {
      case '"':
        return '\\"';
      case '\\':
        return '\\\\';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\b':
        return '\\b';
      case '\f':
        return '\\f';
      default:
        return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}
