/*
 * The general YAML parser builds a node tree with source ranges for every value; on a
 * 100,000-entry termbase that tree costs most of the load time and gigabytes of memory.
 * Native files, as tarjoman writes them and as people usually write them, use a small part of
 * YAML: block maps and sequences, one-line scalars, one-line flow collections of scalars. This
 * scanner reads exactly that part, line by line, and gives up at anything else (anchors, tags,
 * block or multi-line scalars, nested flow collections, numbers, nulls, duplicate keys…). A
 * file it gives up on, or one with any problem, is read again by the general parser, which
 * alone says where problems are; so what this scanner accepts it must read exactly as `yaml`
 * does (the unit tests compare the two on generated and damaged files).
 */

/** Thrown inside the scanner at the first thing outside its part of YAML. */
class NotPlain extends Error {}

const giveUp = (): never => {
  throw new NotPlain();
};

export interface PlainYaml {
  value: Record<string, unknown>;
  /** 1-based line where each item of each list directly under the top map starts, by key */
  itemLines: Map<string, number[]>;
}

// Characters left to the general parser: tabs (separation rules), characters YAML does not
// allow in a stream, a byte-order mark in the middle, a carriage return on its own.
const AWKWARD = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff]|\r(?!\n)/u;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/u;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/u;
// Plain scalars that the core schema reads as null or a number rather than a string.
const NOT_STRING =
  /^(?:~|[Nn]ull|NULL|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/u;
// `-`, `?` and `:` start a plain scalar only when something other than a space follows.
const INDICATOR = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?: |$))/u;
const AFTER_VALUE = /^(?: +(?:#.*)?)?$/u;
// A plain scalar in a flow collection ends at `,`, `]` or `}`; ones with other flow or comment
// indicators in them are left to the general parser.
const FLOW_END = /[,\]}]/u;
const FLOW_PLAIN_BAD = /[[{#:]/u;
const FLOW_KEY = /^[A-Za-z_][A-Za-z0-9_-]*(?=: )/u;
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Keys already known to be plain strings: a termbase repeats a dozen keys a million times. */
const plainKeys = new Set<string>();

/** A key the core schema reads as a plain string, used once in its map. */
function checkKey(key: string, map: Record<string, unknown>): void {
  if (!plainKeys.has(key)) {
    if (!KEY.test(key) || BOOL.test(key) || NOT_STRING.test(key) || key === '__proto__') giveUp();
    plainKeys.add(key);
  }
  if (Object.hasOwn(map, key)) giveUp();
}

function plainScalar(raw: string): string | boolean {
  const hash = raw.indexOf(' #');
  let text = hash < 0 ? raw : raw.slice(0, hash);
  // Only spaces end a plain scalar: JavaScript's trimEnd would also take a no-break space.
  if (text.charCodeAt(text.length - 1) === 32) text = text.replace(/ +$/u, '');
  if (!text || INDICATOR.test(text) || text.includes(': ') || text.endsWith(':')) giveUp();
  const first = text.charCodeAt(0);
  // Only words starting with t/T/f/F can be booleans, and only these characters start a number or null.
  if ((first === 0x74 || first === 0x54 || first === 0x66 || first === 0x46) && BOOL.test(text)) return first === 0x74 || first === 0x54;
  if ((first <= 0x39 || first === 0x7e || first === 0x4e || first === 0x6e) && NOT_STRING.test(text)) giveUp();
  return text;
}

/** A double-quoted scalar starting at `raw[start]`, and the index after its closing quote. */
function doubleQuoted(raw: string, start: number): [string, number] {
  let out = '';
  let from = start + 1;
  for (let i = from; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') return [out + raw.slice(from, i), i + 1];
    if (c !== '\\') continue;
    out += raw.slice(from, i);
    const e = raw[i + 1] ?? giveUp();
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 1;
    } else {
      const length = HEX_LENGTH[e] ?? giveUp();
      const hex = raw.slice(i + 2, i + 2 + length);
      if (hex.length !== length || !/^[0-9a-fA-F]+$/u.test(hex)) giveUp();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) giveUp();
      out += String.fromCodePoint(code);
      i += 1 + length;
    }
    from = i + 1;
  }
  return giveUp();
}

/** A single-quoted scalar starting at `raw[start]`, and the index after its closing quote. */
function singleQuoted(raw: string, start: number): [string, number] {
  for (let i = start + 1; i < raw.length; i++) {
    if (raw[i] !== "'") continue;
    if (raw[i + 1] === "'") {
      i++;
      continue;
    }
    return [raw.slice(start + 1, i).replaceAll("''", "'"), i + 1];
  }
  return giveUp();
}

/** A value that fills the rest of a block line: a one-line scalar or flow collection. */
function lineValue(raw: string): unknown {
  const first = raw[0];
  if (first === '[' || first === '{') return flowCollection(raw);
  if (first !== '"' && first !== "'") return plainScalar(raw);
  const [value, end] = first === '"' ? doubleQuoted(raw, 0) : singleQuoted(raw, 0);
  if (end < raw.length && !AFTER_VALUE.test(raw.slice(end))) giveUp();
  return value;
}

const skipSpaces = (raw: string, i: number): number => {
  while (raw.charCodeAt(i) === 32) i++;
  return i;
};

/** A scalar inside a flow collection, and the index after it. */
function flowScalar(raw: string, start: number): [unknown, number] {
  if (raw[start] === '"') return doubleQuoted(raw, start);
  if (raw[start] === "'") return singleQuoted(raw, start);
  let end = start;
  while (end < raw.length && !FLOW_END.test(raw[end]!)) end++;
  const text = raw.slice(start, end).replace(/ +$/u, '');
  if (FLOW_PLAIN_BAD.test(text)) giveUp();
  return [plainScalar(text), end];
}

/** `[en, fa]` or `{ text: x, status: preferred }` on one line, holding scalars only. */
function flowCollection(raw: string): unknown[] | Record<string, unknown> {
  const isMap = raw[0] === '{';
  const close = isMap ? '}' : ']';
  const list: unknown[] = [];
  const map: Record<string, unknown> = {};
  let i = skipSpaces(raw, 1);
  if (raw[i] === close) i++;
  else
    for (;;) {
      let key: string | undefined;
      if (isMap) {
        key = FLOW_KEY.exec(raw.slice(i))?.[0] ?? giveUp();
        checkKey(key, map);
        i = skipSpaces(raw, i + key.length + 1);
      }
      const [value, end] = flowScalar(raw, i);
      if (key === undefined) list.push(value);
      else map[key] = value;
      i = skipSpaces(raw, end);
      if (raw[i] === ',') i = skipSpaces(raw, i + 1);
      else if (raw[i] === close) {
        i++;
        break;
      } else giveUp();
    }
  if (i < raw.length && !AFTER_VALUE.test(raw.slice(i))) giveUp();
  return isMap ? map : list;
}

const isDashItem = (line: string, at: number): boolean =>
  line.charCodeAt(at) === 0x2d && (line.length === at + 1 || line.charCodeAt(at + 1) === 32);

/** The plain value of a native file's text, or undefined when it uses YAML beyond the scanner. */
export function readPlainYaml(input: string): PlainYaml | undefined {
  if (AWKWARD.test(input)) return undefined;
  const text = input.includes('\r') ? input.replaceAll('\r\n', '\n') : input;
  const lines = text.split('\n');
  // Where each line's content starts; a list item's own content is then treated as a line that
  // starts after its `- `, which is how YAML nests a compact map or list in an item.
  const starts = new Int32Array(lines.length).fill(-1);
  const itemLines = new Map<string, number[]>();
  let at = 0;

  /** The next line with content (not blank, not only a comment), or -1. */
  const peek = (): number => {
    for (; at < lines.length; at++) {
      if (starts[at]! >= 0) return at;
      const line = lines[at]!;
      let i = 0;
      while (line.charCodeAt(i) === 32) i++;
      if (i < line.length && line[i] !== '#') {
        starts[at] = i;
        return at;
      }
    }
    return -1;
  };

  /** After a one-line value, a deeper line would continue it (or be an error): not ours. */
  const endOfValue = (indent: number): void => {
    at++;
    const next = peek();
    if (next >= 0 && starts[next]! > indent) giveUp();
  };

  /** The block that starts on line `l`: a list when it starts with `- `, else a map. */
  const node = (l: number, record?: number[]): unknown =>
    isDashItem(lines[l]!, starts[l]!) ? sequence(starts[l]!, record) : map(starts[l]!);

  /** A value after `key:` with nothing else on its line: the block on the lines below. */
  const blockBelow = (indent: number, record?: number[]): unknown => {
    at++;
    const l = peek();
    if (l < 0) return giveUp();
    if (starts[l]! > indent) return node(l, record);
    // YAML lets a map's list value start at the map's own indentation.
    if (starts[l] === indent && isDashItem(lines[l]!, indent)) return sequence(indent, record);
    return giveUp();
  };

  const sequence = (indent: number, record?: number[]): unknown[] => {
    const items: unknown[] = [];
    for (let l = peek(); l >= 0 && starts[l]! >= indent; l = peek()) {
      if (starts[l]! > indent) giveUp();
      const line = lines[l]!;
      if (!isDashItem(line, indent)) break;
      const c = skipSpaces(line, indent + 1);
      if (c >= line.length || line[c] === '#') {
        at++;
        const below = peek();
        if (below < 0 || starts[below]! <= indent) giveUp();
        record?.push(below + 1);
        items.push(node(below));
        continue;
      }
      starts[l] = c;
      record?.push(l + 1);
      const colon = line.indexOf(':', c);
      const isKey = colon > c && (colon === line.length - 1 || line.charCodeAt(colon + 1) === 32) && KEY.test(line.slice(c, colon));
      if (isKey || isDashItem(line, c)) items.push(node(l));
      else {
        items.push(lineValue(line.slice(c)));
        endOfValue(indent);
      }
    }
    return items;
  };

  const map = (indent: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let l = peek(); l >= 0 && starts[l]! >= indent; l = peek()) {
      if (starts[l]! > indent) giveUp();
      const line = lines[l]!;
      const colon = line.indexOf(':', indent);
      if (colon <= indent || (colon < line.length - 1 && line.charCodeAt(colon + 1) !== 32)) giveUp();
      const key = line.slice(indent, colon);
      checkKey(key, out);
      const c = skipSpaces(line, colon + 1);
      if (c >= line.length || line[c] === '#') {
        const record = indent === 0 ? [] : undefined;
        out[key] = blockBelow(indent, record);
        if (record && Array.isArray(out[key])) itemLines.set(key, record);
      } else {
        out[key] = lineValue(line.slice(c));
        endOfValue(indent);
      }
    }
    return out;
  };

  try {
    const first = peek();
    if (first < 0 || starts[first] !== 0 || isDashItem(lines[first]!, 0)) return undefined;
    const value = map(0);
    if (peek() >= 0) return undefined;
    return { value, itemLines };
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}
