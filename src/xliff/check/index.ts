import { t } from '../../i18n/index.js';
import { xliffText, type XliffInput } from '../read/input.js';
import { fileEntry, kitMembers, readGroup12, readUnit12, readUnit2, splitSegments } from '../read/model.js';
import { parseXliffChunks } from '../read/parse.js';
import type { ReadUnit, XliffFileEntry, XliffReadVersion } from '../read/types.js';
import type { RawCode, RawContent, RawDocument, RawFile, RawGroup12, RawItem, RawSink, RawUnit12, RawUnit2 } from '../read/raw.js';
import { xmlAttr, type Pos } from '../read/xml.js';
import { checkPairing, codesOf, compareCodes, IdScope, sameLang, sameSignature, wrappable, type PairingRules, type SequenceItem } from './codes.js';
import { Findings, type Finding, type Where } from './finding.js';

export type { Finding, Severity } from './finding.js';

const PAIRING_2: PairingRules = {
  isStart: (c) => c.el === 'sc',
  isEnd: (c) => c.el === 'ec',
  isolated: (c) => c.attrs.isolated === 'yes',
  strictEnd: true,
};

const PAIRING_12: PairingRules = {
  isStart: (c) => c.el === 'bx' || c.el === 'bpt',
  isEnd: (c) => c.el === 'ex' || c.el === 'ept',
  isolated: () => false,
  strictEnd: false,
};

const LANG_ATTR = xmlAttr('lang');

const DATA_REFS = ['dataRef', 'dataRefStart', 'dataRefEnd'] as const;

/** 1.2 has no canDelete: losing any code is the same finding. */
const anyDeletable = () => true;

/** Elements whose `id` a 1.2 content must not repeat; `ex`/`ept` may share their start's id. */
const IDS_12 = new Set(['g', 'x', 'bx', 'bpt', 'ph', 'it']);

/**
 * Who wants the units as read while the file is checked, so that one pass over the file does
 * both. A file's entry comes at its end, complete; units come as they are read.
 */
export interface CheckListener {
  document?(version: XliffReadVersion, srcLang: string | undefined, trgLang: string | undefined): void;
  fileStart?(file: RawFile): void;
  unit(unit: ReadUnit, file: RawFile): void;
  fileEnd?(entry: XliffFileEntry): void;
  /** the file or one of its units could not be read: what was handed on is not the whole file */
  unreadable?(): void;
}

class CheckSink implements RawSink {
  private doc: RawDocument | undefined;
  private readonly files: IdScope;
  private units: IdScope;
  private reportedNoTrgLang = false;
  private broken = false;
  private reportedNoTargetLanguage = false;

  constructor(
    private readonly path: string,
    private readonly findings: Findings,
    private readonly listener?: CheckListener,
  ) {
    this.files = new IdScope(findings, 'document');
    this.units = new IdScope(findings, 'file');
  }

  document(doc: RawDocument): void {
    this.doc = doc;
    this.listener?.document?.(doc.version, doc.srcLang, doc.trgLang);
  }

  fileStart(file: RawFile): void {
    if (this.doc!.version !== '1.2') this.files.add(file.id, 'file', file);
    this.units = new IdScope(this.findings, 'file');
    this.reportedNoTargetLanguage = false;
    this.listener?.fileStart?.(file);
  }

  fileEnd(file: RawFile): void {
    this.listener?.fileEnd?.(fileEntry(file, this.doc!.version === '1.2' ? '1.2' : '2.x'));
  }

  group2(group: Pos & { id?: string }): void {
    this.units.add(group.id, 'group', group);
  }

  /** The reader's own refusals of a unit become findings too; what it reads goes to the listener after the checks. */
  private reading(run: () => ReadUnit[]): ReadUnit[] {
    try {
      return run();
    } catch (error) {
      this.refused(error);
      return [];
    }
  }

  private refused(error: unknown): void {
    this.findings.fromError(error);
    this.listener?.unreadable?.();
  }

  /** Units stop going to the listener once the file has an error: what it would make of them is of no use. */
  private handOn(units: ReadUnit | ReadUnit[] | undefined, file: RawFile): void {
    if (!this.listener || this.broken) return;
    if (this.findings.hasErrors) {
      this.broken = true;
      return;
    }
    if (units === undefined) return;
    if (!Array.isArray(units)) this.listener.unit(units, file);
    else for (const unit of units) this.listener.unit(unit, file);
  }

  // The two below run for every unit: one unit is read without a closure and an array around it,
  // and the once-only warnings are asked through functions made once.
  private readonly noTrgLangOnce = () => this.noTrgLang();
  private noTargetLanguageOnce: { file: RawFile | undefined; ask: () => boolean } = { file: undefined, ask: () => false };

  unit2(unit: RawUnit2, file: RawFile): void {
    this.units.add(unit.id, 'unit', unit);
    let read: ReadUnit | undefined;
    try {
      read = readUnit2(unit, this.path);
    } catch (error) {
      this.refused(error);
    }
    checkUnit2(unit, this.doc!, this.findings, this.noTrgLangOnce);
    this.handOn(read, file);
  }

  unit12(unit: RawUnit12, file: RawFile): void {
    this.units.add(unit.id, 'trans-unit', unit);
    let read: ReadUnit | undefined;
    try {
      read = readUnit12(unit, this.path);
    } catch (error) {
      this.refused(error);
    }
    if (this.noTargetLanguageOnce.file !== file) this.noTargetLanguageOnce = { file, ask: () => this.noTargetLanguage(file) };
    checkUnit12(unit, file, this.findings, this.noTargetLanguageOnce.ask);
    this.handOn(read, file);
  }

  group12(group: RawGroup12, file: RawFile): void {
    const walk = (g: RawGroup12) => {
      // the sentences of a kit group are one unit: a code pair may start in one and end in another
      const kit = kitMembers(g) ? { source: [], target: [] } : undefined;
      for (const child of g.children) {
        if (child.el === 'group') walk(child);
        else {
          this.units.add(child.id, 'trans-unit', child);
          checkUnit12(child, file, this.findings, () => this.noTargetLanguage(file), kit);
        }
      }
      if (kit) {
        checkPairing(kit.source, PAIRING_12, this.findings);
        checkPairing(kit.target, PAIRING_12, this.findings);
      }
    };
    walk(group);
    this.handOn(this.reading(() => readGroup12(group, this.path)), file);
  }

  /** Once per 1.2 file: a target where the file names no target-language (optional in 1.2, hence a warning). */
  private noTargetLanguage(file: RawFile): boolean {
    if (file.trgLang !== undefined || this.reportedNoTargetLanguage) return false;
    this.reportedNoTargetLanguage = true;
    return true;
  }

  /** Once per document: a target in an XLIFF 2 file that names no target language. */
  private noTrgLang(): boolean {
    if (this.doc!.trgLang !== undefined || this.reportedNoTrgLang) return false;
    this.reportedNoTrgLang = true;
    return true;
  }
}

function checkLang(content: RawContent, expected: string | undefined, side: 'source' | 'target', element: string, findings: Findings, where: Where): void {
  const lang = content.attrs[LANG_ATTR];
  if (lang !== undefined && expected !== undefined && !sameLang(lang, expected))
    findings.error('lang-mismatch', content, { element, lang, side: t(`xliff-check:side.${side}`), expected }, where);
}

function checkUnit2(unit: RawUnit2, doc: RawDocument, findings: Findings, noTrgLang: () => boolean): void {
  const unitWhere: Where = unit.id !== undefined ? { unitId: unit.id } : {};
  const ids = new IdScope(findings, 'unit');
  const targetIds = new IdScope(findings, 'content');
  const dataIds = new IdScope(findings, 'originalData');
  for (const data of unit.data) {
    if (data.id === undefined) findings.error('missing-attribute', data, { element: 'data', attribute: 'id' }, unitWhere);
    dataIds.add(data.id, 'data', data, unitWhere);
  }
  const sourceMarks = new Set<string>();
  const targetMarks = new Set<string>();
  const sourceSeq: SequenceItem[] = [];
  const targetSeq: SequenceItem[] = [];

  const inlineIds = (items: RawItem[], scope: IdScope, marks: Set<string>, where: Where) => {
    for (const item of items) {
      if (item.t === 'mark') {
        if (!item.closing && item.id !== undefined) {
          scope.add(item.id, item.el, item, where);
          marks.add(item.id);
        }
      } else if (item.t === 'code' && !item.endOf) {
        if (item.el === 'ec') scope.add(item.attrs.id, 'ec', item, where);
        else {
          if (item.id === undefined) findings.error('missing-attribute', item, { element: item.el, attribute: 'id' }, where);
          scope.add(item.id, item.el, item, where);
        }
      }
    }
  };
  const dataRefs = (codes: RawCode[], where: Where) => {
    for (const code of codes) {
      if (code.endOf) continue;
      for (const attribute of DATA_REFS) {
        const ref = code.attrs[attribute];
        if (ref !== undefined && !dataIds.has(ref)) findings.error('data-ref', code, { attribute, ref }, where);
      }
    }
  };
  const sequence = (codes: RawCode[], into: SequenceItem[], report: boolean, where: Where) => {
    for (const code of codes) into.push({ code, report, where });
  };

  for (const part of unit.parts) ids.add(part.id, part.kind, part, unitWhere);
  for (const part of unit.parts) {
    const where: Where = part.kind === 'segment' && part.id !== undefined ? (unit.id !== undefined ? { unitId: unit.id, segmentId: part.id } : { segmentId: part.id }) : unitWhere;
    const source = part.source?.items ?? [];
    const sourceCodes = codesOf(source);
    const target = part.target;
    inlineIds(source, ids, sourceMarks, where);
    dataRefs(sourceCodes, where);
    sequence(sourceCodes, sourceSeq, true, where);
    if (part.source) checkLang(part.source, doc.srcLang, 'source', 'source', findings, where);
    if (target) {
      const targetCodes = codesOf(target.items);
      inlineIds(target.items, targetIds, targetMarks, where);
      dataRefs(targetCodes, where);
      sequence(targetCodes, targetSeq, true, where);
      if (noTrgLang()) findings.error('trglang-missing', target, {}, where);
      checkLang(target, doc.trgLang, 'target', 'target', findings, where);
      if (part.kind === 'segment') compareCodes(source, target.items, target, findings, where, (c) => c.attrs.canDelete !== 'no');
    } else {
      sequence(sourceCodes, targetSeq, false, where);
      const state = part.attrs.state;
      if (part.kind === 'segment' && state !== undefined && state !== 'initial') findings.warning('state-without-target', part, { state }, where);
    }
  }
  checkPairing(sourceSeq, PAIRING_2, findings);
  checkPairing(targetSeq, PAIRING_2, findings);

  for (const entry of unit.glossRefs) {
    const m = /^#(t=)?([^/=]+)$/u.exec(entry.ref);
    if (!m) continue;
    const marks = m[1] ? targetMarks : sourceMarks;
    if (!marks.has(m[2]!)) findings.error('gls-ref', entry, { ref: entry.ref }, unitWhere);
  }
  if (unit.space !== 'preserve' && unit.parts.some((p) => p.target && (wrappable(p.source?.items) || wrappable(p.target.items))))
    findings.warning('space-default', unit, {}, unitWhere);
}

/** `kit` collects the codes of a kit group's sentences, to be paired across the whole group. */
function checkUnit12(unit: RawUnit12, file: RawFile, findings: Findings, noTargetLanguage: () => boolean, kit?: { source: SequenceItem[]; target: SequenceItem[] }): void {
  const unitWhere: Where = unit.id !== undefined ? { unitId: unit.id } : {};
  for (const content of [unit.source, unit.segSource, unit.target]) {
    if (content === undefined) continue;
    const codes = codesOf(content.items);
    // Plain text has no ids to check and nothing to pair, neither here nor across a kit group.
    if (codes.length === 0) continue;
    const scope = new IdScope(findings, 'content');
    for (const code of codes) {
      if (code.endOf) continue;
      if (code.id === undefined) findings.error('missing-attribute', code, { element: code.el, attribute: 'id' }, unitWhere);
      if (IDS_12.has(code.el)) scope.add(code.attrs.id, code.el, code, unitWhere);
    }
    const sequence = codes.map((code) => ({ code, report: true, where: unitWhere }));
    if (!kit) checkPairing(sequence, PAIRING_12, findings);
    else if (content === unit.source) {
      kit.source.push(...sequence);
      if (!unit.target) kit.target.push(...sequence.map((item) => ({ ...item, report: false })));
    } else if (content === unit.target) kit.target.push(...sequence);
  }
  if (unit.source) checkLang(unit.source, file.srcLang, 'source', 'source', findings, unitWhere);
  if (unit.segSource && unit.source && !sameSignature(unit.segSource.items, unit.source.items))
    findings.error('seg-source-mismatch', unit.segSource, {}, unitWhere);

  const target = unit.target;
  if (!target) {
    if (unit.approved) findings.warning('state-without-target', unit, { state: 'approved' }, unitWhere);
  } else {
    if (noTargetLanguage()) findings.warning('trglang-missing', target, {}, unitWhere);
    checkLang(target, file.trgLang, 'target', 'target', findings, unitWhere);
  }

  const chunks = unit.segSource ? splitSegments(unit.segSource) : [];
  const segments = chunks.filter((c) => c.isSegment);
  const mids = new IdScope(findings, 'unit');
  for (const s of segments) {
    if (s.mid === undefined) findings.error('missing-attribute', s, { element: 'mrk', attribute: 'mid' }, unitWhere);
    mids.add(s.mid, 'mrk', s, unitWhere);
  }
  if (!target) return;
  if (unit.space !== 'preserve' && (wrappable(unit.source?.items) || wrappable(target.items))) findings.warning('space-default', unit, {}, unitWhere);
  if (segments.length === 0) {
    compareCodes(unit.source?.items ?? [], target.items, target, findings, unitWhere, anyDeletable);
    return;
  }
  const targetSegments = splitSegments(target).filter((c) => c.isSegment);
  if (targetSegments.length === 0 && segments.length === 1) {
    compareCodes(segments[0]!.items, target.items, target, findings, { ...unitWhere, ...(segments[0]!.mid !== undefined ? { segmentId: segments[0]!.mid } : {}) }, anyDeletable);
    return;
  }
  const targetMids = new IdScope(findings, 'unit');
  const byMid = new Map<string, { items: RawItem[] }>();
  for (const s of targetSegments) {
    targetMids.add(s.mid, 'mrk', s, unitWhere);
    if (s.mid === undefined) continue;
    if (!mids.has(s.mid)) findings.error('seg-mid-orphan', s, { mid: s.mid }, unitWhere);
    if (!byMid.has(s.mid)) byMid.set(s.mid, s);
  }
  for (const s of segments) {
    if (s.mid === undefined) continue;
    const where: Where = unit.id !== undefined ? { unitId: unit.id, segmentId: s.mid } : { segmentId: s.mid };
    const t = byMid.get(s.mid);
    if (!t) findings.error('seg-mid-missing', target, { mid: s.mid }, where);
    else compareCodes(s.items, t.items, target, findings, where, anyDeletable);
  }
}

/**
 * Checks an XLIFF 1.2 or 2.x file for what its schema cannot: ids unique in their scopes,
 * start and end codes paired, data and glossary references resolved, target codes matching
 * source codes, languages agreeing, states consistent, 1.2 segments matched. What the reader
 * refuses (encoding, malformed XML, DOCTYPE, entities, not XLIFF) is reported the same way.
 */
export function checkXliff(bytes: XliffInput, path: string, listener?: CheckListener): Finding[] {
  const findings = new Findings(path);
  try {
    parseXliffChunks(xliffText(bytes, path), path, new CheckSink(path, findings, listener));
  } catch (error) {
    findings.fromError(error);
    listener?.unreadable?.();
  }
  return findings.sorted();
}
