import { describe, expect, it } from 'vitest';
import { ApiError, problemOf, toErrorShape } from '../../../src/api/errors';

describe('ApiError and its problem', () => {
  it('sends the problem only when there is one', () => {
    expect(new ApiError('network', 'm').toJSON()).toEqual({ code: 'network', message: 'm' });
    expect(toErrorShape(new ApiError('network', 'm', { reason: 'timeout', params: { seconds: 30 } }))).toEqual({ code: 'network', message: 'm', problem: { reason: 'timeout', params: { seconds: 30 } } });
    expect(JSON.parse(JSON.stringify(new ApiError('network', 'm')))).toEqual({ code: 'network', message: 'm' });
  });
});

describe('problemOf', () => {
  it('accepts a short reason with flat string and number values', () => {
    expect(problemOf({ reason: 'http-status', params: { status: 404 } })).toEqual({ reason: 'http-status', params: { status: 404 } });
    expect(problemOf({ reason: 'host-not-found', params: { host: 'مثال.test' } })).toEqual({ reason: 'host-not-found', params: { host: 'مثال.test' } });
  });

  it('copies the values, so later changes to the input do not reach the UI', () => {
    const params: Record<string, unknown> = { status: 404 };
    const got = problemOf({ reason: 'http-status', params })!;
    params.status = 500;
    expect(got.params.status).toBe(404);
  });

  const hostile: [string, unknown][] = [
    ['nothing', undefined],
    ['a string', 'timeout'],
    ['no params', { reason: 'timeout' }],
    ['an array of params', { reason: 'timeout', params: [30] }],
    ['a reason with capitals', { reason: 'Timeout', params: {} }],
    ['a reason with markup', { reason: '<img src=x>', params: {} }],
    ['a reason over 40 characters', { reason: 'a'.repeat(41), params: {} }],
    ['a nested value', { reason: 'timeout', params: { seconds: { valueOf: 30 } } }],
    ['a boolean value', { reason: 'timeout', params: { seconds: true } }],
    ['an infinite number', { reason: 'timeout', params: { seconds: Infinity } }],
    ['a long string value', { reason: 'host-not-found', params: { host: 'h'.repeat(301) } }],
    ['a key that is not a name', { reason: 'timeout', params: { 'a b': 1 } }],
    ['a __proto__ key', { reason: 'timeout', params: JSON.parse('{"__proto__": {"polluted": 1}}') }],
    ['too many values', { reason: 'timeout', params: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, i])) }],
  ];
  it.each(hostile)('refuses %s', (_name, value) => {
    expect(problemOf(value)).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
