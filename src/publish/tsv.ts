import { plainText } from '../model/content.js';
import type { SegmentPair } from './pairs.js';

/** Backslash is escaped too, so `\t` written by the text itself reads back as it was. */
function field(text: string): string {
  return text.replace(/[\\\t\n\r]/gu, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** `unit`, `segment`, `source`, `target` per line under a header; codes are left out, an untranslated target is empty. */
export function alignedTsv(pairs: readonly SegmentPair[]): string {
  const lines = ['unit\tsegment\tsource\ttarget'];
  for (const pair of pairs) {
    lines.push([pair.unit, pair.segment, plainText(pair.source), pair.target ? plainText(pair.target) : ''].map(field).join('\t'));
  }
  return lines.join('\n') + '\n';
}
