/**
 * Renders a block's segments (segments.ts). The element holding each
 * segment's text carries `data-offset` and holds exactly one text node, which
 * is what highlights.ts relies on. Marks wrap it from the outside; a citation
 * becomes a link that opens its source's card.
 */
import type { ReactNode } from 'react';
import type { Citation, LibraryEntry } from '../../src/api/contract';
import type { BlockLayout } from '../../src/document/text';
import type { Block, Mark } from '../../src/document/types';
import { useApp } from '../app/context';
import { segmentBlock, type Segment } from './segments';

export function Segments({ block, layout, citations }: { block: Block; layout: BlockLayout; citations: readonly Citation[] }) {
  const segments = segmentBlock(block, layout, citations);
  return <>{segments.map((segment) => <SegmentView key={segment.start + ':' + segment.text.length} segment={segment} />)}</>;
}

function SegmentView({ segment }: { segment: Segment }) {
  let node: ReactNode = <span data-offset={segment.start}>{segment.text}</span>;
  // Inner marks first so a citation (a link) is the outermost element.
  const ordered = [...segment.marks].sort((a, b) => order(a) - order(b));
  for (const mark of ordered) node = <MarkView mark={mark}>{node}</MarkView>;
  return node;
}

function order(mark: Mark): number {
  return mark.type === 'emphasis' ? 0 : mark.type === 'strong' ? 1 : mark.type === 'link' ? 2 : 3;
}

function MarkView({ mark, children }: { mark: Mark; children: ReactNode }) {
  switch (mark.type) {
    case 'emphasis':
      return <em>{children}</em>;
    case 'strong':
      return <strong>{children}</strong>;
    case 'link':
      return <ExternalLink href={mark.href}>{children}</ExternalLink>;
    case 'citation':
      return <CitationLink sourceId={mark.sourceId}>{children}</CitationLink>;
  }
}

function sourceName(entry: LibraryEntry | undefined): string {
  if (entry === undefined) return '';
  return entry.publisher ?? entry.title;
}

function CitationLink({ sourceId, children }: { sourceId: string; children: ReactNode }) {
  const { library, openSource, t } = useApp();
  const entry = library?.entries.find((e) => e.id === sourceId);
  return (
    <a
      href={`#source-${sourceId}`}
      className="citation"
      data-source-id={sourceId}
      aria-description={t('citesSource', { name: sourceName(entry) })}
      title={t('citesSource', { name: sourceName(entry) })}
      onClick={(event) => {
        event.preventDefault();
        openSource(sourceId);
      }}
    >
      {children}
    </a>
  );
}

/** A link inside a document: never followed directly; asks first, and only for https. */
function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const { confirmOpenExternal } = useApp();
  return (
    <a
      href={href}
      className="doc-link"
      title={href}
      rel="noopener noreferrer"
      onClick={(event) => {
        event.preventDefault();
        confirmOpenExternal(href);
      }}
    >
      {children}
    </a>
  );
}
