import { t } from '../../i18n/index.js';
import type { Content } from '../../model/schema.js';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { contentValue, looksLikeIcu, parseIcu } from './inline.js';

export interface ResourceFinding {
  rule: 'i18next-placeholder-missing' | 'i18next-placeholder-added' | 'i18next-nesting-missing' | 'i18next-nesting-added' | 'i18next-icu-invalid';
  severity: 'error' | 'warning';
  message: string;
}

/** `{{ name }}` and `{{name}}` are the same variable to i18next, so spacing is not a difference. */
const interpolations = (value: string) => [...value.matchAll(/\{\{([^{}]*)\}\}/gu)].map((m) => `{{${m[1]!.replace(/\s+/gu, '')}}}`);
const nestings = (value: string) => [...value.matchAll(/\$t\((?:[^()]|\([^()]*\))*\)/gu)].map((m) => m[0].replace(/\s+/gu, ''));

function icuArguments(elements: readonly MessageFormatElement[], out: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) icuArguments(element.children, out);
    else {
      out.push(`{${element.value}}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) icuArguments(option.value, out);
    }
  }
  return out;
}

/** Items of `a` not matched one for one in `b`. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

/**
 * Checks a translated resource value against its source: a lost `{{count}}` or `$t(…)` breaks the
 * string at run time, and an ICU message that no longer parses makes i18next show the raw key.
 */
export function checkResourceSegment(source: Content, target: Content): ResourceFinding[] {
  const from = contentValue(source);
  const to = contentValue(target);
  const findings: ResourceFinding[] = [];
  const icuSource = looksLikeIcu(from) ? parseIcu(from) : undefined;
  // Only a source that is itself a valid ICU message says the target must be one.
  const icuTarget = icuSource?.ok ? parseIcu(to) : undefined;
  if (icuTarget && !icuTarget.ok) findings.push({ rule: 'i18next-icu-invalid', severity: 'error', message: t('i18next:check.icuInvalid', { reason: icuTarget.error }) });
  const placeholders = (value: string, icu: ReturnType<typeof parseIcu> | undefined) => [...interpolations(value), ...(icu?.ok ? [...new Set(icuArguments(icu.elements))] : [])];
  // A target that does not parse is already an error; its arguments cannot be compared.
  const sourcePlaceholders = placeholders(from, icuTarget?.ok === false ? undefined : icuSource);
  const targetPlaceholders = placeholders(to, icuTarget);
  for (const p of without(sourcePlaceholders, targetPlaceholders))
    findings.push({ rule: 'i18next-placeholder-missing', severity: 'error', message: t('i18next:check.placeholderMissing', { placeholder: p }) });
  for (const p of without(targetPlaceholders, sourcePlaceholders))
    findings.push({ rule: 'i18next-placeholder-added', severity: 'error', message: t('i18next:check.placeholderAdded', { placeholder: p }) });
  const sourceNest = nestings(from);
  const targetNest = nestings(to);
  for (const n of without(sourceNest, targetNest)) findings.push({ rule: 'i18next-nesting-missing', severity: 'error', message: t('i18next:check.nestingMissing', { reference: n }) });
  for (const n of without(targetNest, sourceNest)) findings.push({ rule: 'i18next-nesting-added', severity: 'warning', message: t('i18next:check.nestingAdded', { reference: n }) });
  return findings;
}
