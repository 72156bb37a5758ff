import fc from 'fast-check';

/**
 * A glossary term for matcher properties: one to `1 + extraWords` words joined by separators,
 * any status, either case rule, abbreviation or not.
 */
export function termArbitrary(word: fc.Arbitrary<string>, separators: readonly string[], extraWords: number) {
  const text = fc
    .tuple(word, fc.array(fc.tuple(fc.constantFrom(...separators), word), { maxLength: extraWords }))
    .map(([first, rest]) => first + rest.map(([s, w]) => s + w).join(''));
  return fc.record({
    text,
    status: fc.constantFrom('preferred', 'admitted', 'deprecated', 'forbidden') as fc.Arbitrary<'preferred'>,
    case: fc.constantFrom('sensitive', 'insensitive') as fc.Arbitrary<'sensitive'>,
    abbreviation: fc.boolean(),
  });
}
