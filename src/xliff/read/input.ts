import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { TarjomanError } from '../../model/located-error.js';
import { checkDeclaredEncoding, decodeXliff, looksUtf8 } from './decode.js';
import type { TextChunks } from './stream.js';

/** An XLIFF file on disk, read in chunks so that its whole text never has to be in memory at once. */
export interface XliffFileRef {
  readonly file: string;
  /** told how many bytes of how many have been read, as the file is read for its content */
  readonly onRead?: (done: number, total: number) => void;
}

/** An XLIFF file's bytes, or where to read them. */
export type XliffInput = Uint8Array | XliffFileRef;

// Small enough that a decoded chunk stays out of V8's large-object space, which only a full GC empties:
// 1 MB chunks left over 100 MB of dead text there while a 100 MB file was read.
const CHUNK = 1 << 15;

function readFailed(path: string, cause: unknown): TarjomanError {
  const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
  return new TarjomanError('errors:readFailed', { reason }, { file: path }, { cause });
}

function* fileBytes(file: string): Generator<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (cause) {
    throw readFailed(file, cause);
  }
  try {
    const buffer = new Uint8Array(CHUNK);
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Bytes at the end of a chunk that begin a UTF-8 sequence the next chunk completes. */
function openTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Whether a whole file is valid UTF-8, checked chunk by chunk. */
function fileIsUtf8(file: string): boolean {
  let carry = new Uint8Array(0);
  for (const chunk of fileBytes(file)) {
    const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const tail = openTail(joined);
    if (!isUtf8(joined.subarray(0, joined.length - tail))) return false;
    carry = new Uint8Array(joined.subarray(joined.length - tail));
  }
  return carry.length === 0;
}

function* utf8Text(file: string, onRead?: XliffFileRef['onRead']): Generator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let first = true;
  const total = onRead ? statSync(file).size : 0;
  let done = 0;
  for (const chunk of fileBytes(file)) {
    done += chunk.length;
    onRead?.(done, total);
    let text = decoder.decode(chunk, { stream: true });
    if (first && text.startsWith('\uFEFF')) text = text.slice(1);
    first = false;
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The text of an XLIFF input as chunks, every encoding error already found: a file that is not
 * plain UTF-8 (UTF-16, a bad byte) is read whole and decoded as before, so its error names the
 * same place; a UTF-8 file is checked first and then streamed.
 */
export function xliffText(input: XliffInput, path: string): TextChunks {
  if (input instanceof Uint8Array) {
    const text = decodeXliff(input, path);
    return () => [text];
  }
  const { file } = input;
  let head = new Uint8Array(0);
  for (const chunk of fileBytes(file)) {
    head = new Uint8Array(chunk.subarray(0, 4096));
    break;
  }
  if (!looksUtf8(head) || !fileIsUtf8(file)) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (cause) {
      throw readFailed(file, cause);
    }
    const text = decodeXliff(bytes, path);
    return () => [text];
  }
  const start = new TextDecoder('utf-8', { ignoreBOM: true }).decode(head.subarray(0, head.length - openTail(head)));
  checkDeclaredEncoding(start.startsWith('\uFEFF') ? start.slice(1) : start, path);
  return () => utf8Text(file, input.onRead);
}

/** Makes sure a user's XLIFF file can be read, with the error reading it whole would give. */
export function xliffFile(path: string, onRead?: XliffFileRef['onRead']): XliffFileRef {
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, new Uint8Array(1), 0, 1, null);
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    throw readFailed(path, cause);
  }
  return { file: path, ...(onRead ? { onRead } : {}) };
}
