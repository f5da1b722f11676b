/**
 * A tiny rendered document for the highlight tests: the same DOM shape the
 * reader produces (block elements with data-block-index, segment elements
 * with data-offset holding one text node, marks wrapping them), built with
 * jsdom from a block tree and src/document/text.ts — no React needed.
 */
import { JSDOM } from 'jsdom';
import type { Citation } from '../../../src/api/contract';
import { layoutDocument, type DocumentLayout } from '../../../src/document/text';
import type { Block } from '../../../src/document/types';
import { segmentBlock } from '../../../renderer/reader/segments';

export interface Rendered {
  dom: JSDOM;
  root: HTMLElement;
  layout: DocumentLayout;
}

export function renderBlocks(blocks: Block[], citations: Citation[] = []): Rendered {
  const dom = new JSDOM('<!doctype html><html><body><header id="outside">UI text</header><div id="root"></div></body></html>');
  const doc = dom.window.document;
  const root = doc.getElementById('root')!;
  const layout = layoutDocument({ blocks });
  blocks.forEach((block, index) => {
    const el = doc.createElement(block.type === 'heading' ? 'h2' : 'p');
    el.dataset.blockIndex = String(index);
    if (block.type === 'embed') {
      // Like the reader's embed card: a header outside the text, then the text.
      const header = doc.createElement('span');
      header.textContent = 'author @handle';
      el.append(header);
    }
    for (const segment of segmentBlock(block, layout.blocks[index]!, citations)) {
      const span = doc.createElement('span');
      span.dataset.offset = String(segment.start);
      if (segment.text !== '') span.append(doc.createTextNode(segment.text));
      let node: HTMLElement = span;
      for (const mark of segment.marks) {
        const wrap = doc.createElement(mark.type === 'citation' || mark.type === 'link' ? 'a' : 'em');
        wrap.append(node);
        node = wrap;
      }
      el.append(node);
    }
    root.append(el);
  });
  return { dom, root, layout };
}

export function para(id: string, ...runs: (string | { text: string; cite?: string; em?: boolean })[]): Block {
  return {
    type: 'paragraph',
    id,
    runs: runs.map((r) => {
      if (typeof r === 'string') return { text: r };
      const marks = [...(r.em ? [{ type: 'emphasis' as const }] : []), ...(r.cite ? [{ type: 'citation' as const, sourceId: r.cite }] : [])];
      return marks.length > 0 ? { text: r.text, marks } : { text: r.text };
    }),
  };
}
