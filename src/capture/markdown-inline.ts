/**
 * Inline Markdown → runs: emphasis (*a*, _a_), strong (**a**, __a__), code
 * spans (kept as plain text), links [text](url) and autolinks <url>, inline
 * images (their alt text), backslash escapes. A delimiter with no closing
 * partner is literal text, as CommonMark reads it; intraword underscores
 * (snake_case) are never emphasis. Link targets are kept only when they are
 * http(s) or mailto (url.ts); any other target keeps the text and drops the link.
 */
import type { Mark, Run } from '../document/types';
import { keepableHref } from './url';

const PUNCT = /[!-/:-@[-`{-~]/;

function push(runs: Run[], text: string, marks: Mark[]): void {
  if (text === '') return;
  const last = runs[runs.length - 1];
  const key = JSON.stringify(marks);
  if (last && JSON.stringify(last.marks ?? []) === key) last.text += text;
  else runs.push(marks.length ? { text, marks: [...marks] } : { text });
}

function addMark(marks: Mark[], mark: Mark): Mark[] {
  if (mark.type === 'link') return [...marks.filter((m) => m.type !== 'link'), mark];
  return marks.some((m) => m.type === mark.type) ? marks : [...marks, mark];
}

/** Index of the `]` closing the `[` at `open`, honouring nesting and escapes; -1 if none. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/** `(url "title")` right after a `]`: the url and where it ends, or null. */
function linkTarget(text: string, at: number): { url: string; end: number } | null {
  if (text[at] !== '(') return null;
  const match = /^\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)(?:\s+("[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/.exec(text.slice(at));
  if (!match) return null;
  const raw = match[1]!.startsWith('<') ? match[1]!.slice(1, -1) : match[1]!;
  return { url: raw, end: at + match[0].length };
}

function findCloser(text: string, from: number, delim: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end > 0) i = end + run.length - 1;
      continue;
    }
    if (text.startsWith(delim, i) && !/\s/.test(text[i - 1] ?? ' ')) {
      const after = text[i + delim.length];
      if (delim.length === 1 && after === delim) {
        i++; // part of a longer run: not our closer
        continue;
      }
      if (delim[0] === '_' && after !== undefined && /[\p{L}\p{N}]/u.test(after)) continue;
      // In a longer run (`***` closing `**`), the closer is the run's end, so the inner keeps its `*`.
      let end = i + delim.length;
      while (text[end] === delim[0]) end++;
      return end - delim.length;
    }
  }
  return -1;
}

export function parseInline(text: string, marks: Mark[], runs: Run[] = [], depth = 0): Run[] {
  let buffer = '';
  const emit = () => {
    push(runs, buffer, marks);
    buffer = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && PUNCT.test(text[i + 1]!)) {
      buffer += text[++i];
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end > 0) {
        buffer += text.slice(i + run.length, end).replace(/^ (.*) $/s, '$1');
        i = end + run.length - 1;
      } else {
        buffer += run;
        i += run.length - 1;
      }
      continue;
    }
    if (ch === '<') {
      const auto = /^<((?:https?|mailto):[^\s<>]+)>/i.exec(text.slice(i));
      if (auto) {
        emit();
        const href = keepableHref(auto[1]!);
        push(runs, auto[1]!, href ? addMark(marks, { type: 'link', href }) : marks);
        i += auto[0].length - 1;
        continue;
      }
    }
    if ((ch === '[' || (ch === '!' && text[i + 1] === '[')) && depth < 8) {
      const open = ch === '!' ? i + 1 : i;
      const close = closingBracket(text, open);
      const target = close > 0 ? linkTarget(text, close + 1) : null;
      if (target) {
        emit();
        const inner = text.slice(open + 1, close);
        if (ch === '!') push(runs, inner, marks);
        else {
          const href = keepableHref(target.url);
          parseInline(inner, href ? addMark(marks, { type: 'link', href }) : marks, runs, depth + 1);
        }
        i = target.end - 1;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && depth < 8) {
      const double = text[i + 1] === ch;
      const delim = double ? ch + ch : ch;
      const start = i + delim.length;
      const leftFlanking = start < text.length && !/\s/.test(text[start]!);
      const intraword = ch === '_' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!);
      const close = leftFlanking && !intraword ? findCloser(text, start + 1, delim) : -1;
      if (close > 0) {
        emit();
        parseInline(text.slice(start, close), addMark(marks, { type: double ? 'strong' : 'emphasis' }), runs, depth + 1);
        i = close + delim.length - 1;
        continue;
      }
      buffer += delim;
      i += delim.length - 1;
      continue;
    }
    buffer += ch;
  }
  emit();
  return runs;
}
