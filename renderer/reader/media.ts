/**
 * Where a figure's image is served from. Archive documents name images by an
 * archive-relative path (`media/<sha256>.<ext>`). Both transports serve them
 * at `archive/<bundled|user>/media/<file>` beside the UI (main/protocol.ts,
 * src/api/host/server.ts), images only. Before the app info arrives there is no
 * URL (null). Anything that is not a plain `media/<file>` path is refused, so a
 * document cannot point the UI elsewhere.
 */
import type { AppInfo, LibraryEntry } from '../../src/api/contract';

const MEDIA_PATH = /^media\/[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

export function figureImageUrl(src: string | undefined, location: LibraryEntry['location'], transport: AppInfo['transport'] | undefined): string | null {
  if (src === undefined || transport === undefined) return null;
  if (!MEDIA_PATH.test(src) || src.includes('..')) return null;
  return `archive/${location}/${src}`;
}
