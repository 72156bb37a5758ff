import { createHash } from 'node:crypto';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface KeyInput {
  document: Uint8Array;
  /** each glossary file with its path, in a fixed order */
  glossaries: readonly { path: string; bytes: Uint8Array }[];
  /** the pipeline settings that change what a step writes */
  settings: unknown;
  toolVersion: string;
}

/** JSON with keys sorted, so that the order fields were written in does not change a key. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The key of one extraction step. Every part is length-prefixed, so that moving bytes from
 * one part to the next can never give the same key.
 */
export function stepKey(input: KeyInput): string {
  const hash = createHash('sha256');
  const part = (label: string, data: Uint8Array | string) => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    hash.update(`${label}:${bytes.length}:`);
    hash.update(bytes);
  };
  part('tool', input.toolVersion);
  part('settings', canonical(input.settings));
  part('document', input.document);
  for (const g of input.glossaries) {
    part('glossary-path', g.path);
    part('glossary', g.bytes);
  }
  return hash.digest('hex');
}
