/**
 * Which files the UI sends to importFile, and how. Checked before reading a
 * byte: a base name only (never a path), one of the kinds capture can read
 * (.html .htm .txt .md), not empty, at most 20 MB (the service's limit, see
 * src/api/schemas.ts REQUEST_LIMITS.importBase64Chars). The service checks all
 * of it again; this keeps the user from waiting for a refusal.
 */
import type { ImportFileRequest } from '../../src/api/contract';

export const IMPORT_EXTENSIONS = ['.html', '.htm', '.txt', '.md'] as const;
export const IMPORT_ACCEPT = '.html,.htm,.txt,.md,text/html,text/plain,text/markdown';
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const MAX_NAME = 255;

export type FileProblem =
  | { problem: 'no-name' }
  | { problem: 'bad-name'; name: string }
  | { problem: 'bad-kind'; name: string }
  | { problem: 'empty'; name: string }
  | { problem: 'too-large'; name: string; size: number };

/** The last path component, whichever separator the platform used. */
export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? '';
}

/** null when the file can be imported, else what is wrong with it. */
export function checkImportFile(name: string, size: number): FileProblem | null {
  const base = baseName(name).trim();
  if (base === '') return { problem: 'no-name' };
  if (base.length > MAX_NAME || /[\u0000-\u001f\u007f]/.test(base) || base === '.' || base === '..') return { problem: 'bad-name', name: base.slice(0, 60) };
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot).toLowerCase() : '';
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(ext)) return { problem: 'bad-kind', name: base };
  if (!Number.isFinite(size) || size <= 0) return { problem: 'empty', name: base };
  if (size > IMPORT_MAX_BYTES) return { problem: 'too-large', name: base, size };
  return null;
}

/** Base64 of bytes, in chunks (String.fromCharCode with 20 MB of arguments would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(readonly detail: FileProblem) {
    super(`capture/import: ${describeProblem(detail)}`);
  }
}

export function describeProblem(p: FileProblem): string {
  switch (p.problem) {
    case 'no-name':
      return 'the file has no name';
    case 'bad-name':
      return `the file name "${p.name}" is not usable`;
    case 'bad-kind':
      return `${p.name}: only ${IMPORT_EXTENSIONS.join(' ')} files can be imported`;
    case 'empty':
      return `${p.name} is empty`;
    case 'too-large':
      return `${p.name} is ${p.size} bytes, over the ${IMPORT_MAX_BYTES} byte limit`;
  }
}

/** The importFile request for a picked or dropped file; throws ImportFileError before reading a bad one. */
export async function importRequest(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>, sourceId?: string): Promise<ImportFileRequest> {
  const problem = checkImportFile(file.name, file.size);
  if (problem !== null) throw new ImportFileError(problem);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { fileName: baseName(file.name).trim(), contentBase64: toBase64(bytes), ...(sourceId ? { sourceId } : {}) };
}
