/**
 * The notes part of the service: the contract's annotation methods over the
 * store (src/annotations/store.ts) and the library's current texts.
 *
 * The database is `<dataDir>/daftar.sqlite`, opened when the part is built.
 * Requests are parsed again here (schemas.ts) although the transports already
 * did: the CLI and other parts call the part directly, and a bad offset must
 * never reach the store. Anchoring happens on every read against the current
 * text of each document, so a note is shown where its text is now; a note
 * whose text is gone has `anchor: null` (the UI's "needs attention").
 *
 * Beyond the contract, the part exposes what other areas wire up (seams,
 * docs/NOTES.md): `notices()` (database moved aside / migrated, also logged
 * via ctx.log with a code), `notesForSearch()` + `subscribe()` for the search
 * index, and `reanchorDocument()` for capture after a new version.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { anchor, prepareText, type AnchorText } from '../../annotations/anchor';
import { describe, DescribeError } from '../../annotations/describe';
import { exportJsonLd } from '../../annotations/export-jsonld';
import { exportMarkdown, type MarkdownDocument } from '../../annotations/export-markdown';
import { importJsonLd } from '../../annotations/import-jsonld';
import { AnnotationError, createAnnotation, motivationFor, nextModified, normalizeTags, validateAnnotation } from '../../annotations/model';
import { reanchorDocument, type ReanchorResult } from '../../annotations/reanchor';
import { openAnnotationStore, type AnnotationStore } from '../../annotations/store';
import type { StoreNotice } from '../../annotations/store-open';
import type { Anchor, AnchoredAnnotation, Annotation } from '../contract';
import type { LoadedDocument, ServiceContext } from '../context';
import { ApiError } from '../errors';
import { parseRequest } from '../schemas';
import type { NotesPart } from '../service';
import type { NoteForSearch as SearchNote, NotesSearchSource } from '../../search/notes-source';

export const NOTES_DB_FILE = 'daftar.sqlite';

/** A note as search needs it (src/search/notes-source.ts), plus the highlighted words for showing the hit. */
export interface NoteForSearch extends SearchNote {
  quote: string;
}

export interface NotesPartExtras {
  close(): void;
  notices(): readonly StoreNotice[];
  notesForSearch(): NoteForSearch[];
  /** Called after every change to the notes; returns an unsubscribe function. */
  subscribe: NotesSearchSource['subscribe'];
  reanchorDocument(docId: string, newText: string, newContentHash: string): ReanchorResult;
}

/** Library errors stay as they are; our own validation errors become bad requests. */
function asApiError(error: unknown): never {
  if (error instanceof DescribeError || error instanceof AnnotationError) throw new ApiError('bad-request', error.message);
  throw error;
}

export function createNotesPart(ctx: ServiceContext): NotesPart & NotesPartExtras {
  mkdirSync(ctx.paths.dataDir, { recursive: true });
  const store: AnnotationStore = openAnnotationStore(join(ctx.paths.dataDir, NOTES_DB_FILE), { now: ctx.now, log: ctx.log });
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        ctx.log('error', `annotations: a notes listener failed: ${(error as Error).message}`, 'notes-listener');
      }
    }
  };

  /** The document with its text, or null when the library no longer has it (its notes are orphans). */
  const loadOrNull = (docId: string): LoadedDocument | null => {
    try {
      return ctx.library.load(docId);
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'not-found' || error.code === 'invalid-archive')) return null;
      throw error;
    }
  };

  const titleOf = (docId: string): string => {
    try {
      return ctx.library.view().entries.find((e) => e.id === docId)?.title ?? docId;
    } catch {
      return docId;
    }
  };

  // Anchoring an orphan on a long document runs the fuzzy search every time
  // (~35 ms on 200k characters, bench/results/anchor.md); the result depends
  // only on the document text and the selectors, so it is remembered.
  const anchorCache = new Map<string, Anchor | null>();
  const ANCHOR_CACHE_LIMIT = 10_000;
  const cachedAnchor = (prepared: AnchorText, hash: string, note: Annotation): Anchor | null => {
    const key = `${note.target.source}\u0000${hash}\u0000${note.target.contentHash}\u0000${JSON.stringify(note.target.selector)}`;
    if (anchorCache.has(key)) return anchorCache.get(key)!;
    const found = anchor(prepared, note.target.selector, { sameText: hash === note.target.contentHash });
    if (anchorCache.size >= ANCHOR_CACHE_LIMIT) anchorCache.clear();
    anchorCache.set(key, found);
    return found;
  };

  const anchorAll = (notes: Annotation[]): AnchoredAnnotation[] => {
    const texts = new Map<string, { prepared: AnchorText; hash: string } | null>();
    const out = notes.map((note) => {
      if (!texts.has(note.target.source)) {
        const doc = loadOrNull(note.target.source);
        texts.set(note.target.source, doc ? { prepared: prepareText(doc.layout.text), hash: doc.entry.contentHash } : null);
      }
      const text = texts.get(note.target.source);
      const found: Anchor | null = text ? cachedAnchor(text.prepared, text.hash, note) : null;
      return { ...note, anchor: found };
    });
    return out.sort((a, b) => a.target.source.localeCompare(b.target.source) || (a.anchor?.start ?? Infinity) - (b.anchor?.start ?? Infinity) || a.created.localeCompare(b.created));
  };
  const anchorOne = (note: Annotation): AnchoredAnnotation => anchorAll([note])[0]!;

  const knownDocument = (docId: string): boolean => {
    try {
      return ctx.library.view().entries.some((e) => e.id === docId);
    } catch {
      return false;
    }
  };

  const libraryOrder = (): string[] => {
    try {
      return ctx.library.view().entries.map((e) => e.id);
    } catch {
      return [];
    }
  };

  return {
    async listAnnotations(raw) {
      const req = parseRequest('listAnnotations', raw);
      return anchorAll(store.list(req.docId));
    },

    async createAnnotation(raw) {
      const req = parseRequest('createAnnotation', raw);
      const doc = ctx.library.load(req.docId);
      try {
        const note = createAnnotation({
          docId: req.docId,
          contentHash: doc.entry.contentHash,
          selectors: describe(doc.layout.text, req.start, req.end),
          color: req.color,
          note: req.note,
          tags: req.tags,
          now: ctx.now(),
        });
        store.insert(note);
        changed();
        return { ...note, anchor: { start: req.start, end: req.end, method: 'position', score: 1 } };
      } catch (error) {
        return asApiError(error);
      }
    },

    async updateAnnotation(raw) {
      const req = parseRequest('updateAnnotation', raw);
      try {
        const updated = store.update(
          req.id,
          (current) => {
            const note = req.note ?? current.body.note;
            const tags = req.tags ? normalizeTags(req.tags) : current.body.tags;
            let target = current.target;
            if (req.reattach) {
              const doc = ctx.library.load(current.target.source);
              target = { source: current.target.source, contentHash: doc.entry.contentHash, selector: describe(doc.layout.text, req.reattach.start, req.reattach.end) };
            }
            return {
              ...current,
              modified: nextModified(current.modified, ctx.now()),
              motivation: motivationFor(note, tags),
              body: { note, tags },
              color: req.color ?? current.color,
              target,
            };
          },
          req.expectedModified,
        );
        changed();
        return anchorOne(updated);
      } catch (error) {
        return asApiError(error);
      }
    },

    async deleteAnnotation(raw) {
      const req = parseRequest('deleteAnnotation', raw);
      const before = store.delete(req.id);
      changed();
      return before;
    },

    async restoreAnnotation(raw) {
      const req = parseRequest('restoreAnnotation', raw);
      try {
        const note = validateAnnotation(req.annotation);
        if (req.expectedModified === undefined) {
          store.insert(note);
          changed();
          return anchorOne(note);
        }
        // The replaced record gets a newer \`modified\` than the one it replaces,
        // so a window still holding that version sees a conflict, not an ABA.
        const replaced = store.update(note.id, (current) => ({ ...note, modified: nextModified(current.modified, ctx.now()) }), req.expectedModified);
        changed();
        return anchorOne(replaced);
      } catch (error) {
        return asApiError(error);
      }
    },

    async exportAnnotations(raw) {
      const req = parseRequest('exportAnnotations', raw);
      const notes = store.list(req.docId);
      const day = ctx.now().toISOString().slice(0, 10);
      const scope = req.docId ? `-${req.docId}` : '';
      if (req.format === 'jsonld') {
        return { fileName: `daftar-notes${scope}-${day}.jsonld`, mimeType: 'application/ld+json', content: exportJsonLd(notes) };
      }
      const anchored = anchorAll(notes);
      const order = libraryOrder();
      const docIds = [...new Set(anchored.map((a) => a.target.source))].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
      const documents: MarkdownDocument[] = docIds.map((docId) => ({ docId, title: titleOf(docId), annotations: anchored.filter((a) => a.target.source === docId) }));
      return { fileName: `daftar-notes${scope}-${day}.md`, mimeType: 'text/markdown; charset=utf-8', content: exportMarkdown(documents, ctx.now()) };
    },

    async importAnnotations(raw) {
      const req = parseRequest('importAnnotations', raw);
      const result = importJsonLd(store, req.content, { knownDocument });
      if (result.added + result.updated > 0) changed();
      return result;
    },

    close: () => store.close(),
    notices: () => store.notices,
    notesForSearch: () =>
      store.list().map((a) => ({
        id: a.id,
        docId: a.target.source,
        docTitle: titleOf(a.target.source),
        text: a.body.note,
        quote: a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '',
        tags: a.body.tags,
      })),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reanchorDocument(docId, newText, newContentHash) {
      const result = reanchorDocument(store, docId, newText, newContentHash);
      changed();
      return result;
    },
  };
}

/** Position in library order; documents the library no longer lists go last. */
function rank(order: string[], docId: string): number {
  const i = order.indexOf(docId);
  return i === -1 ? order.length : i;
}
