import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * Node 20 has neither fs.glob nor path.matchesGlob, and the patterns a pipeline needs are
 * few: `*` and `?` within one path segment, `**` across segments. A small matcher over a
 * walk of the folder the pattern starts in is enough, and keeps the dependency list short.
 */

const SPECIAL = /[*?]/;

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** A `/`-separated glob as a regular expression over `/`-separated relative paths. */
export function globToRegExp(pattern: string): RegExp {
  const parts = pattern.split('/');
  let source = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (part === '**') {
      // `a/**/b` also matches `a/b`; a trailing `**` matches everything below.
      source += last ? '.*' : '(?:[^/]+/)*';
      continue;
    }
    source += part
      .split(/(\*+|\?)/)
      .map((piece) => (piece === '?' ? '[^/]' : piece.startsWith('*') ? '[^/]*' : escape(piece)))
      .join('');
    if (!last) source += '/';
  }
  return new RegExp(`^${source}$`, 'u');
}

export function matchesGlob(path: string, pattern: string): boolean {
  return globToRegExp(pattern).test(path);
}

/** The leading segments without wildcards: the only folder that needs walking. */
function staticBase(pattern: string): string {
  const parts = pattern.split('/');
  const base: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (SPECIAL.test(part)) break;
    base.push(part);
  }
  return base.join('/');
}

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, ...rel.split('/').filter(Boolean)), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.isFile()) out.push(path);
  }
}

/**
 * The files under `root` that the patterns name, relative and `/`-separated, sorted and
 * without repeats. A pattern without wildcards is kept even when the file is missing, so that
 * reading it fails loudly instead of the document silently dropping out of the pipeline.
 */
export async function expandGlobs(root: string, patterns: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const raw of patterns) {
    const pattern = raw.replace(/^\.\//, '');
    if (!SPECIAL.test(pattern)) {
      found.add(pattern);
      continue;
    }
    const files: string[] = [];
    await walk(root, staticBase(pattern), files);
    const re = globToRegExp(pattern);
    for (const file of files) if (re.test(file)) found.add(file);
  }
  return [...found].sort();
}
