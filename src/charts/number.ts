/** Numbers as the charts show them, and the same numbers for their tables. */
import { formatNumber } from '../i18n/format.ts';

/** Decimals shown for capacities (万吨, 万千瓦 …) and for percentages. */
export const CAPACITY_DIGITS = 2;
export const PERCENT_DIGITS = 1;

/** `n` rounded to `digits` decimals: what a table holds is exactly what the chart prints. */
export function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  const v = Math.round(n * f) / f;
  return Object.is(v, -0) ? 0 : v;
}

/** A capacity with its unit: 12.5万吨. */
export function formatCapacity(n: number, unit: string): string {
  return `${formatNumber(roundTo(n, CAPACITY_DIGITS), CAPACITY_DIGITS)}${unit}`;
}

/** Completion as a percentage rounded for display, or undefined when there is nothing to complete. */
export function percent(done: number, total: number): number | undefined {
  return total > 0 ? roundTo((done / total) * 100, PERCENT_DIGITS) : undefined;
}

/** 66.7% */
export function formatPercent(p: number): string {
  return `${formatNumber(p, PERCENT_DIGITS)}%`;
}

export { formatNumber };
