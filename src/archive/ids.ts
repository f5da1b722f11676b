/**
 * Ids for what the user adds: a new source's id is a readable slug of its
 * title plus a short hash (two captures titled alike stay distinct, and an
 * Arabic-only title still gets a valid id: `source-1a2b3c4d`); versions are
 * `v1`, `v2`… in the order they were stored.
 */
import { sha256Hex } from './atomic';

const MAX_SLUG = 48;

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
  return slug || 'source';
}

/** `<slug>-<8 hex>`, lengthening the hash in the (unlikely) event it is taken. */
export function newSourceId(title: string, salt: string, taken: (id: string) => boolean): string {
  const slug = slugify(title);
  const hash = sha256Hex(`${title}\n${salt}`);
  for (let length = 8; length <= hash.length; length += 4) {
    const id = `${slug}-${hash.slice(0, length)}`;
    if (!taken(id)) return id;
  }
  throw new Error(`library: no free id for ${JSON.stringify(title)}`);
}

export function nextVersionId(existing: readonly string[]): string {
  let max = 0;
  for (const v of existing) {
    const n = /^v(\d+)$/.exec(v);
    if (n) max = Math.max(max, Number(n[1]));
  }
  return `v${max + 1}`;
}
