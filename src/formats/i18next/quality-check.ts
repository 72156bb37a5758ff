import type { Content } from '../../model/schema.js';
import { checkResourceSegment, type ResourceFinding } from './check.js';

/** Codes only the i18next format makes: a segment with one of them comes from a resource file. */
const RESOURCE_CODE_TAGS = new Set(['interpolation', 'nesting', 'icu-plural', 'icu-select', 'icu-argument', 'icu-pound']);

const fromResource = (content: Content) => content.some((item) => item.type === 'code' && RESOURCE_CODE_TAGS.has(item.tag));

/**
 * The resource checks for merge and qa: placeholders and `$t()` references kept, ICU still valid.
 * Only segments of i18next resources are checked; `{{x}}` in an HTML page is just text.
 */
export function resourceQualityCheck(pair: { source: Content; target: Content }): ResourceFinding[] {
  return fromResource(pair.source) ? checkResourceSegment(pair.source, pair.target) : [];
}
