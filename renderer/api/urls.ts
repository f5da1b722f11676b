/**
 * Which addresses the UI offers to open outside the app: https only, parsed
 * with URL (never substring checks), no credentials. The service and the
 * Electron shell check again; this keeps the UI from offering what they refuse.
 */
export function isOpenableUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
}

/** A URL shown as text: decoded so Arabic slugs read as Arabic, raw when it is not a valid URL. */
export function displayUrl(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}
