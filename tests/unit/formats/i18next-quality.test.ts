import { describe, expect, it } from 'vitest';
import { valueContent } from '../../../src/formats/i18next/index.js';
import { resourceQualityCheck } from '../../../src/formats/i18next/quality-check.js';
import { mergeChecks } from '../../../src/merge/qa-check.js';
import { text } from '../../../src/model/content.js';
import type { Content } from '../../../src/model/schema.js';

/** The target a translator returns: the source's codes kept, its text runs replaced in order. */
function translate(source: Content, ...runs: string[]): Content {
  let next = 0;
  return source.map((item) => (item.type === 'text' ? text(runs[next++] ?? '') : item));
}

const pair = (source: Content, target: Content) => ({ unitId: 'k', segmentId: 's1', source, target, sourceLang: 'en', targetLang: 'fa' });

describe('resource checks in merge and qa', () => {
  it('reports a placeholder typed into an i18next value, and a broken ICU message', () => {
    const source = valueContent('You have {{remaining}} free articles');
    expect(resourceQualityCheck(pair(source, translate(source, 'شما ', ' مقاله‌ی رایگان دارید')))).toEqual([]);
    const typed = resourceQualityCheck(pair(source, translate(source, 'شما ', ' مقاله {{remainig}}')));
    expect(typed.map((f) => [f.rule, f.severity])).toEqual([['i18next-placeholder-added', 'error']]);
    expect(typed[0]!.message).toContain('{{remainig}}');

    const icu = valueContent('{count, plural, one {# article} other {# articles}}');
    const broken = resourceQualityCheck(pair(icu, translate(icu, ' مقاله', ' {مقاله')));
    expect(broken.map((f) => f.rule)).toContain('i18next-icu-invalid');
  });

  it('leaves text from other formats alone, even with braces in it', () => {
    const plain = [text('Use {{name}} in templates')];
    expect(resourceQualityCheck(pair(plain, [text('از {{نام}} استفاده کنید')]))).toEqual([]);
  });

  it('is one of the checks merge and qa run', () => {
    const source = valueContent('Hello {{name}}');
    const findings = mergeChecks().flatMap((check) => check(pair(source, translate(source, 'سلام {{nam}} '))));
    expect(findings.map((f) => f.rule)).toContain('i18next-placeholder-added');
  });
});
