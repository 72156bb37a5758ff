import { RegExpParser, type AST } from '@eslint-community/regexpp';

/**
 * What a rule needs from the characters next to a position, read off its compiled regular
 * expression: a test for the unit just before the position (from the `beforebreak`
 * lookbehind) and one for the unit just after it (from the `afterbreak` lookahead).
 * `undefined` means the side says nothing (an empty or nullable pattern, or one too unusual
 * to read), so every character passes there.
 *
 * The tests are built from the pattern's own atoms and run by the same regex engine with the
 * same flags, so they agree with the full rule on every character; they only ever let through
 * more positions than the rule accepts, never fewer. Surrogates always pass: the gates look at
 * one UTF-16 unit, an astral character is two.
 */
export interface RuleGates {
  before?: RegExp;
  /**
   * The unit two before the position, where the `beforebreak` ends in one character (`Mr\.`,
   * `\p{Lu}\.`): the full stop alone would send every sentence end to every abbreviation rule.
   */
  beforeSecond?: RegExp;
  after?: RegExp;
}

/** The atoms that can stand at one end of a match; `nullable` when the match may be empty. */
interface Edge {
  atoms: string[];
  nullable: boolean;
}

const parser = new RegExpParser({ ecmaVersion: 2024 });

function sequence(elements: readonly AST.Element[], fromEnd: boolean): Edge | undefined {
  const atoms: string[] = [];
  const ordered = fromEnd ? [...elements].reverse() : elements;
  for (const element of ordered) {
    const edge = elementEdge(element, fromEnd);
    if (!edge) return undefined;
    atoms.push(...edge.atoms);
    if (!edge.nullable) return { atoms, nullable: false };
  }
  return { atoms, nullable: true };
}

function alternatives(alts: readonly AST.Alternative[], fromEnd: boolean): Edge | undefined {
  const atoms: string[] = [];
  let nullable = false;
  for (const alt of alts) {
    const edge = sequence(alt.elements, fromEnd);
    if (!edge) return undefined;
    atoms.push(...edge.atoms);
    nullable ||= edge.nullable;
  }
  return { atoms, nullable };
}

function elementEdge(element: AST.Element, fromEnd: boolean): Edge | undefined {
  switch (element.type) {
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
      return { atoms: [element.raw], nullable: false };
    case 'Group':
    case 'CapturingGroup':
      return alternatives(element.alternatives, fromEnd);
    case 'Quantifier': {
      const edge = elementEdge(element.element, fromEnd);
      return edge && { atoms: edge.atoms, nullable: edge.nullable || element.min === 0 };
    }
    case 'Assertion':
      // Consumes nothing: what it demands is left to the full rule.
      return { atoms: [], nullable: true };
    default:
      // A backreference can stand for anything.
      return undefined;
  }
}

const SINGLE = new Set(['Character', 'CharacterClass', 'CharacterSet']);

/** What can stand just before a last element that matches one character, in every alternative. */
function secondToLast(alts: readonly AST.Alternative[]): Edge | undefined {
  const atoms: string[] = [];
  for (const alt of alts) {
    let i = alt.elements.length - 1;
    // A trailing assertion consumes nothing; leaving its demand to the full rule is safe.
    while (i >= 0 && alt.elements[i]!.type === 'Assertion') i--;
    if (i < 0 || !SINGLE.has(alt.elements[i]!.type)) return undefined;
    const rest = sequence(alt.elements.slice(0, i), true);
    if (!rest || rest.nullable) return undefined;
    atoms.push(...rest.atoms);
  }
  return { atoms, nullable: false };
}

function gate(edge: Edge | undefined, flags: string): RegExp | undefined {
  if (!edge || edge.nullable || edge.atoms.length === 0) return undefined;
  return new RegExp(`^(?:${edge.atoms.join('|')})$`, flags);
}

/** The lookaround of a zero-width rule pattern `(?<=before)(?=after)` of the given kind, if it has one. */
function lookaround(pattern: AST.Pattern, kind: 'lookbehind' | 'lookahead'): AST.LookaroundAssertion | undefined {
  if (pattern.alternatives.length !== 1) return undefined;
  for (const element of pattern.alternatives[0]!.elements)
    if (element.type === 'Assertion' && element.kind === kind && !element.negate) return element;
  return undefined;
}

function sideGates(regex: RegExp | undefined, kind: 'lookbehind' | 'lookahead'): { next?: RegExp; second?: RegExp } {
  if (!regex) return {};
  const flags = regex.flags.replace(/[gy]/gu, '');
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(regex.source, 0, regex.source.length, { unicode: regex.unicode });
  } catch {
    return {};
  }
  const assertion = lookaround(pattern, kind);
  if (!assertion) return {};
  const next = gate(alternatives(assertion.alternatives, kind === 'lookbehind'), flags);
  const second = kind === 'lookbehind' ? gate(secondToLast(assertion.alternatives), flags) : undefined;
  return { ...(next ? { next } : {}), ...(second ? { second } : {}) };
}

/** Gates for a rule compiled as one pattern, or as separate before and after patterns. */
export function ruleGates(rule: { combined?: RegExp; before?: RegExp; after?: RegExp }): RuleGates {
  const before = sideGates(rule.combined ?? rule.before, 'lookbehind');
  const after = sideGates(rule.combined ?? rule.after, 'lookahead');
  return {
    ...(before.next ? { before: before.next } : {}),
    ...(before.second ? { beforeSecond: before.second } : {}),
    ...(after.next ? { after: after.next } : {}),
  };
}
