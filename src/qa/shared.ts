import { primaryLanguage } from '../glossary/matcher/index.js';
import { formatNumber, t } from '../i18n/index.js';
import type { Issue, QaRule, QaSeverity, QaSpan } from './types.js';

export const quote = (text: string) => t('qa:quote', { text });

/** A 1-based count in the reader's digits, so a Persian message does not mix digit systems. */
export const formatCount = (n: number) => formatNumber(n);

export function issue(rule: QaRule, severity: QaSeverity, params: Record<string, unknown>, extra: Partial<Issue> = {}, key: string = rule): Issue {
  return { rule, severity, message: t(`qa:${key}`, params), ...extra };
}

export function spanOf(text: string, start: number, end: number): QaSpan {
  return { start, end, text: text.slice(start, end) };
}

/** URLs, e-mail addresses and domain names: written the same in any language, never prose. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s«»“”"'<>()]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|ir|io|gov|edu|info)\b(?:\/[^\s«»“”"'<>()]*)?/giu;

/**
 * Most texts hold no address; a cheap look for what every address must contain (a scheme, a
 * `www.`, an `@`, or a dot before one of the top-level domains) spares the full expression.
 */
const MAYBE_ADDRESS = /:\/\/|www\.|@|\.(?:com|org|net|ir|io|gov|edu|info)\b/iu;

let lastText: string | undefined;
let lastRanges: ReadonlyArray<readonly [number, number]> = [];

/** Where addresses lie in a text, as [start, end) pairs. Several checks ask about one text in turn. */
export function addressRanges(text: string): ReadonlyArray<readonly [number, number]> {
  if (text === lastText) return lastRanges;
  lastText = text;
  lastRanges = MAYBE_ADDRESS.test(text) ? [...text.matchAll(ADDRESS)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  return lastRanges;
}

export function inRanges(ranges: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  return ranges.some(([s, e]) => offset >= s && offset < e);
}

/** Blanks out addresses (same length), so later scans keep their offsets. */
export function maskAddresses(text: string): string {
  let out = text;
  for (const [s, e] of addressRanges(text)) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

/** Language tags repeat for every segment of a file: each is taken apart once. */
const primaries = new Map<string, string>();
export function primaryOf(lang: string): string {
  let primary = primaries.get(lang);
  if (primary === undefined) {
    primary = primaryLanguage(lang);
    if (primaries.size < 1000) primaries.set(lang, primary);
  }
  return primary;
}
