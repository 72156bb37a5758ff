import { describe, expect, it } from 'vitest';
import { check, close, only, open, ph, rules, text } from './helpers.js';

const codeRules = (findings: ReturnType<typeof check>) => rules(findings.filter((f) => f.rule.startsWith('code-')));

describe('inline code checks', () => {
  const source = [text('The '), open('1'), text('Evin'), close('1'), text(' prison was raided.'), ph('2')];

  it('accepts codes moved to where Persian word order puts them', () => {
    const target = [text('به زندان '), open('1'), text('اوین'), close('1'), text(' یورش بردند.'), ph('2')];
    expect(codeRules(check(source, target))).toEqual([]);
  });

  it('reports a missing code, naming the markup', () => {
    const findings = check(source, [text('به زندان '), open('1'), text('اوین'), close('1'), text(' یورش بردند.')]);
    expect(codeRules(findings)).toEqual(['code-missing:error']);
    expect(only(findings, 'code-missing')[0]!.message).toContain('<br/>');
  });

  it('lets a code the format marks deletable go with a warning', () => {
    const deletable = [text('Raisi spoke.'), { ...ph('3'), canDelete: true }];
    expect(codeRules(check(deletable, 'رئیسی سخن گفت.'))).toEqual(['code-missing:warning']);
  });

  it('reports a code that is not in the source, and one repeated', () => {
    const target = [text('به زندان '), open('1'), text('اوین'), close('1'), text(' یورش بردند.'), ph('2'), ph('2'), ph('9')];
    expect(codeRules(check(source, target))).toEqual(['code-duplicated:error', 'code-added:error']);
  });

  it('reports a pair closed before it opens', () => {
    const target = [text('به زندان '), close('1'), text('اوین'), open('1'), text(' یورش بردند.'), ph('2')];
    expect(codeRules(check(source, target))).toEqual(['code-pair-broken:error']);
  });

  it('reports an open whose close was lost, once', () => {
    const target = [text('به زندان '), open('1'), text('اوین یورش بردند.'), ph('2')];
    expect(codeRules(check(source, target))).toEqual(['code-pair-broken:error']);
  });

  it('reports pairs crossed in the target but not in the source', () => {
    const nested = [open('1'), text('Maryam '), open('2', 'i'), text('Rajavi'), close('2', 'i'), close('1'), text(' spoke.')];
    const crossed = [open('1'), text('مریم '), open('2', 'i'), text('رجوی'), close('1'), close('2', 'i'), text(' سخن گفت.')];
    expect(codeRules(check(nested, crossed))).toEqual(['code-pair-broken:error']);
    // Crossing the source already had is kept as it is.
    expect(codeRules(check(crossed, crossed))).toEqual([]);
  });
});
