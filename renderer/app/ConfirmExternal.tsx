/**
 * Asks before an address leaves the app. A native modal <dialog>: it traps
 * focus, closes on Escape, and returns focus where it was.
 */
import { useEffect, useRef } from 'react';
import { displayUrl } from '../api/urls';
import { useApp } from './context';

export function ConfirmExternal() {
  const { pendingExternal, resolveExternal, t } = useApp();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (pendingExternal !== null && !dialog.open) dialog.showModal();
    if (pendingExternal === null && dialog.open) dialog.close();
  }, [pendingExternal]);
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="confirm-title" onCancel={() => void resolveExternal(false)}>
      <h2 id="confirm-title">{t('confirmOpenTitle')}</h2>
      <p>{t('confirmOpenBody')}</p>
      <p className="url-text confirm-url" dir="ltr">
        {pendingExternal !== null ? displayUrl(pendingExternal) : ''}
      </p>
      <div className="dialog-actions">
        <button type="button" className="action primary" onClick={() => void resolveExternal(true)}>
          {t('confirmOpen')}
        </button>
        <button type="button" className="action" autoFocus onClick={() => void resolveExternal(false)}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
