import { z } from 'zod';
import { issueDetail } from '../problems/zod-issues.ts';

/**
 * The schema's own checks on one column's value (ranges, lengths, patterns, allowed values),
 * compiled once per column from the column schema's JSON Schema (zod's `z.toJSONSchema`), so
 * that a table is not run through zod row by row. A check returns the Chinese detail of the
 * first failure, or undefined. A column whose JSON Schema has a keyword not known here is
 * checked by zod itself, value by value: never less than the schema says.
 *
 * test/unit/column-checks.test.ts holds every column of every table schema to zod's verdicts.
 */
export type ColumnCheck = (value: unknown) => string | undefined;

interface JsonSchema {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  allOf?: JsonSchema[];
}

const KNOWN = new Set(['$schema', 'type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'enum', 'allOf']);

const cache = new WeakMap<z.ZodType, ColumnCheck>();

/** The compiled check of a column schema (cached per schema object). */
export function columnCheck(schema: z.ZodType): ColumnCheck {
  let check = cache.get(schema);
  if (!check) {
    check = compile(schema);
    cache.set(schema, check);
  }
  return check;
}

function compile(schema: z.ZodType): ColumnCheck {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema) as JsonSchema;
  } catch {
    return zodCheck(schema);
  }
  const parts = flatten(json);
  // JSON Schema keeps a pattern's source but not its flags (i, m, s, u …): such a column is zod's.
  if (!parts || regexFlags(schema)) return zodCheck(schema);
  const checks: ColumnCheck[] = [];
  const type = json.type;
  if (type === 'string') checks.push((v) => (typeof v === 'string' ? undefined : '应为文字'));
  else if (type === 'number') checks.push((v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : '数值超出范围'));
  else if (type === 'integer') checks.push((v) => (typeof v === 'number' && Number.isInteger(v) ? undefined : '应为整数'));
  else if (type === 'boolean') checks.push((v) => (typeof v === 'boolean' ? undefined : '应为 是 或 否'));
  else return zodCheck(schema);
  for (const p of parts) {
    if (p.minimum !== undefined) { const min = p.minimum; checks.push((v) => ((v as number) < min ? `不能小于 ${min}` : undefined)); }
    if (p.exclusiveMinimum !== undefined) { const min = p.exclusiveMinimum; checks.push((v) => ((v as number) <= min ? `应大于 ${min}` : undefined)); }
    if (p.maximum !== undefined) { const max = p.maximum; checks.push((v) => ((v as number) > max ? `不能大于 ${max}` : undefined)); }
    if (p.exclusiveMaximum !== undefined) { const max = p.exclusiveMaximum; checks.push((v) => ((v as number) >= max ? `应小于 ${max}` : undefined)); }
    // zod measures strings in code points; a code point is one or two UTF-16 units, so the
    // exact count is needed only when the quick one is in doubt.
    if (p.minLength !== undefined) {
      const min = p.minLength;
      checks.push((v) => {
        const units = (v as string).length;
        return units < min || (units < min * 2 && codePoints(v as string) < min) ? `不能小于 ${min}` : undefined;
      });
    }
    if (p.maxLength !== undefined) {
      const max = p.maxLength;
      checks.push((v) => ((v as string).length > max && codePoints(v as string) > max ? `不能大于 ${max}` : undefined));
    }
    if (p.pattern !== undefined) { const re = new RegExp(p.pattern); checks.push((v) => (re.test(v as string) ? undefined : '格式不对')); }
    if (p.enum !== undefined) { const allowed = new Set(p.enum); checks.push((v) => (allowed.has(v) ? undefined : '不是允许的取值')); }
  }
  if (checks.length === 1) return checks[0]!;
  return (v) => {
    for (let i = 0; i < checks.length; i++) {
      const detail = checks[i]!(v);
      if (detail !== undefined) return detail;
    }
    return undefined;
  };
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Code points in `s`: a surrogate pair counts once, a lone surrogate as itself (as zod counts). */
function codePoints(s: string): number {
  if (!HIGH_SURROGATE.test(s)) return s.length;
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** The schema and its `allOf` parts, or undefined when any carries a keyword not known here. */
function flatten(json: JsonSchema): JsonSchema[] | undefined {
  if (Object.keys(json).some((k) => !KNOWN.has(k))) return undefined;
  const out: JsonSchema[] = [json];
  for (const part of json.allOf ?? []) {
    if (part.type !== undefined && part.type !== json.type) return undefined;
    const inner = flatten(part);
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out;
}

/** Whether a regular expression of the schema (or of the schema it makes optional) has flags. */
function regexFlags(schema: z.ZodType): boolean {
  const def = (schema as unknown as { _zod: { def: { innerType?: z.ZodType; checks?: { _zod: { def: { pattern?: unknown } } }[] } } })._zod.def;
  if (def.innerType) return regexFlags(def.innerType);
  return (def.checks ?? []).some((c) => c._zod.def.pattern instanceof RegExp && c._zod.def.pattern.flags !== '');
}

/** A column checked by zod itself: the detail of its first issue, in Chinese (never zod's English). */
function zodCheck(schema: z.ZodType): ColumnCheck {
  return (v) => {
    const r = schema.safeParse(v);
    if (r.success) return undefined;
    return issueDetail(r.error.issues[0]!);
  };
}
