import { z } from 'zod';

/** An attribute of the `<html>` start tag, by offsets into that tag. */
const TagAttribute = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** the value's span; absent for a bare attribute (`<html lang>`) */
  value: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
  quote: z.enum(['"', "'", '']),
});
export type TagAttribute = z.infer<typeof TagAttribute>;

/**
 * The `<html>` start tag, a skeleton piece of its own so the language can be set on merge.
 * `nameEnd` is where new attributes go: right after `<html`.
 */
const RootTag = z.object({
  piece: z.number().int().nonnegative(),
  raw: z.string(),
  nameEnd: z.number().int().nonnegative(),
  lang: TagAttribute.optional(),
  xmlLang: TagAttribute.optional(),
  dir: TagAttribute.optional(),
});
export type RootTag = z.infer<typeof RootTag>;

/**
 * An attribute unit whose value sits inside an inline code of another unit (the title of
 * a link in a sentence). The value is found at `offset` in the code's `data` and at
 * `rawOffset` in the host unit's raw slice; `raw` is the original value as written.
 */
const NestedAttribute = z.object({
  unit: z.string(),
  host: z.string(),
  code: z.string(),
  codeKind: z.enum(['open', 'standalone']),
  offset: z.number().int().nonnegative(),
  rawOffset: z.number().int().nonnegative(),
  raw: z.string(),
  encoding: z.string(),
});
export type NestedAttribute = z.infer<typeof NestedAttribute>;

export const HtmlMeta = z.object({
  bom: z.boolean(),
  /** the line ending a translated line break is written with */
  eol: z.enum(['\n', '\r\n', '\r']),
  /** parsed as a fragment (no `<html>`, `<head>`, `<body>` or doctype in the file) */
  fragment: z.boolean(),
  root: RootTag.optional(),
  nested: z.array(NestedAttribute),
});
export type HtmlMeta = z.infer<typeof HtmlMeta>;
