/**
 * Archive media as both transports serve it (main/protocol.ts, src/api/host):
 * images only, whatever else lies in the folder, so a stored page's media can
 * never be a document a browser would run. Served with a sandbox CSP.
 */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};
