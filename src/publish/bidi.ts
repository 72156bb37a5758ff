import { toPersianDigits } from '../lang/fa.js';

const LATIN = 'A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF';
const WORD = `[${LATIN}][${LATIN}0-9]*`;
/*
 * A Latin run is what the bidi algorithm would otherwise scatter inside right-to-left text:
 * words joined by `/ . - _ & + ' :` or spaces ("PMOI/MEK", "COVID-19", "Human Rights Watch"),
 * and URLs and e-mail addresses whole. Digits belong to a run only when glued to a Latin word,
 * so a number that merely follows one is still written in Persian digits.
 */
const LATIN_RUN = new RegExp(
  [
    `(?:https?|ftp)://[^\\s<>«»"]*[^\\s<>«»".,،؛:;!?؟)\\]]`,
    `www\\.[^\\s<>«»"]*[^\\s<>«»".,،؛:;!?؟)\\]]`,
    `[${LATIN}0-9._%+-]+@[${LATIN}0-9.-]+\\.[${LATIN}]{2,}`,
    `${WORD}(?:[/.\\-_&+'’:][${LATIN}0-9]+|[ \\u00A0]+${WORD})*`,
  ].join('|'),
  'gu',
);

export interface TextPiece {
  text: string;
  latin: boolean;
}

/** Right-to-left text cut into Latin runs and the rest. */
export function splitLatinRuns(text: string): TextPiece[] {
  const out: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(LATIN_RUN)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), latin: false });
    out.push({ text: m[0], latin: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), latin: false });
  return out;
}

/** Persian digits everywhere except inside Latin runs, URLs and addresses, where they are part of a name. */
export function persianDigitsOutsideLatin(text: string): string {
  return splitLatinRuns(text)
    .map((p) => (p.latin ? p.text : toPersianDigits(p.text)))
    .join('');
}
