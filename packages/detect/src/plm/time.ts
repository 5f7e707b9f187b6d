import { TIME_EPS_SEC } from './settings.js';

/** a >= b, allowing float slack (10.000000000000002 vs 10 must compare as equal). */
export const atLeast = (a: number, b: number): boolean => a >= b - TIME_EPS_SEC;
/** a <= b, allowing float slack. */
export const atMost = (a: number, b: number): boolean => a <= b + TIME_EPS_SEC;
/** a < b by more than the slack. */
export const lessThan = (a: number, b: number): boolean => a < b - TIME_EPS_SEC;
/** a > b by more than the slack. */
export const greaterThan = (a: number, b: number): boolean => a > b + TIME_EPS_SEC;
