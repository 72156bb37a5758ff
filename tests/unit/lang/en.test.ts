import { describe, expect, it } from 'vitest';
import { isApostrophe, pluralForms, possessiveLength, possessiveOf, takesEsPlural, takesIesPlural } from '../../../src/lang/en.js';

describe('English inflection', () => {
  it.each([
    ['MEK', ['MEKs']],
    ['militia', ['militias']],
    ['party', ['parties']],
    ['PARTY', ['PARTIES']],
    ['day', ['days']],
    ['box', ['boxes']],
    ['church', ['churches']],
    ['hero', ['heroes', 'heros']],
    ['Rajavi', ['Rajavis']],
  ])('plural of %s', (word, forms) => {
    expect(pluralForms(word)).toEqual(forms);
  });

  it('knows which nouns take -es and -ies', () => {
    expect(takesEsPlural('bus')).toBe(true);
    expect(takesEsPlural('wish')).toBe(true);
    expect(takesEsPlural('war')).toBe(false);
    expect(takesIesPlural('militia')).toBe(false);
    expect(takesIesPlural('key')).toBe(false);
    expect(takesIesPlural('y')).toBe(false);
  });

  it('measures possessive endings', () => {
    expect(possessiveLength("MEK's", 3)).toBe(2);
    expect(possessiveLength('MEK’S', 3)).toBe(2);
    expect(possessiveLength("Rajavis'", 7)).toBe(1);
    expect(possessiveLength("MEK'", 3)).toBe(0);
    expect(possessiveLength('MEK', 3)).toBe(0);
  });

  it('writes possessives', () => {
    expect(possessiveOf('Khamenei')).toBe('Khamenei’s');
    expect(possessiveOf('Rajavis', "'")).toBe("Rajavis'");
  });

  it('recognizes apostrophes', () => {
    expect(["'", '’', 'ʼ', '‘', '"'].map(isApostrophe)).toEqual([true, true, true, false, false]);
  });
});
