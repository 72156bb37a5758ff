import type { Root } from 'mdast';
import { fromMarkdown, type CompileContext, type Extension, type Token } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/** Offsets of a link's or image's label text: just after its `[`, just before its `]`. */
export interface LabelSpan {
  start: number;
  end: number;
}

export interface Parsed {
  tree: Root;
  /** keyed by link, linkReference, image and imageReference nodes */
  labels: WeakMap<object, LabelSpan>;
}

const FRONT_MATTER = ['yaml', 'toml'] as const;

/**
 * mdast gives an image only its decoded `alt`, and an empty link no children, so nothing
 * says where the label's text lies in the source. The label's bracket tokens do; this
 * records them as the tree is built.
 */
function labelRecorder(labels: WeakMap<object, LabelSpan>): Extension {
  function labelMarker(this: CompileContext, token: Token): undefined {
    const owner = this.stack[this.stack.length - 2];
    if (!owner || (owner.type !== 'link' && owner.type !== 'image')) return;
    const seen = labels.get(owner);
    if (seen) seen.end = token.start.offset;
    else labels.set(owner, { start: token.end.offset, end: token.end.offset });
  }
  return { enter: { labelMarker } };
}

/**
 * GFM's tree transforms find the few bare URLs the tokenizer missed (after an HTML tag, say)
 * by splitting text nodes, and the nodes they make have no position in the source. Without
 * them every node maps onto the source; such a URL stays text, and is written back as it was.
 */
function withoutTransforms(extensions: Extension[]): Extension[] {
  return extensions.map((extension) => ({ ...extension, transforms: [] }));
}

/** Parses CommonMark with GFM and YAML/TOML front matter; offsets are UTF-16 indexes into `body`. */
export function parseMarkdown(body: string): Parsed {
  const labels = new WeakMap<object, LabelSpan>();
  const tree = fromMarkdown(body, {
    extensions: [gfm(), frontmatter([...FRONT_MATTER])],
    mdastExtensions: [
      ...withoutTransforms(gfmFromMarkdown()),
      ...withoutTransforms([frontmatterFromMarkdown([...FRONT_MATTER])]),
      labelRecorder(labels),
    ],
  });
  return { tree, labels };
}
