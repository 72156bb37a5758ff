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
    const { count, trie, keyNext } = insertKeys(keys);
    // Breadth-first renumbering makes each node's children contiguous and puts the shallow,
    // hot states next to each other in memory.
    const { nodes, nodeChar, parent } = renumber(count, trie);
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

/**
 * Breadth-first numbering of the trie made by insertion, each node's children sorted by unit, and
 * each node's parent in the new numbering (for the failure links).
 */
function renumber(count: number, trie: Int32Array): { nodes: Int32Array; nodeChar: Uint16Array; parent: Int32Array } {
  const nodes = new Int32Array(count * STRIDE);
  const nodeChar = new Uint16Array(count);
  const queue = new Int32Array(count);
  const parent = new Int32Array(count);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const old = queue[head]! * TRIE_STRIDE;
    const base = head * STRIDE;
    nodes[base + CHILD_START] = tail;
    const from = tail;
    for (let k = trie[old + FIRST_CHILD]!; k >= 0; k = trie[k * TRIE_STRIDE + NEXT_SIBLING]!) {
      parent[tail] = head;
      queue[tail++] = k;
    }
    const n = tail - from;
    if (n > 1) sortByUnit(queue, from, tail, trie);
    for (let j = from; j < tail; j++) {
      const unit = trie[queue[j]! * TRIE_STRIDE + UNIT]!;
      nodeChar[j] = unit & 0xffff;
      nodes[j * STRIDE + WORDY] = unit >>> 16;
    }
    nodes[base + CHILD_COUNT] = n;
    nodes[base + OUT] = trie[old + TRIE_OUT]!;
  }
  return { nodes, nodeChar, parent };
}

const TRIE_STRIDE = 5;
const FIRST_CHILD = 0;
const NEXT_SIBLING = 1;
/** the unit leading to the node, and 1 << 16 when it belongs to a word character */
const UNIT = 2;
/** first key ending at the node, or -1 */
const TRIE_OUT = 3;
const PARENT = 4;

function slotOf(v: number, c: number, mask: number): number {
  let h = Math.imul(v, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca6b);
  h ^= h >>> 15;
  return h & mask;
}

function freeSlot(table: Int32Array, slot: number, mask: number): number {
  while (table[slot] !== 0) slot = (slot + 1) & mask;
  return slot;
}

/**
 * The trie of the keys, numbered as nodes are made, one interleaved record per node: building
 * and renumbering a 100,000-entry glossary's trie is bound by memory latency, and one record
 * is one cache miss where separate arrays were four.
 */
function insertKeys(keys: readonly AutomatonKey[]): { count: number; trie: Int32Array; keyNext: Int32Array } {
  let total = 1;
  for (const k of keys) total += k.text.length;
  const trie = new Int32Array(total * TRIE_STRIDE).fill(-1);
  const keyNext = new Int32Array(keys.length).fill(-1);
  // (parent, unit) → child + 1, open addressing: following a sibling list meant a cache miss per
  // sibling, and the nodes near the root have dozens.
  let bits = 10;
  while (1 << bits < total * 2) bits++;
  const mask = (1 << bits) - 1;
  const table = new Int32Array(mask + 1);
  /** the key that made a surrogate node, which decides its word flag when keys disagree (see below) */
  const maker = new Map<number, number>();
  // The root's children are found by a direct table, since its fan-out is the alphabet's. Looking
  // children up as keys come beats sorting all keys first, which for a 100,000-entry glossary
  // cost more than everything else put together.
  const rootChild = new Int32Array(0x10000).fill(-1);
  let count = 1;
  // Backwards, so that prepending leaves each node's keys in ascending order.
  for (let idx = keys.length - 1; idx >= 0; idx--) {
    const key = keys[idx]!;
    const text = key.text;
    let v = 0;
    let fresh = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const flag = key.word[i] ?? 0;
      let w = -1;
      let slot = -1;
      if (v === 0) w = rootChild[c]!;
      else if (!fresh) {
        slot = slotOf(v, c, mask);
        for (let e = table[slot]!; e !== 0; e = table[slot]!) {
          const r = (e - 1) * TRIE_STRIDE;
          if (trie[r + PARENT] === v && (trie[r + UNIT]! & 0xffff) === c) {
            w = e - 1;
            break;
          }
          slot = (slot + 1) & mask;
        }
      } else slot = freeSlot(table, slotOf(v, c, mask), mask);
      const surrogate = c >= 0xd800 && c <= 0xdfff;
      if (w < 0) {
        w = count++;
        const r = w * TRIE_STRIDE;
        trie[r + UNIT] = c | (flag << 16);
        trie[r + PARENT] = v;
        if (slot >= 0) table[slot] = w + 1;
        trie[r + NEXT_SIBLING] = trie[v * TRIE_STRIDE + FIRST_CHILD]!;
        trie[v * TRIE_STRIDE + FIRST_CHILD] = w;
        if (v === 0) rootChild[c] = w;
        if (surrogate) maker.set(w, idx);
        fresh = true;
      } else if (surrogate && laterKey(keys, idx, maker.get(w)!)) {
        // Only a surrogate unit can be a word unit in one key and not in another; the flag is
        // that of the greatest key through the node, as a build in sorted order would set it.
        trie[w * TRIE_STRIDE + UNIT] = c | (flag << 16);
        maker.set(w, idx);
      }
      v = w;
    }
    if (text.length === 0) continue;
    keyNext[idx] = trie[v * TRIE_STRIDE + TRIE_OUT]!;
    trie[v * TRIE_STRIDE + TRIE_OUT] = idx;
  }
  return { count, trie, keyNext };
}

/** Key `a` comes after key `b` in (text, index) order. */
function laterKey(keys: readonly AutomatonKey[], a: number, b: number): boolean {
  const x = keys[a]!.text;
  const y = keys[b]!.text;
  return x > y || (x === y && a > b);
}

/** Sorts the node numbers in `queue[from..to)` by their unit; units are distinct among siblings. */
function sortByUnit(queue: Int32Array, from: number, to: number, trie: Int32Array): void {
  const unit = (k: number) => trie[k * TRIE_STRIDE + UNIT]! & 0xffff;
  if (to - from <= 16) {
    for (let i = from + 1; i < to; i++) {
      const k = queue[i]!;
      const c = unit(k);
      let j = i - 1;
      while (j >= from && unit(queue[j]!) > c) {
        queue[j + 1] = queue[j]!;
        j--;
      }
      queue[j + 1] = k;
    }
    return;
  }
  // Unit above, node number below: one numeric sort of doubles, exact up to 2^53.
  const packed = new Float64Array(to - from);
  for (let i = from; i < to; i++) packed[i - from] = unit(queue[i]!) * 0x100000000 + queue[i]!;
  packed.sort();
  for (let i = from; i < to; i++) queue[i] = packed[i - from]! % 0x100000000;
}

/** Key `k`, ending at index `last`, begins with a unit it allows (or allows any). */
function startsRight(keyInfo: Int32Array, k: number, cased: Uint16Array | undefined, last: number): boolean {
  const r = k * KEY_STRIDE;
  const a = keyInfo[r + KEY_FIRST_A]!;
  if (a < 0 || !cased) return true;
  const c = cased[last + 1 - keyInfo[r + KEY_LENGTH]!];
  return c === a || c === keyInfo[r + KEY_FIRST_B];
}
