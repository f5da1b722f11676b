/**
 * The capture part of the service: captureSource and importFile over
 * src/capture, storing through ctx.library.addVersion (atomic: on any failure
 * before or inside it, nothing is stored).
 *
 * Re-capture: a capture for a source that already has text becomes its new
 * version (the library keeps the old one readable), then the notes of that
 * source are re-anchored on the new text through the injected `reanchor`
 * (the notes area's reanchorDocument), and the counts are returned. A
 * capture without a sourceId whose URL is already an entry's URL is treated
 * as a re-capture of that entry rather than a duplicate source.
 */
import { createHash } from 'node:crypto';
import type { CaptureRequest, CaptureResponse, ImportFileRequest, LibraryEntry } from '../contract';
import type { NewVersion, ServiceContext } from '../context';
import { ApiError } from '../errors';
import type { CapturePart } from '../service';
import { documentText } from '../../document/text';
import { DocumentError } from '../../document/validate';
import { prepareCapture } from '../../capture/capture';
import { CaptureError } from '../../capture/errors';
import type { FetchImpl } from '../../capture/fetch';
import { checkFileName } from '../../capture/file-name';
import { prepareImport, type Prepared } from '../../capture/import';
import type { CaptureLimits } from '../../capture/limits';
import { defaultExtractor, type ExtractRunner } from '../../capture/extract-runner';

export type Reanchor = (docId: string, newText: string, newContentHash: string) => Promise<{ anchored: number; orphaned: number }>;

export interface CapturePartOptions {
  /** The network: Electron passes its session's net.fetch; Node uses the global fetch. */
  fetchImpl?: FetchImpl;
  /** Moves the notes of a document onto its new text (src/annotations reanchorDocument). */
  reanchor?: Reanchor;
  limits?: Partial<CaptureLimits>;
  /** Where pages are read; default a worker thread with a time limit (extract-runner.ts). */
  extract?: ExtractRunner;
}

/** Any failure of the capture path as the ApiError the contract promises. */
export function toCaptureApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof CaptureError) return new ApiError(error.code, error.message, error.problem);
  if (error instanceof DocumentError) return new ApiError('unsupported', `capture: the page gave a document Daftar cannot store: ${error.message}`);
  return new ApiError('internal', `capture: ${error instanceof Error ? error.message : String(error)}`);
}

function sameUrl(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

export function createCapturePart(ctx: ServiceContext, options: CapturePartOptions = {}): CapturePart {
  const fetchImpl: FetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  let extractor: ExtractRunner | undefined = options.extract;
  // Chosen on first use, so building the service never touches the file system for it.
  const extract: ExtractRunner = (html, opts) => (extractor ??= defaultExtractor((m) => ctx.log('warn', m, 'capture-inline')))(html, opts);

  const entryOf = (id: string): LibraryEntry => {
    const entry = ctx.library.view().entries.find((e) => e.id === id);
    if (!entry) throw new ApiError('not-found', `capture: no source with id ${JSON.stringify(id)} in the library`);
    if (entry.kind !== 'source') throw new ApiError('bad-request', `capture: ${JSON.stringify(id)} is the archive's article, not a source; captures and imports attach to sources`);
    return entry;
  };

  /** The entry a capture of `url` should attach to when the caller named none. */
  const entryForUrl = (url: string): string | undefined => {
    const entries = ctx.library.view().entries;
    const match = entries.find((e) => e.kind === 'source' && (sameUrl(e.url, url) || sameUrl(e.provenance?.originalUrl, url) || sameUrl(e.provenance?.finalUrl, url)));
    return match?.id;
  };

  async function store(prepared: Prepared): Promise<CaptureResponse> {
    const { version: input, warnings } = prepared;
    const before = input.sourceId ? ctx.library.view().entries.find((e) => e.id === input.sourceId) : undefined;
    const current = before?.versions.find((v) => v.current);
    if (current && before?.provenance?.rawSha256 && before.provenance.rawSha256 === input.provenance.rawSha256) {
      // Still stored: the user asked for a new version, and its capture time is a fact worth keeping.
      warnings.push(`capture: the bytes are identical to version ${current.version} (SHA-256 ${input.provenance.rawSha256?.slice(0, 12)}…)`);
    }
    let stored;
    try {
      stored = await ctx.library.addVersion(input);
    } catch (error) {
      throw toCaptureApiError(error);
    }
    let reanchored = { anchored: 0, orphaned: 0 };
    if (stored.previousVersion && options.reanchor) {
      const text = documentText(input.document);
      const hash = stored.entry.contentHash || createHash('sha256').update(text).digest('hex');
      try {
        reanchored = await options.reanchor(stored.entry.id, text, hash);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        ctx.log('error', `capture: re-anchoring notes of ${stored.entry.id} failed: ${message}`, 'reanchor-failed');
        warnings.push(`capture: the new version is stored, but its notes could not be moved to it (${message}); they stay on version ${stored.previousVersion}`);
      }
    }
    return { entry: stored.entry, version: stored.version, warnings, reanchored };
  }

  function attach(version: NewVersion, sourceId: string | undefined): NewVersion {
    return sourceId ? { ...version, sourceId } : version;
  }

  return {
    async captureSource(req: CaptureRequest): Promise<CaptureResponse> {
      if (req.sourceId) entryOf(req.sourceId); // unknown ids fail before any network
      let prepared: Prepared;
      try {
        prepared = await prepareCapture({ url: req.url }, { fetchImpl, now: ctx.now(), extract, ...(options.limits ? { limits: options.limits } : {}) });
      } catch (error) {
        throw toCaptureApiError(error);
      }
      const sourceId = req.sourceId ?? entryForUrl(prepared.version.provenance.originalUrl ?? req.url);
      ctx.log('info', `capture: ${prepared.version.provenance.finalUrl} → ${sourceId ?? 'new source'}`);
      return store({ ...prepared, version: attach(prepared.version, sourceId) });
    },

    async importFile(req: ImportFileRequest): Promise<CaptureResponse> {
      let prepared: Prepared;
      try {
        checkFileName(req.fileName); // a path is refused before the content is even decoded
        if (typeof req.contentBase64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(req.contentBase64) || req.contentBase64.length % 4 === 1) {
          throw new CaptureError('bad-request', `import: ${req.fileName}: the content is not base64`);
        }
        if (req.sourceId) entryOf(req.sourceId);
        const bytes = new Uint8Array(Buffer.from(req.contentBase64, 'base64'));
        prepared = await prepareImport({ fileName: req.fileName, bytes }, ctx.now(), options.limits, extract);
      } catch (error) {
        throw toCaptureApiError(error);
      }
      return store({ ...prepared, version: attach(prepared.version, req.sourceId) });
    },
  };
}
