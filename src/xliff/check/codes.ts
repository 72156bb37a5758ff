import { t } from '../../i18n/index.js';
import type { CodeKind, RawCode, RawItem } from '../read/raw.js';
import type { Pos } from '../read/xml.js';
import type { Findings, Where } from './finding.js';

/** Ids in one scope; a second use of an id is a finding that points back at the first. */
export class IdScope {
  /** the line each id was first seen on; not the element itself, which a file-wide scope would keep alive */
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly findings: Findings,
    private readonly scope: string,
  ) {}

  add(id: string | undefined, element: string, at: Pos, where: Where = {}): void {
    if (id === undefined) return;
    const first = this.seen.get(id);
    if (first !== undefined) this.findings.error('duplicate-id', at, { element, id, scope: t(`xliff-check:scope.${this.scope}`), line: first }, where);
    else this.seen.set(id, at.line);
  }

  has(id: string): boolean {
    return this.seen.has(id);
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

export function sameLang(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** True where content has whitespace a re-wrapping tool would change: line breaks, tabs, or runs of spaces. */
export function wrappable(items: readonly RawItem[] | undefined): boolean {
  return !!items?.some((i) => i.t === 'text' && /\n|\t| {2}/u.test(i.text));
}
