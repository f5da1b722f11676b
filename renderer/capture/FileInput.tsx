/**
 * The hidden file picker behind an Import button: accepts the kinds Daftar
 * imports, hands over one file, and clears itself so the same file can be
 * picked again after an error.
 */
import type { RefObject } from 'react';
import { IMPORT_ACCEPT } from './files';

export function FileInput({ inputRef, testId, onFile }: { inputRef: RefObject<HTMLInputElement | null>; testId: string; onFile: (file: File) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      hidden
      accept={IMPORT_ACCEPT}
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
