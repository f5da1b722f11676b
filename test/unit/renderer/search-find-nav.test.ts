import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanMatches, startIndex, stepIndex } from '../../../renderer/search/find-nav';

describe('find navigation', () => {
  const matches: [number, number][] = [
    [3, 8],
    [20, 25],
    [40, 44],
  ];

  it('starts on the match of the opened hit, or the first one after it', () => {
    expect(startIndex(matches, 20)).toBe(1);
    expect(startIndex(matches, 21)).toBe(1); // inside the second match
    expect(startIndex(matches, 30)).toBe(2);
    expect(startIndex(matches, 0)).toBe(0);
    expect(startIndex(matches, undefined)).toBe(0);
    expect(startIndex(matches, 99)).toBe(0); // past the last: wrap to the first
    expect(startIndex([], 5)).toBe(-1);
  });

  it('steps with wrap-around both ways and has nothing to step when empty', () => {
    expect(stepIndex(0, 3, 'next')).toBe(1);
    expect(stepIndex(2, 3, 'next')).toBe(0);
    expect(stepIndex(0, 3, 'previous')).toBe(2);
    expect(stepIndex(-1, 3, 'previous')).toBe(2);
    expect(stepIndex(-1, 3, 'next')).toBe(0);
    expect(stepIndex(7, 3, 'next')).toBe(0); // stale index after matches shrank
    expect(stepIndex(0, 0, 'next')).toBe(-1);
  });

  it('property: n steps forward (or back) over n matches come back to the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(49), fc.constantFrom('next' as const, 'previous' as const), (n, at, direction) => {
        const start = at % n;
        let i = start;
        for (let k = 0; k < n; k++) {
          i = stepIndex(i, n, direction);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(i).toBeLessThan(n);
        }
        expect(i).toBe(start);
      }),
    );
  });

  it('orders matches and drops ones the document cannot hold', () => {
    expect(
      cleanMatches(
        [
          [20, 25],
          [3, 8],
          [3, 8],
          [-1, 2],
          [5, 5],
          [9, 4],
          [90, 120],
          [1.5, 3],
        ],
        100,
      ),
    ).toEqual([
      [3, 8],
      [20, 25],
    ]);
  });
});
