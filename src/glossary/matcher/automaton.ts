import { infoOf, KIND_SHIFT, learnUnit, OTHER_CHAR, SEPARATOR, unitCased, unitInfo, WORD_CHAR } from './normalize.js';

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
 * and everything a step needs about a node in one 16-byte record (see `REC`), so that a step
 * through a 100,000-entry trie costs about one cache miss rather than one per field.
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

/**
 * One 16-byte record per state, four to a cache line: a step down the trie reads the record of
 * the state it leaves, the unit fields of the children (the children's own records, contiguous),
 * and the record of the state it enters, which the search has just brought into the cache. In a
 * 100,000-entry glossary the deep states are out of cache, so the misses per step, not the
 * instructions, are what the time per character grows with.
 */
const REC = 4;
/** index of the first child */
const CHILD = 0;
/** the unit leading here (bits 0–15), whether it belongs to a word character (bit 16), the child count (bits 17–31, `MANY` when larger) */
const INFO = 1;
const FAIL = 2;
/** first state down the failure chain (this one included) that ends a key, or -1 */
const FIRST_OUT = 3;

const WORDY_BIT = 0x10000;
const COUNT_SHIFT = 17;
const MANY = 0x7fff;
/** children searched one by one; more are searched by halves */
const FEW = 8;

const SPACE = 0x20;

export class Automaton {
  private readonly nodes: Int32Array;
  /** per state: first key ending exactly here, or -1; more keys with the same text through `keyNext` */
  private readonly out: Int32Array;
  /** per state: next state down the failure chain that ends a key, or -1 */
  private readonly dict: Int32Array;
  /** child counts of states with `MANY` or more children */
  private readonly manyChildren: Map<number, number>;
  /** per key (KEY_STRIDE slots): the next key with the same text (or -1), whether it may inflect, its length and required first units */
  private readonly keyInfo: Int32Array;
  private readonly rootNext: Int32Array;
  /**
   * For each state with more than `FEW` children, a row of 128 bytes: per ASCII unit, 1 + the
   * index of the child it leads to among the state's children, or 0. The states near the root
   * have dozens of children, and searching them by halves took about a tenth of the scan's time.
   */
  private readonly asciiRows: Uint8Array;
  /** per state, the number of its row in `asciiRows` (for states that have one) */
  private readonly rowOf: Int32Array;
  /** (key, end) pairs found by the last `scanText` */
  private found = new Int32Array(64);
  readonly size: number;

  constructor(keys: readonly AutomatonKey[]) {
    const { count, trie, keyNext } = insertKeys(keys);
    // Breadth-first renumbering makes each node's children contiguous and puts the shallow,
    // hot states next to each other in memory.
    const { nodes, out, parent, manyChildren } = renumber(count, trie);
    this.nodes = nodes;
    this.out = out;
    this.manyChildren = manyChildren;
    const { rows, rowOf } = asciiRowsOf(nodes, count, (v) => this.childCount(v));
    this.asciiRows = rows;
    this.rowOf = rowOf;
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
    for (let k = nodes[CHILD]!, e = k + this.childCount(0); k < e; k++) this.rootNext[nodes[k * REC + INFO]! & 0xffff] = k;

    const dict = (this.dict = new Int32Array(count));
    nodes[FAIL] = 0;
    dict[0] = -1;
    nodes[FIRST_OUT] = out[0]!;
    for (let u = 1; u < count; u++) {
      const p = parent[u]!;
      const c = nodes[u * REC + INFO]! & 0xffff;
      let target = 0;
      if (p !== 0) {
        let f = nodes[p * REC + FAIL]!;
        for (;;) {
          if (f === 0) {
            const r = this.rootNext[c]!;
            // A suffix may only begin where a word could begin.
            if (r >= 0 && (!(nodes[p * REC + INFO]! & WORDY_BIT) || !(nodes[u * REC + INFO]! & WORDY_BIT))) target = r;
            break;
          }
          const w = this.child(f, c);
          if (w >= 0) {
            target = w;
            break;
          }
          f = nodes[f * REC + FAIL]!;
        }
      }
      nodes[u * REC + FAIL] = target;
      dict[u] = out[target]! >= 0 ? target : dict[target]!;
      nodes[u * REC + FIRST_OUT] = out[u]! >= 0 ? u : dict[u]!;
    }
  }

  private childCount(v: number): number {
    const n = this.nodes[v * REC + INFO]! >>> COUNT_SHIFT;
    return n === MANY ? this.manyChildren.get(v)! : n;
  }

  private child(v: number, c: number): number {
    const nodes = this.nodes;
    let lo = nodes[v * REC + CHILD]!;
    let n = nodes[v * REC + INFO]! >>> COUNT_SHIFT;
    if (n <= FEW) {
      for (let k = lo * REC + INFO, e = k + n * REC; k < e; k += REC) {
        const x = nodes[k]! & 0xffff;
        if (x === c) return (k - INFO) / REC;
        if (x > c) return -1;
      }
      return -1;
    }
    if (c < 0x80) {
      const x = this.asciiRows[(this.rowOf[v]! << 7) | c]!;
      return x === 0 ? -1 : lo + x - 1;
    }
    if (n === MANY) n = this.manyChildren.get(v)!;
    let hi = lo + n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = nodes[mid * REC + INFO]! & 0xffff;
      if (x === c) return mid;
      if (x < c) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /**
   * The state after `v` on unit `c`; `wordStart` tells whether an occurrence may begin at `c`
   * (it follows a non-word character, or is one, or begins the text).
   */
  private step(v: number, c: number, wordStart: boolean): number {
    const nodes = this.nodes;
    for (;;) {
      if (v === 0) {
        const r = this.rootNext[c]!;
        return r >= 0 && wordStart ? r : 0;
      }
      const w = this.child(v, c);
      if (w >= 0) return w;
      v = nodes[v * REC + FAIL]!;
    }
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
    let v = 0;
    for (let i = 0; i < length; i++) {
      v = this.step(v, text[i]!, i === 0 || word[i - 1] === 0 || word[i] === 0);
      if (v === 0) {
        // Back at the root inside a word: nothing starts before the word ends, so its other
        // characters are passed over without the transition tests.
        if (word[i] === 1) while (i + 1 < length && word[i + 1] === 1) i++;
        continue;
      }
      let o = nodes[v * REC + FIRST_OUT]!;
      if (o < 0) continue;
      const continued = i + 1 < length && word[i + 1] === 1;
      const canInflect = continued && inflectionStart[text[i + 1]!] === 1;
      for (; o >= 0; o = this.dict[o]!) {
        // A key that ends in a word character and is followed by one only counts when it inflects.
        const inflectedOnly = continued && (nodes[o * REC + INFO]! & WORDY_BIT) !== 0;
        if (inflectedOnly && !canInflect) continue;
        for (let k = this.out[o]!; k >= 0; k = keyInfo[k * KEY_STRIDE + KEY_NEXT]!) {
          if (inflectedOnly && !keyInfo[k * KEY_STRIDE + KEY_INFLECTS]) continue;
          const a = keyInfo[k * KEY_STRIDE + KEY_FIRST_A]!;
          if (a >= 0 && cased) {
            const first = cased[i + 1 - keyInfo[k * KEY_STRIDE + KEY_LENGTH]!];
            if (first !== a && first !== keyInfo[k * KEY_STRIDE + KEY_FIRST_B]) continue;
          }
          onKey(k, i + 1);
        }
      }
    }
  }

  /**
   * `scan` straight over a string whose units each stand for one slot of its normalized form
   * (nothing dropped, no two separators in a row), folding each unit through `unitInfo` as it
   * goes: the normalized copy is never made. Returns how many occurrences it found, their
   * (key, end) pairs in `occurrences()`, or -1 as soon as the string turns out not to be such a
   * string, which `normalizeForMatch` and `scan` then take in hand.
   */
  scanText(text: string, inflectionStart: Uint8Array): number {
    const nodes = this.nodes;
    const keyInfo = this.keyInfo;
    const rootNext = this.rootNext;
    const length = text.length;
    let found = 0;
    let v = 0;
    let wordBefore = false;
    let separatorBefore = false;
    for (let i = 0; i < length; i++) {
      let info = unitInfo[text.charCodeAt(i)]!;
      if (info === 0) info = learnUnit(text.charCodeAt(i));
      const kind = info >>> KIND_SHIFT;
      const isWord = kind === WORD_CHAR;
      if (kind === SEPARATOR) {
        if (separatorBefore) return -1;
        separatorBefore = true;
      } else if (isWord || kind === OTHER_CHAR) separatorBefore = false;
      else return -1;
      const c = info & 0xffff;
      // The root's step, taken at every space and word start, is done here rather than in `step`:
      // about a tenth of the time of the whole scan.
      if (v === 0) {
        const r = rootNext[c]!;
        v = r >= 0 && (!wordBefore || !isWord) ? r : 0;
      } else v = this.step(v, c, !wordBefore || !isWord);
      wordBefore = isWord;
      if (v === 0) {
        // As in `scan`: the rest of a word no key starts in is passed over. A unit not yet learnt
        // ends the run here and goes through the checks above.
        if (isWord)
          while (i + 1 < length && unitInfo[text.charCodeAt(i + 1)]! >>> KIND_SHIFT === WORD_CHAR) i++;
        continue;
      }
      let o = nodes[v * REC + FIRST_OUT]!;
      if (o < 0) continue;
      let continued = false;
      let canInflect = false;
      if (i + 1 < length) {
        const next = infoOf(text.charCodeAt(i + 1));
        continued = next >>> KIND_SHIFT === WORD_CHAR;
        canInflect = continued && inflectionStart[next & 0xffff] === 1;
      }
      for (; o >= 0; o = this.dict[o]!) {
        const inflectedOnly = continued && (nodes[o * REC + INFO]! & WORDY_BIT) !== 0;
        if (inflectedOnly && !canInflect) continue;
        for (let k = this.out[o]!; k >= 0; k = keyInfo[k * KEY_STRIDE + KEY_NEXT]!) {
          if (inflectedOnly && !keyInfo[k * KEY_STRIDE + KEY_INFLECTS]) continue;
          const a = keyInfo[k * KEY_STRIDE + KEY_FIRST_A]!;
          if (a >= 0) {
            const first = casedAt(text, i + 1 - keyInfo[k * KEY_STRIDE + KEY_LENGTH]!);
            if (first !== a && first !== keyInfo[k * KEY_STRIDE + KEY_FIRST_B]) continue;
          }
          if (found * 2 === this.found.length) {
            const grown = new Int32Array(this.found.length * 2);
            grown.set(this.found);
            this.found = grown;
          }
          this.found[found * 2] = k;
          this.found[found * 2 + 1] = i + 1;
          found++;
        }
      }
    }
    return found;
  }

  /** The (key, end) pairs of the last `scanText`, two entries per occurrence. */
  occurrences(): Int32Array {
    return this.found;
  }

  /** Length of key `k` in units. */
  keyLength(k: number): number {
    return this.keyInfo[k * KEY_STRIDE + KEY_LENGTH]!;
  }
}

/** The ASCII rows of the states with more than `FEW` children (see `Automaton.asciiRows`). */
function asciiRowsOf(nodes: Int32Array, count: number, childCount: (v: number) => number): { rows: Uint8Array; rowOf: Int32Array } {
  const rowOf = new Int32Array(count);
  let n = 0;
  for (let v = 0; v < count; v++) if (nodes[v * REC + INFO]! >>> COUNT_SHIFT > FEW) rowOf[v] = n++;
  const rows = new Uint8Array(n * 0x80);
  for (let v = 0; v < count; v++) {
    if (nodes[v * REC + INFO]! >>> COUNT_SHIFT <= FEW) continue;
    const first = nodes[v * REC + CHILD]!;
    // Children are sorted by unit, so the ASCII ones come first and their index fits a byte.
    for (let k = 0, e = Math.min(childCount(v), 0x80); k < e; k++) {
      const c = nodes[(first + k) * REC + INFO]! & 0xffff;
      if (c < 0x80) rows[(rowOf[v]! << 7) | c] = k + 1;
    }
  }
  return { rows, rowOf };
}

/** The case-kept form of unit `at` of a string whose units are its own slots. */
function casedAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return unitInfo[c]! >>> KIND_SHIFT === SEPARATOR ? SPACE : unitCased[c]!;
}

/**
 * Breadth-first numbering of the trie made by insertion, each node's children sorted by unit, and
 * each node's parent in the new numbering (for the failure links).
 */
function renumber(count: number, trie: Int32Array): { nodes: Int32Array; out: Int32Array; parent: Int32Array; manyChildren: Map<number, number> } {
  const nodes = new Int32Array(count * REC);
  const out = new Int32Array(count);
  const queue = new Int32Array(count);
  const parent = new Int32Array(count);
  const manyChildren = new Map<number, number>();
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const old = queue[head]! * TRIE_STRIDE;
    const base = head * REC;
    nodes[base + CHILD] = tail;
    const from = tail;
    for (let k = trie[old + FIRST_CHILD]!; k >= 0; k = trie[k * TRIE_STRIDE + NEXT_SIBLING]!) {
      parent[tail] = head;
      queue[tail++] = k;
    }
    const n = tail - from;
    if (n > 1) sortByUnit(queue, from, tail, trie);
    // The unit and word flag of each child are its own; the count is filled in when the child's turn comes.
    for (let j = from; j < tail; j++) nodes[j * REC + INFO] = trie[queue[j]! * TRIE_STRIDE + UNIT]! & (0xffff | WORDY_BIT);
    if (n >= MANY) manyChildren.set(head, n);
    nodes[base + INFO] = (nodes[base + INFO]! & (0xffff | WORDY_BIT)) | (Math.min(n, MANY) << COUNT_SHIFT);
    out[head] = trie[old + TRIE_OUT]!;
  }
  return { nodes, out, parent, manyChildren };
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
