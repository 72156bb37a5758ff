import { z } from 'zod';

/**
 * The document model every format and every XLIFF version maps onto.
 * It crosses boundaries (the `--dump` JSON, XLIFF round trips, the job store),
 * so the types are derived from zod schemas rather than declared twice.
 */

export const TextRun = z.object({
  type: z.literal('text'),
  text: z.string(),
});
export type TextRun = z.infer<typeof TextRun>;

/**
 * Markup inside a sentence. `open`/`close` share an `id`; `standalone` stands alone.
 * `data` is the exact original markup, so merge restores it byte for byte;
 * `tag` names what it is (`b`, `a`, `emphasis`, `inlineCode`…) for tools and QA;
 * `equiv` is a short human-readable stand-in that CAT tools may show.
 */
export const InlineCode = z.object({
  type: z.literal('code'),
  kind: z.enum(['open', 'close', 'standalone']),
  id: z.string().min(1),
  tag: z.string().min(1),
  data: z.string(),
  equiv: z.string().optional(),
  /** false where the code carries content that must not be removed (an image, inline code) */
  canDelete: z.boolean().optional(),
  canCopy: z.boolean().optional(),
  canReorder: z.boolean().optional(),
});
export type InlineCode = z.infer<typeof InlineCode>;

export const Inline = z.discriminatedUnion('type', [TextRun, InlineCode]);
export type Inline = z.infer<typeof Inline>;
export const Content = z.array(Inline);
export type Content = z.infer<typeof Content>;

export const SegmentState = z.enum(['initial', 'translated', 'reviewed', 'final']);
export type SegmentState = z.infer<typeof SegmentState>;

/** A glossary hit on a segment's source; offsets count UTF-16 units in the segment's plain text. */
export const TermMatch = z.object({
  conceptId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type TermMatch = z.infer<typeof TermMatch>;

export const Segment = z.object({
  kind: z.literal('segment'),
  id: z.string().min(1),
  source: Content,
  target: Content.optional(),
  state: SegmentState.default('initial'),
  matches: z.array(TermMatch).optional(),
});
export type Segment = z.infer<typeof Segment>;

/** What lies between two segments of a unit (usually whitespace); kept, never translated. */
export const Ignorable = z.object({
  kind: z.literal('ignorable'),
  id: z.string().min(1),
  source: Content,
});
export type Ignorable = z.infer<typeof Ignorable>;

export const Part = z.discriminatedUnion('kind', [Segment, Ignorable]);
export type Part = z.infer<typeof Part>;

export const UnitKind = z.enum([
  'title',
  'byline',
  'heading',
  'paragraph',
  'list-item',
  'blockquote',
  'table-cell',
  'alt-text',
  'attribute',
  'link-text',
  'string',
  'other',
]);
export type UnitKind = z.infer<typeof UnitKind>;

export const UnitContext = z.object({
  /** heading level 1–6 */
  level: z.number().int().min(1).max(6).optional(),
  /** element or node name the unit came from (`p`, `h2`, `listItem`, `img@alt`) */
  element: z.string().optional(),
  /** resource key, for key/value formats */
  key: z.string().optional(),
  /** 1-based line and column of the unit's first character in the original */
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});
export type UnitContext = z.infer<typeof UnitContext>;

export const Unit = z.object({
  id: z.string().min(1),
  kind: UnitKind,
  translate: z.boolean().default(true),
  context: UnitContext.default({}),
  notes: z.array(z.string()).default([]),
  parts: z.array(Part),
});
export type Unit = z.infer<typeof Unit>;

export const FormatName = z.enum(['text', 'markdown', 'html', 'i18next']);
export type FormatName = z.infer<typeof FormatName>;

/**
 * The skeleton: the original file cut into raw pieces around its units.
 * A unit placeholder records how the unit's text is written back (`encoding`)
 * and the unit's original raw slice, so an unchanged unit is restored verbatim.
 */
export const SkeletonPiece = z.union([
  z.string(),
  z.object({
    unit: z.string(),
    encoding: z.string(),
    raw: z.string(),
  }),
]);
export type SkeletonPiece = z.infer<typeof SkeletonPiece>;

export const Skeleton = z.object({
  pieces: z.array(SkeletonPiece),
  /** format-specific facts merge needs (line ending, BOM, html root attribute spans…) */
  meta: z.record(z.string(), z.unknown()).default({}),
});
export type Skeleton = z.infer<typeof Skeleton>;

export const Document = z.object({
  path: z.string(),
  format: FormatName,
  sourceLang: z.string().min(2),
  targetLang: z.string().min(2).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  units: z.array(Unit),
  skeleton: Skeleton,
});
export type Document = z.infer<typeof Document>;
