import type { Node } from 'mdast';
import { isMap, isScalar, parseDocument } from 'yaml';

/** Where a front matter's language value lies in the body, and how it is quoted. */
export interface LangValue {
  start: number;
  end: number;
  quote: '' | '"' | "'";
}

const KEYS = new Set(['lang', 'language']);

function yamlLang(value: string, offset: number): LangValue | undefined {
  const doc = parseDocument(value);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !KEYS.has(String(pair.key.value))) continue;
    const node = pair.value;
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
    const quote = node.type === 'PLAIN' ? '' : node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : undefined;
    if (quote === undefined) return undefined;
    return { start: offset + node.range[0], end: offset + node.range[1], quote };
  }
  return undefined;
}

/** Top-level `lang = "en"` in TOML: the keys before the first table header. */
function tomlLang(value: string, offset: number): LangValue | undefined {
  let lineStart = 0;
  for (const line of value.split(/(?<=\r\n|\r(?!\n)|\n)/u)) {
    const body = line.replace(/[\r\n]+$/u, '');
    if (body.trimStart().startsWith('[')) return undefined;
    const match = /^[ \t]*("?)(lang|language)\1[ \t]*=[ \t]*(?:"([^"\\]*)"|'([^']*)')[ \t]*(?:#.*)?$/u.exec(body);
    if (match) {
      const quote = match[3] !== undefined ? '"' : "'";
      const literal = quote + (match[3] ?? match[4]) + quote;
      const start = body.indexOf(literal, body.indexOf('='));
      if (start < 0) return undefined;
      return { start: offset + lineStart + start, end: offset + lineStart + start + literal.length, quote };
    }
    lineStart += line.length;
  }
  return undefined;
}

/** The value of a `lang:`/`language:` key in YAML or TOML front matter, if there is one to rewrite. */
export function frontMatterLang(node: Node & { value?: unknown }, body: string): LangValue | undefined {
  if ((node.type !== 'yaml' && node.type !== 'toml') || typeof node.value !== 'string') return undefined;
  const start = node.position?.start.offset;
  if (start === undefined) return undefined;
  // The node's value is what lies between the fences; it starts after the opening fence's line ending.
  const newline = body.slice(start).search(/[\r\n]/u);
  if (newline < 0) return undefined;
  const valueStart = start + newline + (body.startsWith('\r\n', start + newline) ? 2 : 1);
  if (!body.startsWith(node.value, valueStart)) return undefined;
  return node.type === 'yaml' ? yamlLang(node.value, valueStart) : tomlLang(node.value, valueStart);
}
