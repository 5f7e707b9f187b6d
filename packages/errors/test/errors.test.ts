import { describe, expect, it } from 'vitest';
import { isMyoTraceError, MyoTraceError } from '../src/index.js';

describe('MyoTraceError', () => {
  it('carries code, hint and offset into its JSON form', () => {
    const e = new MyoTraceError('EDF_BAD_HEADER', 'bad header', { hint: 'check the file', offset: 184 });
    expect(e.toJSON()).toEqual({ code: 'EDF_BAD_HEADER', message: 'bad header', hint: 'check the file', offset: 184 });
    expect(isMyoTraceError(e)).toBe(true);
    expect(isMyoTraceError(new Error('x'))).toBe(false);
    expect(isMyoTraceError({ isMyoTraceError: true })).toBe(true);
    expect(isMyoTraceError(null)).toBe(false);
  });
});
