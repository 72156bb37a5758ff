import { t } from '../../i18n/index.js';
import type { CodeKind, RawCode, RawItem, RawText } from '../read/raw.js';
import type { Pos } from '../read/xml.js';
import type { Findings, Where } from './finding.js';

/** Ids in one scope; a second use of an id is a finding that points back at the first. */
export class IdScope {
  /**
   * The line each id was first seen on; not the element itself, which a file-wide scope would
   * keep alive. Most scopes (a unit's segments, a content's codes) hold one id: it is kept in two
   * fields, and a map is made only for a second.
   */
  private seen: Map<string, number> | undefined;
  private oneId: string | undefined;
  private oneLine = 0;
  constructor(
    private readonly findings: Findings,
    private readonly scope: string,
  ) {}

  private lineOf(id: string): number | undefined {
    if (this.seen !== undefined) return this.seen.get(id);
    return id === this.oneId ? this.oneLine : undefined;
  }

  add(id: string | undefined, element: string, at: Pos, where: Where = {}): void {
    if (id === undefined) return;
    const first = this.lineOf(id);
    if (first !== undefined) this.findings.error('duplicate-id', at, { element, id, scope: t(`xliff-check:scope.${this.scope}`), line: first }, where);
    else if (this.seen !== undefined) this.seen.set(id, at.line);
    else if (this.oneId === undefined) {
      this.oneId = id;
      this.oneLine = at.line;
    } else this.seen = new Map([[this.oneId, this.oneLine], [id, at.line]]);
  }

  has(id: string): boolean {
    return this.lineOf(id) !== undefined;
  }
}

export const codesOf = (items: readonly RawItem[]): RawCode[] => items.filter((i): i is RawCode => i.t === 'code');

export interface SequenceItem {
  code: RawCode;
  /** false for codes taken from a source where a segment has no target: they help pairing but are reported on the source side */
  report: boolean;
  where: Where;
}

export interface PairingRules {
  isStart(code: RawCode): boolean;
  isEnd(code: RawCode): boolean;
  /** XLIFF 2 `isolated="yes"`: the other half is outside the unit */
  isolated(code: RawCode): boolean;
  /** XLIFF 2 `ec`: an isolated one needs `id`, a paired one `startRef` */
  strictEnd: boolean;
}

/** Start and end codes of one side of a unit, in order: every end closes an earlier open start, every start is closed. */
export function checkPairing(sequence: readonly SequenceItem[], rules: PairingRules, findings: Findings): void {
  const open = new Map<string, SequenceItem>();
  const closed = new Set<string>();
  for (const item of sequence) {
    const { code } = item;
    if (rules.isStart(code)) {
      if (rules.isolated(code) || code.id === undefined) continue;
      open.set(code.id, item);
    } else if (rules.isEnd(code)) {
      if (rules.strictEnd) {
        const message = rules.isolated(code)
          ? code.attrs.startRef !== undefined || code.attrs.id === undefined
            ? 'message.isolatedStartRef'
            : undefined
          : code.attrs.startRef === undefined
            ? 'message.ecNoRef'
            : undefined;
        if (message && item.report) findings.add('isolated-code', 'error', code, message, {}, item.where);
        if (rules.isolated(code) || message) continue;
      }
      if (code.id === undefined) continue;
      if (closed.has(code.id)) {
        if (item.report) findings.error('ec-duplicate', code, { element: code.el, id: code.id }, item.where);
      } else if (open.has(code.id)) {
        open.delete(code.id);
        closed.add(code.id);
      } else if (item.report) findings.error('ec-unresolved', code, { element: code.el, id: code.id }, item.where);
    }
  }
  for (const item of open.values())
    if (item.report) findings.error('sc-unclosed', item.code, { element: item.code.el, id: item.code.id }, item.where);
}

type ShownKind = CodeKind | 'paired';

/** The codes of a list, with both halves of one pair shown as a single paired code. */
function shown(codes: RawCode[]): { kind: ShownKind; code: RawCode }[] {
  const kinds = codes.map((c) => c.kind);
  const out: { kind: ShownKind; code: RawCode }[] = [];
  let pairs = Math.min(kinds.filter((k) => k === 'open').length, kinds.filter((k) => k === 'close').length);
  let skipClose = 0;
  for (const code of codes) {
    if (code.kind === 'open' && pairs > 0) {
      pairs -= 1;
      skipClose += 1;
      out.push({ kind: 'paired', code });
    } else if (code.kind === 'close' && skipClose > 0) skipClose -= 1;
    else out.push({ kind: code.kind, code });
  }
  return out;
}

const kindWord = (kind: ShownKind) => t(`xliff-check:kind.${kind}`);
const sortedKinds = (codes: RawCode[]) => codes.map((c) => c.kind).sort();
const kindList = (codes: RawCode[]) =>
  sortedKinds(codes)
    .map((k) => kindWord(k))
    .join(t('xliff-check:kind.separator'));

/**
 * Whether two lists of codes have the same kinds, however ordered. Each kind has its own word in
 * every locale, so this agrees with comparing the lists as a message shows them; the words are
 * looked up only for a finding, since nearly every code of a file is compared and agrees.
 */
export function sameKinds(a: RawCode[], b: RawCode[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 1) return a[0]!.kind === b[0]!.kind;
  const x = sortedKinds(a);
  const y = sortedKinds(b);
  return x.every((k, i) => k === y[i]);
}

/**
 * A target's codes against its source's, by id: missing and added codes, and codes whose
 * kinds changed. `deletable` tells whether a source code may go (XLIFF 2 `canDelete`).
 */
export function compareCodes(
  source: readonly RawItem[],
  target: readonly RawItem[],
  targetAt: Pos,
  findings: Findings,
  where: Where,
  deletable: (code: RawCode) => boolean,
): void {
  const sourceCodes = codesOf(source);
  const targetCodes = codesOf(target);
  if (sourceCodes.length === 0 && targetCodes.length === 0) return;
  const byId = new Map<string, { source: RawCode[]; target: RawCode[] }>();
  const slot = (id: string) => {
    let s = byId.get(id);
    if (!s) byId.set(id, (s = { source: [], target: [] }));
    return s;
  };
  for (const code of sourceCodes) if (code.id !== undefined) slot(code.id).source.push(code);
  for (const code of targetCodes) if (code.id !== undefined) slot(code.id).target.push(code);
  for (const [id, { source: src, target: tgt }] of byId) {
    if (tgt.length === 0) {
      for (const { kind, code } of shown(src)) {
        const rule = deletable(code) ? 'code-missing' : 'code-deleted';
        findings.error(rule, targetAt, { kind: kindWord(kind), id }, where);
      }
    } else if (src.length === 0) {
      for (const { kind, code } of shown(tgt)) findings.error('code-added', code, { kind: kindWord(kind), id }, where);
    } else if (!sameKinds(src, tgt)) {
      findings.error('code-kind', tgt[0]!, { id, source: kindList(src), target: kindList(tgt) }, where);
    }
  }
}

/** Text and codes (kind and id) of content, marks left out: what must agree between two views of one text. */
export function signature(items: readonly RawItem[]): string {
  let out = '';
  for (const item of items) {
    if (item.t === 'text') out += item.text;
    else if (item.t === 'code') out += `\u0001${item.kind}:${item.id ?? ''}\u0002`;
  }
  return out;
}

/**
 * `signature(a) === signature(b)`, found by walking both lists side by side rather than joining
 * each into a string first: a 1.2 unit's `source` and `seg-source` are compared this way, and
 * the same text is cut differently in the two (by the `mrk`s of the second).
 */
export function sameSignature(a: readonly RawItem[], b: readonly RawItem[]): boolean {
  let i = 0;
  let j = 0;
  // offsets into the text items a[i] and b[j]
  let p = 0;
  let q = 0;
  for (;;) {
    for (; i < a.length; i++, p = 0) {
      const x = a[i]!;
      if (x.t === 'code' || (x.t === 'text' && p < x.text.length)) break;
    }
    for (; j < b.length; j++, q = 0) {
      const y = b[j]!;
      if (y.t === 'code' || (y.t === 'text' && q < y.text.length)) break;
    }
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    const x = a[i]!;
    const y = b[j]!;
    if (x.t === 'code' || y.t === 'code') {
      // a code's mark in the signature holds a character no XML text can, so it never equals text
      if (x.t !== 'code' || y.t !== 'code' || x.kind !== y.kind || (x.id ?? '') !== (y.id ?? '')) return false;
      i += 1;
      j += 1;
      continue;
    }
    const s = (x as RawText).text;
    const t = (y as RawText).text;
    const n = Math.min(s.length - p, t.length - q);
    // One of the two pieces ends here; when it is looked at from its start, `startsWith` compares in place.
    if (q === 0 && t.length === n) {
      if (!s.startsWith(t, p)) return false;
    } else if (p === 0 && s.length === n) {
      if (!t.startsWith(s, q)) return false;
    } else if (s.slice(p, p + n) !== t.slice(q, q + n)) return false;
    p += n;
    q += n;
  }
}

export function sameLang(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** True where content has whitespace a re-wrapping tool would change: line breaks, tabs, or runs of spaces. */
export function wrappable(items: readonly RawItem[] | undefined): boolean {
  return !!items?.some((i) => i.t === 'text' && /\n|\t| {2}/u.test(i.text));
}
