/**
 * JSON-LD → annotations in the store: the inverse of export-jsonld.ts.
 *
 * Accepts an AnnotationCollection (items in `first.items`, or `first` as an
 * array of pages), an AnnotationPage, a single Annotation, or an array of
 * Annotations. The file is untrusted: a document that is not JSON or not one
 * of those shapes is refused whole (ApiError 'bad-request', nothing changes);
 * inside a good document every item is checked alone, bad items are reported
 * with their index and the reason, the good ones are kept.
 *
 * An id already in the store is replaced only when the imported `modified`
 * is later (a stale backup never overwrites newer work). All writes happen in
 * one transaction: the import is applied whole or, on a crash, not at all.
 */
import type { Annotation, HighlightColor, ImportAnnotationsResponse } from '../api/contract';
import { ApiError } from '../api/errors';
import { CONTENT_HASH_TERM, STYLE_CLASS_PREFIX } from './export-jsonld';
import { validateAnnotation } from './model';
import type { AnnotationStore } from './store';

const COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];
/** More items than this in one file is not a notes export. */
export const MAX_IMPORT_ITEMS = 100_000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The list of candidate annotations in a parsed document, or a reason it is not one. */
export function itemsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) throw new ApiError('bad-request', 'annotations: import: expected a JSON object (an AnnotationCollection)');
  const type = doc.type;
  if (type === 'Annotation') return [doc];
  if (type === 'AnnotationPage') {
    if (!Array.isArray(doc.items)) throw new ApiError('bad-request', 'annotations: import: AnnotationPage has no items array');
    return doc.items;
  }
  if (type === 'AnnotationCollection') {
    const first = doc.first;
    const pages = Array.isArray(first) ? first : first === undefined ? [] : [first];
    const items: unknown[] = [];
    for (const page of pages) {
      if (!isObject(page) || !Array.isArray(page.items)) throw new ApiError('bad-request', 'annotations: import: AnnotationCollection.first is not an AnnotationPage with items');
      items.push(...page.items);
    }
    return items;
  }
  throw new ApiError('bad-request', `annotations: import: expected type AnnotationCollection, AnnotationPage or Annotation, got ${JSON.stringify(type)?.slice(0, 60)}`);
}

/** One W3C annotation (as Daftar exports it) → the contract's Annotation; throws with the reason. */
export function fromW3c(item: unknown): Annotation {
  if (!isObject(item)) throw new Error('not an object');
  if (item.type !== 'Annotation') throw new Error(`type is ${JSON.stringify(item.type)}, expected "Annotation"`);
  const target = item.target;
  if (!isObject(target)) throw new Error('target is missing or not an object');
  const bodies = item.body === undefined ? [] : Array.isArray(item.body) ? item.body : [item.body];
  let note = '';
  const tags: string[] = [];
  for (const [i, body] of bodies.entries()) {
    if (!isObject(body) || body.type !== 'TextualBody' || typeof body.value !== 'string') throw new Error(`body[${i}] is not a TextualBody with a string value`);
    if (body.purpose === 'tagging') tags.push(body.value);
    else if (note === '') note = body.value;
    else throw new Error(`body[${i}]: more than one note body`);
  }
  const styleClass = typeof target.styleClass === 'string' ? target.styleClass : `${STYLE_CLASS_PREFIX}yellow`;
  const color = styleClass.slice(STYLE_CLASS_PREFIX.length) as HighlightColor;
  if (!styleClass.startsWith(STYLE_CLASS_PREFIX) || !COLORS.includes(color)) throw new Error(`target.styleClass ${JSON.stringify(styleClass).slice(0, 40)} is not a Daftar colour`);
  const selector = Array.isArray(target.selector) ? target.selector : target.selector === undefined ? undefined : [target.selector];
  return validateAnnotation({
    id: item.id,
    created: item.created,
    modified: item.modified,
    motivation: item.motivation,
    body: { note, tags },
    target: { source: target.source, contentHash: target[CONTENT_HASH_TERM] ?? '', selector },
    color,
  });
}

export interface ImportOptions {
  /** Whether a document id is in the library; notes for unknown documents are refused. */
  knownDocument(docId: string): boolean;
}

export function importJsonLd(store: AnnotationStore, content: string, options: ImportOptions): ImportAnnotationsResponse {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (error) {
    throw new ApiError('bad-request', `annotations: import: not JSON (${(error as Error).message})`);
  }
  const items = itemsOf(doc);
  if (items.length > MAX_IMPORT_ITEMS) throw new ApiError('too-large', `annotations: import: ${items.length} items, at most ${MAX_IMPORT_ITEMS}`);
  const result: ImportAnnotationsResponse = { added: 0, updated: 0, unchanged: 0, errors: [] };
  const seen = new Set<string>();
  const valid: { index: number; annotation: Annotation }[] = [];
  items.forEach((item, index) => {
    try {
      const annotation = fromW3c(item);
      if (!options.knownDocument(annotation.target.source)) throw new Error(`unknown document ${annotation.target.source}`);
      if (seen.has(annotation.id)) throw new Error(`duplicate id ${annotation.id} in this file`);
      seen.add(annotation.id);
      valid.push({ index, annotation });
    } catch (error) {
      const message = (error as Error).message.replace(/^annotations: invalid annotation:? ?/, '');
      result.errors.push({ index, message: `annotations: import: item ${index}: ${message}` });
    }
  });
  store.transaction(() => {
    for (const { index, annotation } of valid) {
      try {
        const existing = store.get(annotation.id);
        if (!existing) {
          store.insert(annotation);
          result.added++;
        } else if (Date.parse(annotation.modified) > Date.parse(existing.modified)) {
          store.update(annotation.id, () => annotation);
          result.updated++;
        } else {
          result.unchanged++;
        }
      } catch (error) {
        // A constraint failure undoes that statement only; the other items still go in.
        result.errors.push({ index, message: `annotations: import: item ${index}: ${(error as Error).message}` });
      }
    }
  });
  return result;
}
