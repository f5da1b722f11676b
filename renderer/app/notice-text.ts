/**
 * What a service notice says in the reader's language. The core words its
 * notices in English with the technical cause (the log and the CLI read
 * them); the UI leads with its own sentence for the codes it knows and keeps
 * the core's message as the detail, so nothing the core said is hidden.
 */
import type { AppNotice } from '../../src/api/contract';
import type { StringKey, Translate } from '../i18n';

const KNOWN: Record<string, StringKey> = {
  'notes-db-corrupt': 'notice-notes-db-corrupt',
  'notes-db-newer': 'notice-notes-db-newer',
  'notes-db-migrated': 'notice-notes-db-migrated',
};

export interface NoticeText {
  text: string;
  /** The core's own message, when the text above is the UI's sentence. */
  detail?: string;
}

export function noticeText(notice: Pick<AppNotice, 'code' | 'message'>, t: Translate): NoticeText {
  const key = Object.hasOwn(KNOWN, notice.code) ? KNOWN[notice.code] : undefined;
  return key === undefined ? { text: notice.message } : { text: t(key), detail: notice.message };
}
