/** Table of contents from the document's headings; each entry moves focus to its heading. */
import { useApp } from '../app/context';
import { blockText } from '../../src/document/types';
import { headingDomId } from './ids';

export function Toc() {
  const { current, t } = useApp();
  if (current === null) return null;
  const headings = current.view.document.blocks.filter((b) => b.type === 'heading');
  const jump = (id: string) => {
    const el = document.getElementById(headingDomId(id));
    if (el === null) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  };
  return (
    <div className="toc">
      <h2 className="nav-heading" id="toc-heading">{t('contents')}</h2>
      {headings.length === 0 ? (
        <p className="nav-empty">{t('noHeadings')}</p>
      ) : (
        <ol aria-labelledby="toc-heading" className="toc-list" lang={current.view.document.lang}>
          {headings.map((h) => (
            <li key={h.id} className={`toc-level-${h.level}`}>
              <a
                href={`#${headingDomId(h.id)}`}
                dir={h.dir === 'auto' || h.dir === undefined ? 'auto' : h.dir}
                onClick={(event) => {
                  event.preventDefault();
                  jump(h.id);
                }}
              >
                {blockText(h)}
              </a>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
