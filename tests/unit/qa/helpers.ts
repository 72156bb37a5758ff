import type { Glossary } from '../../../src/glossary/schema.js';
import type { Content, Inline } from '../../../src/model/schema.js';
import { checkSegment, type QaFinding, type QaPair, type QaRule } from '../../../src/qa/index.js';
import { entry } from '../../helpers/concept.js';

export const ZWNJ = '\u200C';


export const glossary: Glossary = {
  languages: ['en', 'fa'],
  origins: new Map(),
  entries: [
    entry('khamenei', { en: ['Khamenei'], fa: [`خامنه${ZWNJ}ای`] }, { type: 'person' }),
    entry('mek', { en: ['MEK'], fa: ['سازمان مجاهدین خلق', { text: 'منافقین', status: 'forbidden' }, { text: 'سازمان مجاهدین', status: 'deprecated' }] }, { type: 'organization' }),
    entry('ncri', { en: ['NCRI'], fa: ['NCRI'] }, { type: 'organization', doNotTranslate: true }),
    entry('massacre', { en: ['1988 massacre'], fa: [`قتل${ZWNJ}عام ۱۳۶۷`, { text: 'قتل عام ۱۳۶۷', status: 'deprecated' }] }, { type: 'event' }),
  ],
};

export const text = (value: string): Inline => ({ type: 'text', text: value });
export const open = (id: string, tag = 'b'): Inline => ({ type: 'code', kind: 'open', id, tag, data: `<${tag}>` });
export const close = (id: string, tag = 'b'): Inline => ({ type: 'code', kind: 'close', id, tag, data: `</${tag}>` });
export const ph = (id: string, data = '<br/>'): Inline => ({ type: 'code', kind: 'standalone', id, tag: 'br', data });

const asContent = (value: Content | string): Content => (typeof value === 'string' ? [text(value)] : value);

export function check(source: Content | string, target: Content | string, extra: Partial<QaPair> = {}): QaFinding[] {
  return checkSegment({ unitId: 'p1', segmentId: 's1', source: asContent(source), target: asContent(target), sourceLang: 'en', targetLang: 'fa', glossary, ...extra });
}

/** Rule and severity of each finding, for compact expectations. */
export const rules = (findings: readonly QaFinding[]) => findings.map((f) => `${f.rule}:${f.severity}`);

export const only = (findings: readonly QaFinding[], rule: QaRule) => findings.filter((f) => f.rule === rule);
