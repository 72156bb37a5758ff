/** A text with its expected glossary hits marked as `[[surface|concept-id]]`. */
export interface Annotated {
  text: string;
  expected: { start: number; end: number; conceptId: string }[];
}

export function parseAnnotated(marked: string): Annotated {
  const expected: Annotated['expected'] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(/\[\[([^\]|]+)\|([^\]]+)\]\]/gu)) {
    text += marked.slice(last, m.index);
    expected.push({ start: text.length, end: text.length + m[1]!.length, conceptId: m[2]! });
    text += m[1]!;
    last = m.index! + m[0].length;
  }
  return { text: text + marked.slice(last), expected };
}

export interface Score {
  expected: number;
  found: number;
  correct: number;
  recall: number;
  precision: number;
}

/** A hit is correct when it names the expected entry and overlaps the expected span. */
export function score(expected: Annotated['expected'], found: { start: number; end: number; conceptId: string }[]): Score {
  const used = new Set<number>();
  let correct = 0;
  for (const hit of found) {
    const i = expected.findIndex((e, k) => !used.has(k) && e.conceptId === hit.conceptId && hit.start < e.end && e.start < hit.end);
    if (i >= 0) {
      used.add(i);
      correct += 1;
    }
  }
  return {
    expected: expected.length,
    found: found.length,
    correct,
    recall: expected.length ? correct / expected.length : 1,
    precision: found.length ? correct / found.length : 1,
  };
}
