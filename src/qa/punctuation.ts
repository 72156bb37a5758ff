import { isSpaceCodePoint } from '../lang/chars.js';
import { issue, quote } from './shared.js';
import type { QaCheck } from './types.js';

type Ending = 'period' | 'question' | 'exclamation' | 'colon' | 'ellipsis' | 'none';

/** Quotes and brackets may close after the sentence mark, in either language's style. */
const CLOSERS = new Set([...'"\'”’»)]}›']);

function ending(text: string): { kind: Ending; mark: string; end: number } {
  let i = text.length;
  while (i > 0 && (isSpaceCodePoint(text.charCodeAt(i - 1)) || CLOSERS.has(text[i - 1]!))) i--;
  const before = text.slice(0, i);
  if (before.endsWith('…')) return { kind: 'ellipsis', mark: '…', end: i };
  if (before.endsWith('...')) return { kind: 'ellipsis', mark: '...', end: i };
  const mark = before.slice(-1);
  const kind: Ending =
    mark === '.' ? 'period' : mark === '?' || mark === '؟' ? 'question' : mark === '!' ? 'exclamation' : mark === ':' ? 'colon' : 'none';
  return { kind, mark: kind === 'none' ? '' : mark, end: i };
}

const EXPECTED: Record<Exclude<Ending, 'none'>, Record<string, string[]>> = {
  period: { fa: ['.'], other: ['.'] },
  question: { fa: ['؟'], other: ['?'] },
  exclamation: { fa: ['!'], other: ['!'] },
  colon: { fa: [':'], other: [':'] },
  ellipsis: { fa: ['…', '...'], other: ['…', '...'] },
};

/**
 * A sentence should end as its source does: a statement with a full stop, a question with a
 * question mark (`؟` or `?`), an exclamation, a colon that introduces a quotation or a list,
 * an ellipsis (`…` or `...`); closing quotes and brackets after the mark do not count.
 */
export const punctuationEnd: QaCheck = {
  rules: ['punctuation-end'],
  run({ sourceText, targetText, targetPrimary }) {
    if (targetText.trim() === '') return [];
    const s = ending(sourceText);
    const t = ending(targetText);
    if (s.kind === t.kind) return [];
    const expected = s.kind === 'none' ? [] : EXPECTED[s.kind][targetPrimary === 'fa' ? 'fa' : 'other']!;
    const params = { source: quote(s.mark), target: quote(t.mark) };
    const key = s.kind === 'none' ? 'punctuation-end.added' : t.kind === 'none' ? 'punctuation-end.missing' : 'punctuation-end.changed';
    return [
      issue('punctuation-end', 'warning', params, { targetSpan: { start: t.end - t.mark.length, end: t.end, text: t.mark }, expected }, key),
    ];
  },
};
