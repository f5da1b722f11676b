/**
 * Annotations → a W3C AnnotationCollection in JSON-LD
 * (https://www.w3.org/TR/annotation-model/#annotation-collection), so notes
 * can leave Daftar in an open format other tools read.
 *
 * Mapping (import-jsonld.ts reads exactly this back, so a round trip is equal):
 *   note           → TextualBody, purpose "commenting", text/plain
 *   each tag       → TextualBody, purpose "tagging"
 *   document id    → target.source (Daftar's document id, not a URL: archived
 *                    documents may have none)
 *   colour         → target.styleClass "daftar-<colour>" (W3C's own styling hook)
 *   content hash   → target["daftar:contentHash"] (an absolute-IRI term, kept
 *                    by JSON-LD processors that do not know it)
 * The Daftar-only fields are additions: a W3C reader ignoring them still gets
 * the quote, position, note and tags.
 */
import type { Annotation, Selector } from '../api/contract';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CONTENT_HASH_TERM = 'daftar:contentHash';
export const STYLE_CLASS_PREFIX = 'daftar-';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  motivation: string;
  body?: TextualBody[];
  target: { type: 'SpecificResource'; source: string; styleClass: string; selector: Selector[]; [CONTENT_HASH_TERM]: string };
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

export function toW3c(a: Annotation): W3cAnnotation {
  const body: TextualBody[] = [];
  if (a.body.note.length > 0) body.push({ type: 'TextualBody', value: a.body.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of a.body.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return {
    id: a.id,
    type: 'Annotation',
    created: a.created,
    modified: a.modified,
    motivation: a.motivation,
    ...(body.length > 0 ? { body } : {}),
    target: { type: 'SpecificResource', source: a.target.source, styleClass: STYLE_CLASS_PREFIX + a.color, selector: a.target.selector, [CONTENT_HASH_TERM]: a.target.contentHash },
  };
}

export function exportJsonLd(annotations: readonly Annotation[], label = 'Daftar notes'): string {
  const collection: AnnotationCollection = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations.map(toW3c) },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}
