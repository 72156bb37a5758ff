/**
 * Many fixed strings looked for at once: a trie over UTF-16 units, walked from one place in a
 * text. Looking for each key with `indexOf` costs time in proportion to the number of keys for
 * every text; walking the trie costs only as many steps as the longest key that begins there,
 * however many keys there are. Keys are numbered in the order they were added.
 */
interface Node {
  next: Map<number, Node> | undefined;
  /** numbers of the keys that end here, ascending */
  keys: number[] | undefined;
}

export class KeyTrie {
  private readonly root: Node = { next: undefined, keys: undefined };
  private count = 0;

  /** Adds a key and returns its number. The empty key is never found: callers look for it apart. */
  add(key: string): number {
    const n = this.count++;
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: undefined, keys: undefined }));
      node = child;
    }
    if (node !== this.root) (node.keys ??= []).push(n);
    return n;
  }

  get size(): number {
    return this.count;
  }

  /** Whether some key begins with the unit at `at`: a cheap test before anything else is asked about the place. */
  startsAt(text: string, at: number): boolean {
    return this.root.next?.has(text.charCodeAt(at)) ?? false;
  }

  /** Calls `found(key, end)` for every key that occurs at `at`, shortest first, `end` exclusive. */
  matchAt(text: string, at: number, found: (key: number, end: number) => void): void {
    let node: Node | undefined = this.root;
    for (let i = at; i < text.length; i++) {
      node = node.next?.get(text.charCodeAt(i));
      if (!node) return;
      if (node.keys) for (const key of node.keys) found(key, i + 1);
    }
  }
}
