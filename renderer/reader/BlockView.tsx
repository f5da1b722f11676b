/**
 * One block of a document: the right element for its type, with `lang` and
 * `dir` per block (an English quote inside an Arabic article stays LTR) and
 * `data-block-index` for highlights.ts.
 */
import { useState } from 'react';
import type { Citation, LibraryEntry } from '../../src/api/contract';
import type { BlockLayout } from '../../src/document/text';
import type { Block, EmbedBlock, FigureBlock } from '../../src/document/types';
import { useApp } from '../app/context';
import { formatDate } from '../i18n';
import { displayUrl, isOpenableUrl } from '../api/urls';
import { headingDomId } from './ids';
import { figureImageUrl } from './media';
import { Segments } from './Segments';

interface Props {
  block: Block;
  layout: BlockLayout;
  citations: readonly Citation[];
  /** Heading levels shift by one: the document's title is the page's h1. */
  headingShift: number;
  /**
   * For a document shown beside the reader's: where its images are stored
   * (default: the reader's document), and a prefix that keeps its heading ids
   * apart from the reader's (the table of contents links to those).
   */
  location?: LibraryEntry['location'];
  idPrefix?: string;
}

export function BlockView({ block, layout, citations, headingShift, location, idPrefix = '' }: Props) {
  const common = {
    'data-block-index': layout.index,
    'data-block-id': block.id,
    lang: block.lang,
    dir: block.dir,
  };
  const text = <Segments block={block} layout={layout} citations={citations} />;
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, block.level + headingShift) as 1 | 2 | 3 | 4 | 5 | 6;
      const Tag = `h${level}` as const;
      return (
        <Tag {...common} id={idPrefix + headingDomId(block.id)} tabIndex={-1} className="doc-heading">
          {text}
        </Tag>
      );
    }
    case 'paragraph':
      return <p {...common}>{text}</p>;
    case 'quote':
      return <blockquote {...common}>{text}</blockquote>;
    case 'list-item':
      return (
        <div {...common} role="listitem" className={`doc-list-item depth-${Math.min(block.depth, 6)}`} data-ordered={block.ordered}>
          {text}
        </div>
      );
    case 'figure':
      return <FigureView block={block} common={common} text={text} location={location} />;
    case 'embed':
      return <EmbedView block={block} common={common} text={text} />;
  }
}

type Common = Record<string, unknown>;

function FigureView({ block, common, text, location }: { block: FigureBlock; common: Common; text: React.ReactNode; location: LibraryEntry['location'] | undefined }) {
  const { t, info, current } = useApp();
  const url = figureImageUrl(block.src, location ?? current?.view.entry.location ?? 'bundled', info?.transport);
  const [broken, setBroken] = useState(false);
  const missingKey = 'imageMissing';
  return (
    <figure {...common} className="doc-figure">
      {url !== null && !broken ? (
        <img src={url} alt={block.alt} className="figure-image" onError={() => setBroken(true)} />
      ) : (
        <div className="figure-missing" role="img" aria-label={block.alt !== '' ? block.alt : t(missingKey)}>
          <span className="figure-missing-label">{t(missingKey)}</span>
          {block.alt !== '' && <span className="figure-alt">{block.alt}</span>}
        </div>
      )}
      <figcaption>{text}</figcaption>
    </figure>
  );
}

function EmbedView({ block, common, text }: { block: EmbedBlock; common: Common; text: React.ReactNode }) {
  const { t, lang, confirmOpenExternal } = useApp();
  const provider = block.provider === 'x' ? 'X' : '';
  return (
    <figure {...common} className="embed-card" aria-label={t('embedFrom', { provider: provider || '—' })}>
      <figcaption className="embed-header">
        <span className="embed-provider" aria-hidden="true">
          {block.provider === 'x' ? '𝕏' : '❝'}
        </span>
        <span className="embed-who">
          {block.author !== undefined && (
            <span className="embed-author" dir="auto">
              {block.author}
            </span>
          )}
          {block.handle !== undefined && (
            <span className="embed-handle" dir="ltr">
              @{block.handle}
            </span>
          )}
        </span>
        {block.date !== undefined && (
          <time className="embed-date" dateTime={block.date}>
            {formatDate(block.date, lang)}
          </time>
        )}
      </figcaption>
      <blockquote className="embed-text" lang={block.lang} dir={block.dir}>
        {text}
      </blockquote>
      {block.media.length > 0 && (
        <div className="embed-media">
          <span className="embed-media-label">{t('embedMedia')}</span>
          <ul>
            {block.media.map((url) => (
              <li key={url} dir="ltr" className="url-text">
                {displayUrl(url)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {block.url !== undefined && (
        <p className="embed-url">
          <span dir="ltr" className="url-text">
            {displayUrl(block.url)}
          </span>{' '}
          {isOpenableUrl(block.url) && (
            <button type="button" className="link-button" onClick={() => confirmOpenExternal(block.url!)}>
              {t('openInBrowser')}
            </button>
          )}
        </p>
      )}
    </figure>
  );
}
