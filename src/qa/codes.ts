import type { Content, InlineCode } from '../model/schema.js';
import { issue, quote } from './shared.js';
import type { Issue, QaCheck, QaSpan } from './types.js';

interface Placed {
  code: InlineCode;
  /** offset in the plain text where the code sits */
  offset: number;
  /** position among the codes */
  index: number;
}

function placeCodes(content: Content): Placed[] {
  const out: Placed[] = [];
  let offset = 0;
  for (const item of content) {
    if (item.type === 'text') offset += item.text.length;
    else out.push({ code: item, offset, index: out.length });
  }
  return out;
}

const keyOf = (code: InlineCode) => `${code.kind}\u0000${code.id}`;

function byKey(codes: readonly Placed[]): Map<string, Placed[]> {
  const out = new Map<string, Placed[]>();
  for (const placed of codes) {
    const list = out.get(keyOf(placed.code));
    if (list) list.push(placed);
    else out.set(keyOf(placed.code), [placed]);
  }
  return out;
}

const at = (placed: Placed): QaSpan => ({ start: placed.offset, end: placed.offset, text: placed.code.data });

/** What a translator recognises: the markup itself, else its short form, else its tag. */
function shown(code: InlineCode): string {
  return quote(code.data || code.equiv || code.tag);
}

const params = (code: InlineCode) => ({ code: shown(code), id: code.id });

/** Ids whose open and close both appear once, with their positions among the codes. */
function pairs(codes: readonly Placed[]): Map<string, { open: number; close: number }> {
  const groups = byKey(codes);
  const out = new Map<string, { open: number; close: number }>();
  for (const placed of codes) {
    if (placed.code.kind !== 'open') continue;
    const opens = groups.get(keyOf(placed.code))!;
    const closes = groups.get(`close\u0000${placed.code.id}`);
    if (opens.length === 1 && closes?.length === 1) out.set(placed.code.id, { open: placed.index, close: closes[0]!.index });
  }
  return out;
}

/** Pairs of ids that overlap without one holding the other, e.g. <b><i></b></i>. */
function crossings(spans: Map<string, { open: number; close: number }>): Set<string> {
  const out = new Set<string>();
  const list = [...spans].filter(([, s]) => s.open < s.close);
  for (const [a, x] of list)
    for (const [b, y] of list) if (x.open < y.open && y.open < x.close && x.close < y.close) out.add(`${a}\u0000${b}`);
  return out;
}

/**
 * Inline codes stand for markup merge must put back: each source code must be in the target
 * as many times as in the source, no other code may appear, and paired codes must still open
 * before they close and nest as they did. A code the format marks deletable may go, with a warning.
 */
export const codeChecks: QaCheck = {
  rules: ['code-missing', 'code-added', 'code-duplicated', 'code-pair-broken'],
  run({ source, target }) {
    const src = placeCodes(source);
    const tgt = placeCodes(target);
    // Most sentences carry no markup at all: nothing below could find anything.
    if (src.length === 0 && tgt.length === 0) return [];
    const srcByKey = byKey(src);
    const tgtByKey = byKey(tgt);
    const srcIds = new Set(src.map((p) => p.code.id));
    const out: Issue[] = [];
    const missingClose = new Set<string>();

    for (const [key, list] of srcByKey) {
      const found = tgtByKey.get(key)?.length ?? 0;
      for (const placed of list.slice(found)) {
        const { code } = placed;
        // The close of an open that is still there: the pair is broken, said once below.
        if (code.kind === 'close' && tgtByKey.has(`open\u0000${code.id}`) && srcByKey.has(`open\u0000${code.id}`)) {
          missingClose.add(code.id);
          continue;
        }
        const severity = code.canDelete === true ? 'warning' : 'error';
        out.push(issue('code-missing', severity, params(code), { sourceSpan: at(placed), expected: [code.data] }));
      }
    }
    for (const [key, list] of tgtByKey) {
      const allowed = srcByKey.get(key)?.length ?? 0;
      for (const placed of list.slice(allowed)) {
        const rule = srcIds.has(placed.code.id) && allowed > 0 ? 'code-duplicated' : 'code-added';
        out.push(issue(rule, 'error', params(placed.code), { targetSpan: at(placed) }));
      }
    }

    for (const id of missingClose) {
      const open = tgtByKey.get(`open\u0000${id}`)![0]!;
      out.push(issue('code-pair-broken', 'error', params(open.code), { targetSpan: at(open) }, 'code-pair-broken.unclosed'));
    }
    const sourcePairs = pairs(src);
    const targetPairs = pairs(tgt);
    for (const [id, span] of targetPairs) {
      if (span.close < span.open && sourcePairs.has(id)) {
        const close = tgt[span.close]!;
        out.push(issue('code-pair-broken', 'error', params(close.code), { targetSpan: at(close) }, 'code-pair-broken.closeFirst'));
      }
    }
    const allowedCrossings = crossings(sourcePairs);
    for (const key of crossings(targetPairs)) {
      if (allowedCrossings.has(key)) continue;
      const [a, b] = key.split('\u0000') as [string, string];
      const first = tgt[targetPairs.get(a)!.open]!;
      const second = tgt[targetPairs.get(b)!.open]!;
      out.push(
        issue('code-pair-broken', 'error', { first: shown(first.code), second: shown(second.code) }, { targetSpan: at(second) }, 'code-pair-broken.crossed'),
      );
    }
    return out;
  },
};
