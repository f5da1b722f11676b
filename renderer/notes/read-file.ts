/**
 * Reading a file the user picked for a notes import: size checked before
 * reading (the service refuses more than NOTE_LIMITS.importChars anyway, but
 * reading 2 GB into a string first would hang the window), text decoded as
 * UTF-8 with a byte-order mark dropped. Errors name the file.
 */
import { NOTE_LIMITS } from './limits';

export class NotesFileError extends Error {
  override name = 'NotesFileError';
  constructor(
    readonly kind: 'too-large' | 'unreadable',
    readonly fileName: string,
    message: string,
  ) {
    super(message);
  }
}

export async function readNotesFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<string> {
  if (file.size > NOTE_LIMITS.importChars) {
    throw new NotesFileError('too-large', file.name, `notes/import: ${file.name} is ${file.size} bytes, over the ${NOTE_LIMITS.importChars} byte limit`);
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    throw new NotesFileError('unreadable', file.name, `notes/import: ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
