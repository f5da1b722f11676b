// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { offsetsOf, rangesInTextNode } from '../../../renderer/search/paint';

function snippet(text: string, matches?: string): HTMLElement {
  const el = document.createElement('p');
  el.textContent = text;
  if (matches !== undefined) el.dataset.matches = matches;
  document.body.append(el);
  return el;
}

describe('painting inside one text node', () => {
  it('builds ranges over the exact match characters without touching the DOM tree', () => {
    const text = 'قال الجيش الإسرائيلي إن';
    const el = snippet(text);
    const start = text.indexOf('الإسرائيلي');
    const ranges = rangesInTextNode(el, [[start, start + 'الإسرائيلي'.length]]);
    expect(ranges.map((r) => r.toString())).toEqual(['الإسرائيلي']);
    expect(el.childNodes).toHaveLength(1); // never split
    expect(ranges[0]!.startContainer).toBe(el.firstChild);
  });

  it.each([
    ['past the end', [[0, 999]]],
    ['negative', [[-2, 1]]],
    ['empty', [[3, 3]]],
    ['reversed', [[5, 2]]],
  ] as const)('skips offsets that do not fit the text (%s)', (_name, offsets) => {
    expect(rangesInTextNode(snippet('نص'), offsets as unknown as [number, number][])).toEqual([]);
  });

  it('refuses an element that is not a single text node (it would mean someone split the text)', () => {
    const el = snippet('abc');
    el.append(document.createElement('b'));
    expect(rangesInTextNode(el, [[0, 1]])).toEqual([]);
    expect(rangesInTextNode(document.createElement('p'), [[0, 1]])).toEqual([]);
  });

  it.each([
    ['not JSON', '[[0,', []],
    ['not an array', '{"a":1}', []],
    ['wrong shapes dropped', '[[0,2],[1],"x",[1.5,3],[3,4]]', [[0, 2], [3, 4]]],
  ])('reads data-matches defensively (%s)', (_name, raw, expected) => {
    expect(offsetsOf(snippet('abcdef', raw))).toEqual(expected);
  });
});
