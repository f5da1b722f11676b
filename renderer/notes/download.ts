/**
 * Saves an export (JSON-LD or Markdown) the service produced as a file the
 * user keeps: a Blob behind a temporary download link, which works the same
 * in a browser tab and in Electron's renderer (which shows a save dialog).
 *
 * The file name comes from the service but is still treated as untrusted
 * text: only a base name with a known extension is used, never a path.
 */
import type { ExportResponse } from '../../src/api/contract';

const ALLOWED_TYPES: Record<string, string> = {
  'application/ld+json': '.jsonld',
  'application/json': '.json',
  'text/markdown': '.md',
  'text/plain': '.txt',
};

/** A safe base name for the download: no directories, no control or reserved characters, the right extension. */
export function safeFileName(name: string, mimeType: string): string {
  const type = mimeType.split(';')[0]!.trim().toLowerCase();
  const ext = ALLOWED_TYPES[type];
  if (!ext) throw new Error(`notes/download: unexpected export type "${mimeType}"`);
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || 'daftar-notes';
  const hasExt = base.toLowerCase().endsWith(ext) || (ext === '.jsonld' && base.toLowerCase().endsWith('.json'));
  return hasExt && base.length > ext.length ? base : `${stem}${ext}`;
}

export interface DownloadEnv {
  document: Pick<Document, 'createElement' | 'body'>;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  /** Defers the revoke so the browser has started reading the blob. */
  later(fn: () => void): void;
}

export function browserDownloadEnv(win: Window = window): DownloadEnv {
  return {
    document: win.document,
    createObjectURL: (b) => URL.createObjectURL(b),
    revokeObjectURL: (u) => URL.revokeObjectURL(u),
    later: (fn) => void win.setTimeout(fn, 1000),
  };
}

/** Starts the download; returns the file name used. */
export function downloadExport(exported: ExportResponse, env: DownloadEnv): string {
  const fileName = safeFileName(exported.fileName, exported.mimeType);
  const type = exported.mimeType.includes('charset') ? exported.mimeType : `${exported.mimeType};charset=utf-8`;
  const blob = new Blob([exported.content], { type });
  const url = env.createObjectURL(blob);
  const link = env.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  env.document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    env.later(() => env.revokeObjectURL(url));
  }
  return fileName;
}
