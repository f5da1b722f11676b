/**
 * Things the service must tell the user once (AppInfo.notices), e.g. a damaged
 * notes database that was moved aside: shown above the reader until dismissed,
 * with where the old file was kept, so nothing is lost silently.
 */
import { useState } from 'react';
import { useApp } from './context';
import { noticeText } from './notice-text';

export function Notices() {
  const { info, t } = useApp();
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set());
  const notices = (info?.notices ?? []).map((notice, index) => ({ notice, index })).filter(({ index }) => !dismissed.has(index));
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('noticesLabel')}>
      {notices.map(({ notice, index }) => {
        const { text, detail } = noticeText(notice, t);
        return (
          <div key={index} className="notice" role="alert" data-code={notice.code}>
            <p dir="auto">{text}</p>
            {detail !== undefined && (
              <details>
                <summary>{t('noticeDetail')}</summary>
                <p dir="ltr" lang="en">
                  {detail}
                </p>
              </details>
            )}
            {notice.keptAt !== undefined && (
              <p>
                {t('noticeKeptAt')}{' '}
                <span className="url-text" dir="ltr">
                  {notice.keptAt}
                </span>
              </p>
            )}
            <button type="button" className="action" onClick={() => setDismissed((prev) => new Set(prev).add(index))}>
              {t('dismiss')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
