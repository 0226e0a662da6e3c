/** Formatting of values for pages: Chinese dates, numbers with units. Pure functions. */

/** 2025-04-28 → 2025年4月28日; 2025-04 → 2025年4月; other strings unchanged. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return m[3] ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${m[1]}年${Number(m[2])}月`;
}

/** A number with Chinese conventions: up to `digits` decimals, no trailing zeros, grouping for ≥ 10,000. */
export function formatNumber(n: number | undefined, digits = 2): string {
  if (n === undefined || Number.isNaN(n)) return '';
  // Small integers need no formatter; for the rest one formatter per option set is made once
  // (constructing Intl.NumberFormat per number cost a national build minutes).
  if (Number.isInteger(n) && Math.abs(n) < 10000) return String(n);
  return numberFormat(digits, Math.abs(n) >= 10000).format(n);
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: number, grouping: boolean): Intl.NumberFormat {
  const key = `${digits}|${grouping}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits, useGrouping: grouping })));
  return f;
}

/** A quantity with its unit, e.g. 8万吨; empty when unknown. */
export function formatQuantity(n: number | undefined, unit: string | undefined): string {
  if (n === undefined) return '';
  return `${formatNumber(n)}${unit ?? ''}`;
}

/** The calendar day in China (YYYY-MM-DD) of a moment: publication dates are Chinese calendar days, wherever a tool runs. */
export function dayInChina(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
