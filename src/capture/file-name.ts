/**
 * The name of an imported file: a base name only, checked before anything is
 * read. It is shown in provenance and picks the importer by extension, so a
 * path ('../../x.html', 'a/b.html', 'C:\\x.html'), a NUL, a control character
 * or a name that is only dots is refused rather than cleaned up: cleaning
 * would hide that the caller sent a path.
 */
import { CaptureError } from './errors';

export type ImportKind = 'html' | 'txt' | 'md';

const KINDS: Record<string, ImportKind> = { html: 'html', htm: 'html', xhtml: 'html', txt: 'txt', text: 'txt', md: 'md', markdown: 'md' };

export function checkFileName(name: string): { name: string; kind: ImportKind } {
  if (typeof name !== 'string' || name.length === 0) throw new CaptureError('bad-request', 'import: the file name is empty');
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  if (name.length > 255) throw new CaptureError('bad-request', `import: the file name ${shown} is longer than 255 characters`);
  if (name.includes('\0')) throw new CaptureError('bad-request', `import: the file name ${shown} contains a NUL character`);
  if (/[\u0001-\u001f\u007f]/.test(name)) throw new CaptureError('bad-request', `import: the file name ${shown} contains a control character`);
  if (/[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) throw new CaptureError('bad-request', `import: ${shown} is a path; give the file's base name only`);
  if (/^\.+$/.test(name.trim())) throw new CaptureError('bad-request', `import: ${shown} is not a file name`);
  if (name !== name.trim()) throw new CaptureError('bad-request', `import: the file name ${shown} starts or ends with a space`);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const kind = KINDS[ext];
  if (!kind) {
    const what = ext === 'pdf' ? 'a PDF' : ext ? `a .${ext} file` : 'a file with no extension';
    throw new CaptureError('unsupported', `import: ${shown} is ${what}; Daftar imports .html, .htm, .txt and .md files`);
  }
  return { name, kind };
}

/** The file's name without its extension, as a last-resort title. */
export function baseTitle(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).replace(/[_-]+/g, ' ').trim() || name;
}
