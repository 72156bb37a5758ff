import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

/**
 * Offset of the deepest YAML node on a field path (as zod reports paths), so an error can name
 * its line and column. With `key`, the path ends at that key: an unknown key is shown at the key
 * itself, as is a key with nothing after it.
 */
export function yamlOffsetOf(doc: Document, path: readonly PropertyKey[], key?: string): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
  const steps = key === undefined ? path : [...path, key];
  for (let i = 0; i < steps.length; i++) {
    const part = steps[i]!;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      const valueNode = pair.value as YamlNode | null;
      if ((key !== undefined && i === steps.length - 1) || !valueNode?.range) {
        offset = (pair.key as YamlNode).range?.[0] ?? offset;
        break;
      }
      offset = valueNode.range[0];
      node = valueNode;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as YamlNode | undefined;
      if (!item?.range) break;
      offset = item.range[0];
      node = item;
    } else break;
  }
  return offset;
}
