/**
 * Quoted globs ("nop-ve/*.xlsx"): Windows shells pass them to the program unexpanded. Only "*" (any characters but
 * the separator) and "?" (one character) are understood, in any path segment; names starting with "." are matched
 * only by a pattern starting with "."; on Windows matching ignores case, as its file system does.
 * An own small matcher rather than fs.glob: fs.glob appeared in Node 22 (the product supports Node 20.9+).
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

export function hasWildcard(text: string): boolean {
  return /[*?]/.test(text);
}

/** A regular expression for one path segment's pattern. */
export function segmentMatcher(pattern: string, ignoreCase = process.platform === 'win32'): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, ignoreCase ? 'iu' : 'u');
}

function splitPattern(pattern: string): { root: string; segments: string[] } {
  const parsed = path.parse(pattern);
  const rest = pattern.slice(parsed.root.length);
  const segments = rest.split(path.sep === '\\' ? /[\\/]+/ : /\/+/).filter((s) => s !== '');
  return { root: parsed.root, segments };
}

/** Paths matching `pattern`, sorted; the part of the pattern before its first wildcard is used as given. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const { root, segments } = splitPattern(pattern);
  let bases = [root === '' ? '' : root];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const next: string[] = [];
    if (!hasWildcard(segment)) {
      for (const b of bases) next.push(b === '' ? segment : path.join(b, segment));
    } else {
      const matcher = segmentMatcher(segment);
      for (const b of bases) {
        const names = await readdir(b === '' ? '.' : b).catch(() => [] as string[]);
        for (const name of names.sort()) {
          if (name.startsWith('.') && !segment.startsWith('.')) continue;
          if (matcher.test(name)) next.push(b === '' ? name : path.join(b, name));
        }
      }
    }
    bases = next;
    if (bases.length === 0) return [];
  }
  // A literal tail ("*/bao-cao.xlsx") may name nothing in some folders: keep the paths that exist.
  const found: string[] = [];
  for (const p of bases) if (await lstat(p).then(() => true, () => false)) found.push(p);
  return found;
}
