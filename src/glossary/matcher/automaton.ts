/**
 * Aho–Corasick over UTF-16 units, restricted to matches that start at a word start and end at a
 * word end (or where an inflection may follow).
 *
 * The failure link of a state is the longest proper suffix that is in the trie *and begins at a
 * word start* (after a non-word character, or on one). Text is therefore only ever followed
 * from word starts: a glossary full of short acronyms does not report "an" inside "Iranian"
 * for every word, which keeps the work per character independent of the glossary's size.
 *
 * The trie is stored flat: breadth-first numbering, the children of a node contiguous and sorted,
 * and everything a step needs about a node in one 32-byte record, so that a step through a
 * 100,000-entry trie costs about one cache miss rather than one per field.
 */
export interface AutomatonKey {
  /** the key in matcher form (lower case) */
  text: string;
  /** 1 for every unit of `text` that is part of a word character */
  word: Uint8Array;
  /** an inflection (plural, possessive, Persian suffix) may follow the key inside the same word */
  inflects?: boolean;
  /**
   * The UTF-16 units (one or two) an occurrence must begin with in the case-kept text, for a
   * case-sensitive key. In a large glossary many names are also common words ("Was", "Said"):
   * turning those down here, before any call, keeps the cost per character from growing with it.
   */
  first?: readonly number[];
}

const KEY_STRIDE = 5;
const KEY_NEXT = 0;
const KEY_INFLECTS = 1;
const KEY_LENGTH = 2;
const KEY_FIRST_A = 3;
const KEY_FIRST_B = 4;

const STRIDE = 8;
/** index of the node's first child */
const CHILD_START = 0;
const CHILD_COUNT = 1;
const FAIL = 2;
/** first state down the failure chain (this one included) that ends a key, or -1 */
const FIRST_OUT = 3;
/** first key ending exactly here, or -1; more keys with the same text through `keyNext` */
const OUT = 4;
/** next state down the failure chain that ends a key, or -1 */
const DICT = 5;
/** the unit leading to this node belongs to a word character */
const WORDY = 6;

export class Automaton {
  private readonly nodes: Int32Array;
  private readonly nodeChar: Uint16Array;
  /** per key (KEY_STRIDE slots): the next key with the same text (or -1), whether it may inflect, its length and required first units */
  private readonly keyInfo: Int32Array;
  private readonly rootNext: Int32Array;
  readonly size: number;

  constructor(keys: readonly AutomatonKey[]) {
    let total = 1;
    for (const k of keys) total += k.text.length;
    // Keys are inserted in descending order: at every node the child needed is then either the
    // smallest one so far (the head of its list) or a new, smaller one, so building never searches.
    const order = keys.map((_, i) => i);
    order.sort((x, y) => {
      const a = keys[x]!.text;
      const b = keys[y]!.text;
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    const ch = new Uint16Array(total);
    const wordy = new Uint8Array(total);
    const firstChild = new Int32Array(total).fill(-1);
    const nextSibling = new Int32Array(total).fill(-1);
    const outTmp = new Int32Array(total).fill(-1);
    const keyNext = new Int32Array(keys.length).fill(-1);
    let count = 1;
    for (let oi = order.length - 1; oi >= 0; oi--) {
      const idx = order[oi]!;
      const key = keys[idx]!;
      if (key.text.length === 0) continue;
      let v = 0;
      for (let i = 0; i < key.text.length; i++) {
        const c = key.text.charCodeAt(i);
        const head = firstChild[v]!;
        let w: number;
        if (head >= 0 && ch[head] === c) w = head;
        else {
          w = count++;
          ch[w] = c;
          wordy[w] = key.word[i] ?? 0;
          nextSibling[w] = head;
          firstChild[v] = w;
        }
        v = w;
      }
      keyNext[idx] = outTmp[v]!;
      outTmp[v] = idx;
    }

    // Breadth-first renumbering makes each node's children contiguous and puts the shallow,
    // hot states next to each other in memory.
    const nodes = new Int32Array(count * STRIDE);
    const nodeChar = new Uint16Array(count);
    const queue = new Int32Array(count);
    const parent = new Int32Array(count);
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const old = queue[head]!;
      const base = head * STRIDE;
      nodes[base + CHILD_START] = tail;
      let n = 0;
      for (let k = firstChild[old]!; k >= 0; k = nextSibling[k]!) {
        parent[tail] = head;
        nodeChar[tail] = ch[k]!;
        nodes[tail * STRIDE + WORDY] = wordy[k]!;
        queue[tail++] = k;
        n++;
      }
      nodes[base + CHILD_COUNT] = n;
      nodes[base + OUT] = outTmp[old]!;
    }
    this.nodes = nodes;
    this.nodeChar = nodeChar;
    this.keyInfo = new Int32Array(keys.length * KEY_STRIDE);
    keys.forEach((k, i) => {
      const r = i * KEY_STRIDE;
      this.keyInfo[r + KEY_NEXT] = keyNext[i]!;
      this.keyInfo[r + KEY_INFLECTS] = k.inflects ? 1 : 0;
      this.keyInfo[r + KEY_LENGTH] = k.text.length;
      this.keyInfo[r + KEY_FIRST_A] = k.first?.[0] ?? -1;
      this.keyInfo[r + KEY_FIRST_B] = k.first?.[1] ?? k.first?.[0] ?? -1;
    });
    this.size = count;

    this.rootNext = new Int32Array(0x10000).fill(-1);
    for (let k = nodes[CHILD_START]!, e = k + nodes[CHILD_COUNT]!; k < e; k++) this.rootNext[nodeChar[k]!] = k;

    nodes[FAIL] = 0;
    nodes[DICT] = -1;
    nodes[FIRST_OUT] = nodes[OUT]!;
    for (let u = 1; u < count; u++) {
      const p = parent[u]!;
      const c = nodeChar[u]!;
      let target = 0;
      if (p !== 0) {
        let f = nodes[p * STRIDE + FAIL]!;
        for (;;) {
          if (f === 0) {
            const r = this.rootNext[c]!;
            // A suffix may only begin where a word could begin.
            if (r >= 0 && (!nodes[p * STRIDE + WORDY] || !nodes[u * STRIDE + WORDY])) target = r;
            break;
          }
          const w = this.child(f, c);
          if (w >= 0) {
            target = w;
            break;
          }
          f = nodes[f * STRIDE + FAIL]!;
        }
      }
      const base = u * STRIDE;
      const t = target * STRIDE;
      nodes[base + FAIL] = target;
      nodes[base + DICT] = nodes[t + OUT]! >= 0 ? target : nodes[t + DICT]!;
      nodes[base + FIRST_OUT] = nodes[base + OUT]! >= 0 ? u : nodes[base + DICT]!;
    }
  }

  private child(v: number, c: number): number {
    const base = v * STRIDE;
    let lo = this.nodes[base + CHILD_START]!;
    let hi = lo + this.nodes[base + CHILD_COUNT]!;
    const chars = this.nodeChar;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) {
        const x = chars[lo]!;
        if (x === c) return lo;
        if (x > c) return -1;
      }
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = chars[mid]!;
      if (x === c) return mid;
      if (x < c) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /**
   * Calls `onKey(keyIndex, end)` for every key occurrence that starts at a word start and either
   * ends at a word end, ends in a non-word character, or may inflect and is followed by a unit
   * marked in `inflectionStart`, and, when `cased` is given, that begins there with the key's
   * `first` units if it has any; `end` is the exclusive end in `text`.
   *
   * Checking the end here rather than in the caller matters for large glossaries: most raw
   * occurrences are the beginning of a longer word ("Raja" in "Rajavi"), and they are dropped
   * without a call.
   */
  scan(
    text: Uint16Array,
    word: Uint8Array,
    length: number,
    inflectionStart: Uint8Array,
    onKey: (key: number, end: number) => void,
    cased?: Uint16Array,
  ): void {
    const nodes = this.nodes;
    const keyInfo = this.keyInfo;
    const rootNext = this.rootNext;
    let v = 0;
    for (let i = 0; i < length; i++) {
      const c = text[i]!;
      for (;;) {
        if (v === 0) {
          const r = rootNext[c]!;
          v = r >= 0 && (i === 0 || !word[i - 1] || !word[i]) ? r : 0;
          break;
        }
        const w = this.child(v, c);
        if (w >= 0) {
          v = w;
          break;
        }
        v = nodes[v * STRIDE + FAIL]!;
      }
      if (v === 0) {
        // Back at the root inside a word: nothing starts before the word ends, so its other
        // characters are passed over without the transition tests.
        if (word[i] === 1) while (i + 1 < length && word[i + 1] === 1) i++;
        continue;
      }
      let o = nodes[v * STRIDE + FIRST_OUT]!;
      if (o < 0) continue;
      const continued = i + 1 < length && word[i + 1] === 1;
      const canInflect = continued && inflectionStart[text[i + 1]!] === 1;
      while (o >= 0) {
        const base = o * STRIDE;
        if (!continued || !nodes[base + WORDY]) {
          for (let k = nodes[base + OUT]!; k >= 0; k = keyInfo[k * KEY_STRIDE + KEY_NEXT]!) if (startsRight(keyInfo, k, cased, i)) onKey(k, i + 1);
        } else if (canInflect) {
          for (let k = nodes[base + OUT]!; k >= 0; k = keyInfo[k * KEY_STRIDE + KEY_NEXT]!)
            if (keyInfo[k * KEY_STRIDE + KEY_INFLECTS] && startsRight(keyInfo, k, cased, i)) onKey(k, i + 1);
        }
        o = nodes[base + DICT]!;
      }
    }
  }
}

/** Key `k`, ending at index `last`, begins with a unit it allows (or allows any). */
function startsRight(keyInfo: Int32Array, k: number, cased: Uint16Array | undefined, last: number): boolean {
  const r = k * KEY_STRIDE;
  const a = keyInfo[r + KEY_FIRST_A]!;
  if (a < 0 || !cased) return true;
  const c = cased[last + 1 - keyInfo[r + KEY_LENGTH]!];
  return c === a || c === keyInfo[r + KEY_FIRST_B];
}
