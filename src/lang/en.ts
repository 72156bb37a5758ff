/**
 * English inflection as far as term matching needs it: the plural and possessive endings a
 * glossary entry takes in running text ("the MEK's leaders", "the Rajavis'", "militias").
 */

const VOWELS = 'aeiou';

function lowerLast(word: string, n = 1): string {
  return word.slice(-n).toLowerCase();
}

/** Nouns ending in a sibilant (or o) take -es: "boxes", "churches", "heroes". */
export function takesEsPlural(word: string): boolean {
  const last = lowerLast(word);
  const two = lowerLast(word, 2);
  return last === 's' || last === 'x' || last === 'z' || last === 'o' || two === 'ch' || two === 'sh';
}

/** "militia" → no; "party" → yes: a consonant before the final y turns it into -ies. */
export function takesIesPlural(word: string): boolean {
  if (word.length < 2 || lowerLast(word) !== 'y') return false;
  const before = word.charAt(word.length - 2).toLowerCase();
  return before >= 'a' && before <= 'z' && !VOWELS.includes(before);
}

/** The regular plural forms of a noun, keeping the case of its last letter ("IRGC" → "IRGCS" is not written; "IRGCs" is). */
export function pluralForms(word: string): string[] {
  if (word === '') return [];
  const upper = word.slice(-1) !== word.slice(-1).toLowerCase() && word.length > 1 && word === word.toUpperCase();
  if (takesIesPlural(word)) return [word.slice(0, -1) + (word.endsWith('Y') ? 'IES' : 'ies')];
  const forms: string[] = [];
  if (takesEsPlural(word)) forms.push(word + (upper ? 'ES' : 'es'));
  const last = lowerLast(word);
  if (last === 'o' || !takesEsPlural(word)) forms.push(word + 's');
  return forms;
}

/** Apostrophes as they appear in print: straight, typographic and the modifier letter. */
export function isApostrophe(ch: string): boolean {
  return ch === "'" || ch === '\u2019' || ch === '\u02BC';
}

/**
 * The length of a possessive ending at `pos` after a word ending at `pos` ("'s", "’s", or a bare
 * apostrophe after a final s: "Rajavis'"), or 0.
 */
export function possessiveLength(text: string, pos: number): number {
  if (!isApostrophe(text.charAt(pos))) return 0;
  const next = text.charAt(pos + 1);
  if (next === 's' || next === 'S') return 2;
  const before = text.charAt(pos - 1);
  return before === 's' || before === 'S' ? 1 : 0;
}

/** The possessive of a name: "Khamenei" → "Khamenei's", "Rajavis" → "Rajavis'". */
export function possessiveOf(word: string, apostrophe = '\u2019'): string {
  return lowerLast(word) === 's' ? word + apostrophe : `${word}${apostrophe}s`;
}
