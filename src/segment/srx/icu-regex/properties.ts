import { type CharSet, propertyAtom, union } from './char-set.js';

/** ICU matches property names loosely: case, spaces, hyphens and underscores do not count. */
function loose(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/gu, '');
}

const GENERAL_CATEGORIES: ReadonlyArray<readonly [string, string, ...string[]]> = [
  ['L', 'Letter'],
  ['LC', 'Cased_Letter'],
  ['Lu', 'Uppercase_Letter'],
  ['Ll', 'Lowercase_Letter'],
  ['Lt', 'Titlecase_Letter'],
  ['Lm', 'Modifier_Letter'],
  ['Lo', 'Other_Letter'],
  ['M', 'Mark', 'Combining_Mark'],
  ['Mn', 'Nonspacing_Mark'],
  ['Mc', 'Spacing_Mark'],
  ['Me', 'Enclosing_Mark'],
  ['N', 'Number'],
  ['Nd', 'Decimal_Number'],
  ['Nl', 'Letter_Number'],
  ['No', 'Other_Number'],
  ['P', 'Punctuation'],
  ['Pc', 'Connector_Punctuation'],
  ['Pd', 'Dash_Punctuation'],
  ['Ps', 'Open_Punctuation'],
  ['Pe', 'Close_Punctuation'],
  ['Pi', 'Initial_Punctuation'],
  ['Pf', 'Final_Punctuation'],
  ['Po', 'Other_Punctuation'],
  ['S', 'Symbol'],
  ['Sm', 'Math_Symbol'],
  ['Sc', 'Currency_Symbol'],
  ['Sk', 'Modifier_Symbol'],
  ['So', 'Other_Symbol'],
  ['Z', 'Separator'],
  ['Zs', 'Space_Separator'],
  ['Zl', 'Line_Separator'],
  ['Zp', 'Paragraph_Separator'],
  ['C', 'Other'],
  ['Cc', 'Control'],
  ['Cf', 'Format'],
  ['Cs', 'Surrogate'],
  ['Co', 'Private_Use'],
  ['Cn', 'Unassigned'],
];

const CATEGORY_BY_NAME = new Map<string, string>();
for (const [short, ...long] of GENERAL_CATEGORIES) {
  for (const name of [short, ...long]) CATEGORY_BY_NAME.set(loose(name), short);
}

/** Binary properties JavaScript knows, by their loose ICU spelling. */
const BINARY_PROPERTIES = new Map(
  [
    'ASCII', 'ASCII_Hex_Digit', 'Alphabetic', 'Any', 'Assigned', 'Bidi_Control', 'Bidi_Mirrored', 'Case_Ignorable',
    'Cased', 'Changes_When_Casefolded', 'Changes_When_Casemapped', 'Changes_When_Lowercased',
    'Changes_When_NFKC_Casefolded', 'Changes_When_Titlecased', 'Changes_When_Uppercased', 'Dash',
    'Default_Ignorable_Code_Point', 'Deprecated', 'Diacritic', 'Emoji', 'Emoji_Component', 'Emoji_Modifier',
    'Emoji_Modifier_Base', 'Emoji_Presentation', 'Extended_Pictographic', 'Extender', 'Grapheme_Base',
    'Grapheme_Extend', 'Hex_Digit', 'IDS_Binary_Operator', 'IDS_Trinary_Operator', 'ID_Continue', 'ID_Start',
    'Ideographic', 'Join_Control', 'Logical_Order_Exception', 'Lowercase', 'Math', 'Noncharacter_Code_Point',
    'Pattern_Syntax', 'Pattern_White_Space', 'Quotation_Mark', 'Radical', 'Regional_Indicator', 'Sentence_Terminal',
    'Soft_Dotted', 'Terminal_Punctuation', 'Unified_Ideograph', 'Uppercase', 'Variation_Selector', 'White_Space',
    'XID_Continue', 'XID_Start',
  ].map((name) => [loose(name), name] as const),
);
BINARY_PROPERTIES.set('whitespace', 'White_Space');
BINARY_PROPERTIES.set('space', 'White_Space');

/** Properties whose members have no case partners, so case-insensitive matching changes nothing. */
const CASELESS = new Set([
  'Bidi_Control', 'Dash', 'Emoji', 'Emoji_Component', 'Emoji_Modifier', 'Emoji_Presentation', 'Extended_Pictographic',
  'Join_Control', 'Noncharacter_Code_Point', 'Pattern_White_Space', 'Quotation_Mark', 'Regional_Indicator',
  'Sentence_Terminal', 'Terminal_Punctuation', 'Variation_Selector', 'White_Space', 'Ideographic', 'Unified_Ideograph',
]);

function categoryAtom(short: string, negated: boolean): CharSet {
  return propertyAtom(`\\${negated ? 'P' : 'p'}{${short}}`, short.startsWith('L'));
}

function binaryAtom(name: string, negated: boolean): CharSet {
  return propertyAtom(`\\${negated ? 'P' : 'p'}{${name}}`, !CASELESS.has(name));
}

const p = (name: string, cased = false) => propertyAtom(`\\p{${name}}`, cased);
const lit = (source: string) => propertyAtom(source, false);

/**
 * POSIX-like names (`\p{Alpha}`, `[[:punct:]]`) and Java's `java…` names. SRX patterns are ICU
 * patterns, so these take ICU's Unicode meaning rather than Java's ASCII-only default.
 */
const NAMED_SETS = new Map<string, () => CharSet>([
  ['alpha', () => p('Alphabetic', true)],
  ['lower', () => p('Lowercase', true)],
  ['upper', () => p('Uppercase', true)],
  ['digit', () => p('Nd')],
  ['alnum', () => union([p('Alphabetic', true), p('Nd')])],
  ['punct', () => p('P')],
  ['space', () => p('White_Space')],
  ['blank', () => union([lit('\\t'), p('Zs')])],
  ['cntrl', () => p('Cc')],
  ['xdigit', () => union([p('Nd'), p('Hex_Digit', true)])],
  ['graph', () => union([p('White_Space'), p('Cc'), p('Cs'), p('Cn')], true)],
  ['print', () => union([p('Zl'), p('Zp'), p('Cc'), p('Cs'), p('Cn')], true)],
  ['ascii', () => p('ASCII', true)],
  ['word', () => union([p('L', true), p('M'), p('N'), p('Pc'), lit('\\u200C\\u200D')])],
  ['javalowercase', () => p('Lowercase', true)],
  ['javauppercase', () => p('Uppercase', true)],
  ['javatitlecase', () => p('Lt', true)],
  ['javadigit', () => p('Nd')],
  ['javadefined', () => propertyAtom('\\P{Cn}', true)],
  ['javaletter', () => p('L', true)],
  ['javaletterordigit', () => union([p('L', true), p('Nd')])],
  ['javaalphabetic', () => p('Alphabetic', true)],
  ['javaideographic', () => p('Ideographic')],
  ['javaspacechar', () => p('Z')],
  ['javaisocontrol', () => p('Cc')],
  ['javamirrored', () => p('Bidi_Mirrored')],
  ['javaunicodeidentifierstart', () => p('ID_Start', true)],
  ['javaunicodeidentifierpart', () => p('ID_Continue', true)],
  [
    'javawhitespace',
    // Java's whitespace: separators and the ASCII controls \t–\r and \x1C–\x1F, but not the no-break spaces.
    () => ({
      kind: 'difference',
      left: union([lit('\\t-\\r\\x1C-\\x1F'), p('Z')]),
      right: lit('\\u00A0\\u2007\\u202F'),
    }),
  ],
]);

/** Unicode blocks (Java's `\p{InX}`, ICU's `\p{Block=X}`), which JavaScript lacks, as code point ranges. */
const BLOCKS = new Map<string, readonly [number, number]>(
  (
    [
      ['Basic_Latin', 0x0000, 0x007f],
      ['Latin_1_Supplement', 0x0080, 0x00ff],
      ['Latin_Extended_A', 0x0100, 0x017f],
      ['Latin_Extended_B', 0x0180, 0x024f],
      ['IPA_Extensions', 0x0250, 0x02af],
      ['Spacing_Modifier_Letters', 0x02b0, 0x02ff],
      ['Combining_Diacritical_Marks', 0x0300, 0x036f],
      ['Greek_and_Coptic', 0x0370, 0x03ff],
      ['Greek', 0x0370, 0x03ff],
      ['Cyrillic', 0x0400, 0x04ff],
      ['Armenian', 0x0530, 0x058f],
      ['Hebrew', 0x0590, 0x05ff],
      ['Arabic', 0x0600, 0x06ff],
      ['Syriac', 0x0700, 0x074f],
      ['Arabic_Supplement', 0x0750, 0x077f],
      ['Thaana', 0x0780, 0x07bf],
      ['Arabic_Extended_A', 0x08a0, 0x08ff],
      ['Devanagari', 0x0900, 0x097f],
      ['Thai', 0x0e00, 0x0e7f],
      ['Georgian', 0x10a0, 0x10ff],
      ['Hangul_Jamo', 0x1100, 0x11ff],
      ['Latin_Extended_Additional', 0x1e00, 0x1eff],
      ['Greek_Extended', 0x1f00, 0x1fff],
      ['General_Punctuation', 0x2000, 0x206f],
      ['Superscripts_and_Subscripts', 0x2070, 0x209f],
      ['Currency_Symbols', 0x20a0, 0x20cf],
      ['Letterlike_Symbols', 0x2100, 0x214f],
      ['Number_Forms', 0x2150, 0x218f],
      ['Arrows', 0x2190, 0x21ff],
      ['Mathematical_Operators', 0x2200, 0x22ff],
      ['Box_Drawing', 0x2500, 0x257f],
      ['CJK_Symbols_and_Punctuation', 0x3000, 0x303f],
      ['Hiragana', 0x3040, 0x309f],
      ['Katakana', 0x30a0, 0x30ff],
      ['CJK_Unified_Ideographs', 0x4e00, 0x9fff],
      ['Hangul_Syllables', 0xac00, 0xd7af],
      ['Private_Use_Area', 0xe000, 0xf8ff],
      ['Alphabetic_Presentation_Forms', 0xfb00, 0xfb4f],
      ['Arabic_Presentation_Forms_A', 0xfb50, 0xfdff],
      ['Combining_Half_Marks', 0xfe20, 0xfe2f],
      ['Arabic_Presentation_Forms_B', 0xfe70, 0xfeff],
      ['Halfwidth_and_Fullwidth_Forms', 0xff00, 0xffef],
      ['Specials', 0xfff0, 0xffff],
    ] as const
  ).map(([name, lo, hi]) => [loose(name), [lo, hi] as const]),
);

const validity = new Map<string, boolean>();

/** Whether JavaScript accepts `\p{body}` in `u` mode. */
function jsAccepts(body: string): boolean {
  let ok = validity.get(body);
  if (ok === undefined) {
    try {
      new RegExp(`\\p{${body}}`, 'u');
      ok = true;
    } catch {
      ok = false;
    }
    validity.set(body, ok);
  }
  return ok;
}

/** Spellings of a script name JavaScript may know: as written, then Title_Case per word. */
function scriptCandidates(value: string): string[] {
  const words = value.split(/[\s_-]+/u).filter(Boolean);
  const title = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('_');
  return [...new Set([value, title])];
}

function scriptAtom(value: string, key: 'Script' | 'Script_Extensions', negated: boolean): CharSet | undefined {
  for (const candidate of scriptCandidates(value)) {
    if (jsAccepts(`${key}=${candidate}`)) return propertyAtom(`\\${negated ? 'P' : 'p'}{${key}=${candidate}}`, true);
  }
  return undefined;
}

function blockSet(value: string, negated: boolean): CharSet | undefined {
  const range = BLOCKS.get(loose(value));
  if (!range) return undefined;
  const [lo, hi] = range;
  const atom = propertyAtom(`\\u{${lo.toString(16)}}-\\u{${hi.toString(16)}}`, true);
  return negated ? union([atom], true) : atom;
}

function negate(set: CharSet, negated: boolean): CharSet {
  if (!negated) return set;
  if (set.kind === 'union') return { ...set, negated: !set.negated };
  return union([set], true);
}

function byKey(key: string, value: string, negated: boolean): CharSet | undefined {
  switch (loose(key)) {
    case 'gc':
    case 'generalcategory': {
      const short = CATEGORY_BY_NAME.get(loose(value));
      return short ? categoryAtom(short, negated) : undefined;
    }
    case 'sc':
    case 'script':
      return scriptAtom(value, 'Script', negated);
    case 'scx':
    case 'scriptextensions':
      return scriptAtom(value, 'Script_Extensions', negated);
    case 'blk':
    case 'block':
      return blockSet(value, negated);
    default:
      return undefined;
  }
}

function byName(name: string, negated: boolean): CharSet | undefined {
  const key = loose(name);
  const category = CATEGORY_BY_NAME.get(key);
  if (category) return categoryAtom(category, negated);
  const named = NAMED_SETS.get(key);
  if (named) return negate(named(), negated);
  const binary = BINARY_PROPERTIES.get(key);
  if (binary && jsAccepts(binary)) return binaryAtom(binary, negated);
  return scriptAtom(name, 'Script', negated);
}

/**
 * A Java or ICU property name (`Lu`, `IsAlphabetic`, `InArabic`, `Script=Arabic`, `javaUpperCase`,
 * `Alpha`…) as a set of code points, or undefined when it names nothing known.
 */
export function resolveProperty(name: string, negated: boolean): CharSet | undefined {
  let body = name.trim();
  if (body.startsWith('^')) {
    negated = !negated;
    body = body.slice(1);
  }
  const eq = body.search(/[=:]/u);
  if (eq > 0) return byKey(body.slice(0, eq), body.slice(eq + 1), negated);
  // Java's `In` prefix names a block; a script of the same name stands in for blocks not in the table.
  if (/^In[A-Z_]/u.test(body)) return blockSet(body.slice(2), negated) ?? scriptAtom(body.slice(2), 'Script', negated);
  const direct = byName(body, negated);
  if (direct) return direct;
  if (/^is/iu.test(body) && body.length > 2) return byName(body.slice(2), negated);
  return undefined;
}
