import { t } from '../i18n/index.js';
import { normalizeContent, plainText, segments } from '../model/content.js';
import type { Content, Document, InlineCode, Inline, Part, Segment, SegmentState, Unit } from '../model/schema.js';
import type { Finding, Severity } from '../xliff/check/index.js';
import { sameShape } from '../xliff/read/model.js';
import type { ReadSegment, ReadUnit, XliffFileEntry } from '../xliff/read/index.js';
import { runQualityChecks, type QualityCheck } from './checks.js';

export type RequiredState = Exclude<SegmentState, 'initial'>;
export const REQUIRED_STATES: readonly RequiredState[] = ['translated', 'reviewed', 'final'];
const STATE_ORDER: readonly SegmentState[] = ['initial', 'translated', 'reviewed', 'final'];

export interface MergePolicy {
  /** what an untranslated segment is: an error, or its source written in its place */
  untranslated: 'error' | 'source';
  /** the least state a segment must have */
  require?: RequiredState;
  /** quality checks to run instead of the registered ones */
  checks?: readonly QualityCheck[];
}

export interface MergeCounts {
  units: number;
  segments: number;
  /** segments written from the XLIFF target */
  merged: number;
  /** translatable segments written from their source */
  fromSource: number;
  states: Record<SegmentState, number>;
}

export interface MatchResult {
  /** the original with each segment's target to write; absent targets mean the source */
  document: Document;
  /** problems that make the file unmergeable whatever `--force` says */
  refusals: Finding[];
  /** policy and quality findings, which `--force` may override */
  findings: Finding[];
  counts: MergeCounts;
}

export interface MatchRequest {
  /** the original re-extracted and segmented as at extraction */
  original: Document;
  entry: XliffFileEntry;
  xliffPath: string;
  targetLang: string;
  policy: MergePolicy;
}

interface At {
  line: number;
  column: number;
}

class Collector {
  readonly list: Finding[] = [];
  constructor(private readonly file: string) {}
  add(severity: Severity, rule: string, at: At, message: string, unitId?: string, segmentId?: string): void {
    this.list.push({
      rule,
      severity,
      message,
      file: this.file,
      line: at.line,
      column: at.column,
      ...(unitId !== undefined ? { unitId } : {}),
      ...(segmentId !== undefined ? { segmentId } : {}),
    });
  }
  error(rule: string, at: At, params: Record<string, unknown>, unitId?: string, segmentId?: string): void {
    this.add('error', rule, at, t(`merge:rule.${rule}`, params), unitId, segmentId);
  }
}

const codeShape = (content: Content) =>
  normalizeContent(content)
    .filter((i): i is InlineCode => i.type === 'code')
    .map((c) => `${c.kind}:${c.id}`)
    .join(' ');

/** A segment with no letters (a number, an image alone) reads the same in any language, so a copy is its translation. */
const needsTranslation = (source: Content) => /\p{L}/u.test(plainText(source));

function codeKey(code: InlineCode): string {
  return `${code.kind}\u0000${code.id}`;
}

/**
 * The target with every code restored from the original source: the XLIFF carries only ids
 * (1.2) or data a tool could have altered (2.x), and only the original's markup is trusted.
 * Codes the source lacks are returned apart, since there is no markup to write for them.
 */
function restoreCodes(target: Content, source: Content): { content: Content; unknown: InlineCode[] } {
  const known = new Map<string, InlineCode>();
  for (const item of source) if (item.type === 'code') known.set(codeKey(item), item);
  const unknown: InlineCode[] = [];
  const content: Inline[] = [];
  for (const item of target) {
    if (item.type === 'text') content.push(item);
    else {
      const original = known.get(codeKey(item));
      if (original) content.push(original);
      else unknown.push(item);
    }
  }
  return { content: normalizeContent(content).map(ownText), unknown };
}

/**
 * A target's text is a slice of the chunk the XLIFF reader decoded, and a slice keeps its
 * whole parent alive: held for the merged document, every segment would pin a chunk of the
 * XLIFF text. A copy lets the chunks go once read.
 */
function ownText(item: Inline): Inline {
  return item.type === 'text' ? { type: 'text', text: (' ' + item.text).slice(1) } : item;
}

function emptyCounts(): MergeCounts {
  return { units: 0, segments: 0, merged: 0, fromSource: 0, states: { initial: 0, translated: 0, reviewed: 0, final: 0 } };
}

/** What a unit's match found; kept only for the units that found something, since a large document has many. */
interface Problems {
  refusals?: Finding[];
  findings?: Finding[];
}

/** A unit's counts, flat: units, segments, merged, from source, then one per state in `STATE_ORDER`. */
const COUNT_FIELDS = 4 + STATE_ORDER.length;
const STATE_FIELD = new Map(STATE_ORDER.map((state, i) => [state, 4 + i]));

/**
 * Puts the XLIFF's targets onto the re-extracted original, unit by unit and segment by
 * segment. Units and segments must be the same on both sides and hold the same source text
 * and code ids; anything else means the XLIFF was made from another version of the document.
 * Units are taken one at a time as the XLIFF is read, so a large file's units never all stand
 * in memory together; findings come out in the order of the original's units all the same.
 */
export class DocumentMatcher {
  private readonly index = new Map<string, number>();
  /**
   * Per unit of the original, as matched: the unit to write, its counts in one typed array
   * rather than an object each, and its findings where it has any. These grow with the
   * document, so they are kept as small as the matching allows.
   */
  private readonly matched: (Unit | undefined)[];
  private readonly counts: Int32Array;
  private readonly problems = new Map<number, Problems>();
  private readonly added: Collector;

  constructor(
    private readonly original: Document,
    private readonly xliffPath: string,
    private readonly targetLang: string,
    private readonly policy: MergePolicy,
    /** false when only the findings are wanted: merged units are then not kept */
    private readonly keep = true,
  ) {
    original.units.forEach((unit, i) => this.index.set(unit.id, i));
    this.matched = new Array<Unit | undefined>(original.units.length);
    this.counts = new Int32Array(original.units.length * COUNT_FIELDS);
    this.added = new Collector(xliffPath);
  }

  /** One unit as read; a later unit of the same id takes the place of an earlier one. */
  unit(got: ReadUnit): void {
    const { original, policy, xliffPath, targetLang } = this;
    // The writer keeps an empty document valid XLIFF 2 with one placeholder unit.
    if (original.units.length === 0 && got.id === 'empty' && !got.translate) return;
    const at = this.index.get(got.id);
    if (at === undefined) {
      this.added.error('unit-added', got, { unit: got.id }, got.id);
      return;
    }
    const unit = original.units[at]!;
    const refusals = new Collector(xliffPath);
    const findings = new Collector(xliffPath);
    const counts = emptyCounts();
    this.matched[at] = unit;
    this.problems.delete(at);
    const keep = () => {
      this.counts.set([counts.units, counts.segments, counts.merged, counts.fromSource, ...STATE_ORDER.map((state) => counts.states[state])], at * COUNT_FIELDS);
      if (!refusals.list.length && !findings.list.length) return;
      const found: Problems = {};
      if (refusals.list.length) found.refusals = refusals.list;
      if (findings.list.length) found.findings = findings.list;
      this.problems.set(at, found);
    };
    const want = segments(unit);
    const have = got.parts.filter((p): p is ReadSegment => p.kind === 'segment');
    const wantIds = want.map((s) => s.id).join(' ');
    const haveIds = have.map((s) => s.id).join(' ');
    if (wantIds !== haveIds) {
      refusals.error('segments-differ', got, { unit: unit.id, expected: wantIds, found: haveIds }, unit.id);
      keep();
      return;
    }
    if (unit.translate) counts.units += 1;
    const byId = new Map(have.map((s) => [s.id, s]));
    const parts: Part[] = unit.parts.map((part) => {
      if (part.kind !== 'segment') return part;
      const segment = byId.get(part.id)!;
      if (plainText(segment.source) !== plainText(part.source)) {
        refusals.error('source-text', segment, { expected: plainText(part.source), found: plainText(segment.source) }, unit.id, part.id);
        return part;
      }
      if (codeShape(segment.source) !== codeShape(part.source)) {
        refusals.error('source-codes', segment, { expected: codeShape(part.source), found: codeShape(segment.source) }, unit.id, part.id);
        return part;
      }
      if (!unit.translate) return part;
      counts.segments += 1;
      counts.states[segment.state] += 1;
      const { target: rawTarget } = segment;
      const untranslated = rawTarget === undefined || (needsTranslation(part.source) && sameShape(rawTarget, part.source));
      if (untranslated) {
        const exempt = !needsTranslation(part.source);
        if (!exempt && policy.untranslated === 'error') findings.error('untranslated', segment, {}, unit.id, part.id);
        else if (!exempt && policy.require && STATE_ORDER.indexOf(segment.state) < STATE_ORDER.indexOf(policy.require)) {
          findings.error('state', segment, { state: segment.state, required: policy.require }, unit.id, part.id);
        }
        counts.fromSource += 1;
        const { target: _drop, ...rest } = part;
        return { ...rest, state: segment.state };
      }
      const { content, unknown } = restoreCodes(rawTarget, part.source);
      for (const code of unknown) refusals.error('code-unknown', segment, { kind: code.kind, id: code.id }, unit.id, part.id);
      if (policy.require && STATE_ORDER.indexOf(segment.state) < STATE_ORDER.indexOf(policy.require)) {
        findings.error('state', segment, { state: segment.state, required: policy.require }, unit.id, part.id);
      }
      const pair = { unitId: unit.id, segmentId: part.id, source: part.source, target: content, sourceLang: original.sourceLang, targetLang };
      for (const found of runQualityChecks(pair, policy.checks)) findings.add(found.severity, found.rule, segment, found.message, unit.id, part.id);
      counts.merged += 1;
      // Built field by field: a spread copy here gave each of the file's segments a hidden class
      // of its own in V8, about a third of the merged model's memory.
      const merged: Segment = { kind: 'segment', id: part.id, source: part.source, state: segment.state, target: content };
      if (part.matches) merged.matches = part.matches;
      return merged;
    });
    if (this.keep) this.matched[at] = { ...unit, parts };
    keep();
  }

  /** The merged document once every unit has been read; `entry` places the report of a missing unit. */
  finish(entry: At): MatchResult {
    const refusals = [...this.added.list];
    const findings: Finding[] = [];
    const counts = emptyCounts();
    const missing = new Collector(this.xliffPath);
    const all = this.counts;
    const units = this.original.units.map((unit, i) => {
      const matched = this.matched[i];
      if (!matched) {
        missing.error('unit-missing', entry, { unit: unit.id, line: unit.context.line ?? '?' }, unit.id);
        refusals.push(...missing.list.splice(0));
        return unit;
      }
      const found = this.problems.get(i);
      if (found?.refusals) refusals.push(...found.refusals);
      if (found?.findings) findings.push(...found.findings);
      const at = i * COUNT_FIELDS;
      counts.units += all[at]!;
      counts.segments += all[at + 1]!;
      counts.merged += all[at + 2]!;
      counts.fromSource += all[at + 3]!;
      for (const state of STATE_ORDER) counts.states[state] += all[at + STATE_FIELD.get(state)!]!;
      return matched;
    });
    return { document: { ...this.original, targetLang: this.targetLang, units }, refusals, findings, counts };
  }
}

/** `DocumentMatcher` over units already read. */
export function matchDocument(request: MatchRequest): MatchResult {
  const { original, entry, xliffPath, targetLang, policy } = request;
  const matcher = new DocumentMatcher(original, xliffPath, targetLang, policy);
  for (const unit of entry.units) matcher.unit(unit);
  return matcher.finish(entry);
}
