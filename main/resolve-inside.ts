/**
 * The path-traversal guard of the app:// protocol: turns the path of a URL
 * into a file inside a root folder, or null. Pure (the `path` flavour is a
 * parameter, so Windows rules are tested on any OS).
 *
 * Each segment is percent-decoded once, then refused if it is empty, `.` or
 * `..`, or holds a slash, backslash, colon (drive letters, NTFS streams), NUL
 * or other control character, a trailing dot or space (Windows aliases
 * `a.html.` to `a.html`) or a Windows device name. Only then are the segments
 * joined, and the result must still lie strictly inside the root. Symlinks
 * are the caller's to check against the real path (protocol.ts does).
 */
import nodePath from 'node:path';

export type PathFlavour = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

const MAX_URL_PATH = 2048;
const FORBIDDEN_CHARS = /[/\\:\u0000-\u001f\u007f]/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\..*)?$/i;

/** Decodes and checks one segment; null when it could name anything but a plain file or folder name. */
function safeSegment(raw: string): string | null {
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    return null; // malformed escape such as %E0%A4
  }
  if (segment === '' || segment === '.' || segment === '..') return null;
  if (FORBIDDEN_CHARS.test(segment)) return null;
  if (/[. ]$/.test(segment)) return null;
  if (WINDOWS_DEVICE.test(segment)) return null;
  return segment;
}

export function resolveInside(root: string, urlPath: string, path: PathFlavour = nodePath): string | null {
  if (!path.isAbsolute(root)) throw new Error(`protocol: root must be an absolute path, got ${JSON.stringify(root)}`);
  if (typeof urlPath !== 'string' || !urlPath.startsWith('/') || urlPath.length > MAX_URL_PATH) return null;
  const segments: string[] = [];
  for (const raw of urlPath.slice(1).split('/')) {
    const segment = safeSegment(raw);
    if (segment === null) return null;
    segments.push(segment);
  }
  const base = path.resolve(root);
  const full = path.resolve(base, ...segments);
  const rel = path.relative(base, full);
  // Belt and braces: after the checks above this cannot escape, but the join is the last word.
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
  return full;
}

/** True when `child` is `root` itself or lies under it (both already absolute and real). */
export function isWithin(root: string, child: string, path: PathFlavour = nodePath): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
