export interface Sentence {
  text: string;
  /** UTF-16 offsets in the text the sentence was cut from. */
  start: number;
  end: number;
}

const WHITESPACE = /\s/u;

/**
 * The sentences a list of breaks makes, with the whitespace around each break left out and
 * whitespace-only stretches dropped, as the pipeline cuts segments.
 */
export function sentences(text: string, breaks: readonly number[]): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const end of [...breaks, text.length]) {
    let s = start;
    let e = end;
    while (s < e && WHITESPACE.test(text[s]!)) s++;
    while (e > s && WHITESPACE.test(text[e - 1]!)) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
    start = end;
  }
  return out;
}
