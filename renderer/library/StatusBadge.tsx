/** A source's status as a word (never colour alone), styled per status. */
import type { DocumentStatus } from '../../src/api/contract';
import { useApp } from '../app/context';
import type { StringKey } from '../i18n';

const KEYS: Record<DocumentStatus, StringKey> = {
  captured: 'statusCaptured',
  'not-captured': 'statusNotCaptured',
  unresolved: 'statusUnresolved',
};

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useApp();
  return <span className={`badge badge-${status}`} data-status={status}>{t(KEYS[status])}</span>;
}
