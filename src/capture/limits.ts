/**
 * Every limit of capture and import in one place, with the reason for each.
 * Callers may pass smaller limits (tests use a short time limit); nothing
 * raises them past what a user would reasonably archive.
 */
export interface CaptureLimits {
  /** Bytes of one page or imported file. News pages are a few hundred kB; 20 MB leaves room for inlined images in single-file pages. */
  maxPageBytes: number;
  /** Bytes of one image: larger files are photos at print resolution, not worth the archive's space. */
  maxImageBytes: number;
  /** Bytes of all the images of one page together. */
  imageBudgetBytes: number;
  /** Images fetched per page; the rest are dropped (their captions stay). */
  maxImages: number;
  /** Milliseconds for the page, redirects included. */
  pageTimeoutMs: number;
  /** Milliseconds for each image. */
  imageTimeoutMs: number;
  /** Redirect hops followed before giving up. */
  maxRedirects: number;
}

export const DEFAULT_LIMITS: CaptureLimits = {
  maxPageBytes: 20 * 1024 * 1024,
  maxImageBytes: 5 * 1024 * 1024,
  imageBudgetBytes: 25 * 1024 * 1024,
  maxImages: 40,
  pageTimeoutMs: 30_000,
  imageTimeoutMs: 15_000,
  maxRedirects: 5,
};

export function withLimits(overrides?: Partial<CaptureLimits>): CaptureLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}
