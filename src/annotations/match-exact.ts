/**
 * Exact-quote matching with context: the second and third anchoring steps.
 *
 * Pure string logic over whatever text it is given (raw, or normalised by
 * normalize-map.ts; the caller maps offsets back). Every occurrence of the
 * quote is a candidate; candidates are ranked by how much of the stored
 * prefix and suffix still surrounds them, then by nearness to the old
 * position. A short quote whose context has entirely gone is *not* accepted:
 * in a news article "الجيش الإسرائيلي" occurs many times, and landing a
 * note on another occurrence is worse than showing it as needing attention.
 */

export interface QuoteContext {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface ExactMatch {
  start: number;
  end: number;
  /** Characters of prefix + suffix that still agree. */
  contextAgreement: number;
}

/**
 * A quote at least this long, found exactly once, is its own evidence: the
 * chance that a 32-character phrase recurs by accident after an edit is
 * negligible, so we accept it even when both its neighbours were rewritten.
 */
export const SELF_EVIDENT_QUOTE_CHARS = 32;

/** Below this length a quote is a word or two: it recurs in an article, so its context must carry the proof. */
export const SHORT_QUOTE_CHARS = 16;

/**
 * Minimum context agreement (chars) for a quote that is not self-evident: a
 * quarter of the stored context, half for a short quote. Half is still met
 * when an edit right beside the quote destroyed one side entirely, since the
 * other side agrees in full.
 */
export function requiredAgreement(ctx: QuoteContext): number {
  const available = ctx.prefix.length + ctx.suffix.length;
  const share = ctx.exact.length < SHORT_QUOTE_CHARS ? 2 : 4;
  return Math.min(available, Math.max(6, Math.ceil(available / share)));
}

export function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

export function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How much stored context still surrounds [start, end) of `text`; an empty stored side agrees fully only at the text's edge. */
export function contextAgreement(text: string, start: number, end: number, ctx: QuoteContext): number {
  const before = text.slice(Math.max(0, start - ctx.prefix.length), start);
  const after = text.slice(end, end + ctx.suffix.length);
  const edgeBonus = (ctx.prefix.length === 0 && start === 0 ? 6 : 0) + (ctx.suffix.length === 0 && end === text.length ? 6 : 0);
  return commonSuffixLength(ctx.prefix, before) + commonPrefixLength(ctx.suffix, after) + edgeBonus;
}

const MAX_CANDIDATES = 10_000;

export function findAll(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  let at = text.indexOf(needle);
  while (at !== -1 && found.length < MAX_CANDIDATES) {
    found.push(at);
    at = text.indexOf(needle, at + 1);
  }
  return found;
}

/**
 * The best occurrence of ctx.exact in `text`, or null when there is none or
 * none that the context (or the quote's own length) vouches for.
 * `hint` is the old start offset in the same coordinates as `text`.
 */
export function matchExact(text: string, ctx: QuoteContext, hint: number | undefined): ExactMatch | null {
  const starts = findAll(text, ctx.exact);
  if (starts.length === 0) return null;
  let best: ExactMatch | null = null;
  let bestDistance = Infinity;
  for (const start of starts) {
    const end = start + ctx.exact.length;
    const agreement = contextAgreement(text, start, end, ctx);
    const distance = hint === undefined ? 0 : Math.abs(start - hint);
    if (!best || agreement > best.contextAgreement || (agreement === best.contextAgreement && distance < bestDistance)) {
      best = { start, end, contextAgreement: agreement };
      bestDistance = distance;
    }
  }
  if (!best) return null;
  const selfEvident = starts.length === 1 && ctx.exact.length >= SELF_EVIDENT_QUOTE_CHARS;
  if (selfEvident || best.contextAgreement >= requiredAgreement(ctx)) return best;
  return null;
}
