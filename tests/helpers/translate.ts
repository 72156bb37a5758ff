import type { Document } from '../../src/model/schema.js';

/** Gives every segment a target: its source with each text run passed through `fn`, codes kept in place. */
export function translated(doc: Document, fn: (s: string) => string): Document {
  return {
    ...doc,
    units: doc.units.map((u) => ({
      ...u,
      parts: u.parts.map((p) =>
        p.kind === 'segment' ? { ...p, target: p.source.map((i) => (i.type === 'text' ? { ...i, text: fn(i.text) } : i)) } : p,
      ),
    })),
  };
}
