import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { columnCheck } from '../../src/validate/column-checks.ts';
import { columnsOf } from '../../src/schema/column.ts';
import { LineRowSchema } from '../../src/schema/line.ts';
import { TargetRowSchema } from '../../src/schema/target.ts';
import { AssessmentRowSchema } from '../../src/schema/assessment.ts';
import { CardRowSchema } from '../../src/schema/cards.ts';
import { RegionCsvRowSchema } from '../../src/schema/region.ts';
import { IndustryCsvRowSchema } from '../../src/schema/industry.ts';

const TABLES = {
  LineRowSchema,
  TargetRowSchema,
  AssessmentRowSchema,
  CardRowSchema,
  RegionCsvRowSchema,
  IndustryCsvRowSchema,
} as const;

const ALL_COLUMNS = Object.entries(TABLES).flatMap(([table, schema]) =>
  columnsOf(schema).map((col) => ({ table, ...col })),
);

interface Json {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  enum?: unknown[];
  allOf?: Json[];
  anyOf?: Json[];
  oneOf?: Json[];
}

/** The JSON Schema of a column and all its nested parts (allOf/anyOf/oneOf). */
function parts(json: Json): Json[] {
  return [json, ...[...(json.allOf ?? []), ...(json.anyOf ?? []), ...(json.oneOf ?? [])].flatMap(parts)];
}

const NUMBERS: number[] = [
  -1, 0, 0.5, 1, 1.5, 10, 59.9, 60, 60.1, 110, 111, 1e300, Infinity, -Infinity, NaN, 2 ** 53, 2 ** 53 + 2,
];
const ascii = (n: number) => 'a'.repeat(n);
const ASTRAL = '𠀀';
const STRINGS: string[] = [
  '',
  'a',
  ...[17, 18, 19, 39, 40, 41, 49, 50, 51, 99, 100, 101, 199, 200, 201, 499, 500, 501, 2000, 2001].map(ascii),
  ...[50, 51, 100, 101].map((n) => ASTRAL.repeat(n)),
  '2025-04-28',
  '2025-04',
  '2025-4-28',
  '421202',
  '42120',
  'abc-_9',
  'ABC DEF',
  'a'.repeat(41),
  'nope',
];

/** The common battery plus the boundaries and enum values the column's JSON Schema names. */
function valuesFor(schema: z.ZodType): unknown[] {
  const json = z.toJSONSchema(schema) as Json;
  const nums = [...NUMBERS];
  const strs = [...STRINGS];
  for (const p of parts(json)) {
    for (const b of [p.minimum, p.maximum, p.exclusiveMinimum, p.exclusiveMaximum]) {
      if (typeof b === 'number') nums.push(b - 1, b, b + 1);
    }
    for (const b of [p.minLength, p.maxLength]) {
      if (typeof b === 'number') {
        for (const n of [b - 1, b, b + 1]) if (n >= 0) strs.push(ascii(n));
        // Astral characters are two UTF-16 units each: around the limit in either measure.
        for (const n of [Math.ceil(b / 2), b, b + 1]) strs.push(ASTRAL.repeat(n));
      }
    }
    for (const e of p.enum ?? []) if (typeof e === 'string') strs.push(e);
  }
  return [...new Set<unknown>([...nums, ...strs, true, false, null])];
}

const show = (v: unknown) =>
  typeof v === 'string'
    ? v.length > 24
      ? `'${v.slice(0, 6)}…' (${v.length} UTF-16 units, ${[...v].length} code points)`
      : JSON.stringify(v)
    : typeof v === 'number'
      ? String(v)
      : JSON.stringify(v);

describe('columnCheck agrees with zod on every column of every table schema', () => {
  it.each(ALL_COLUMNS.map((c) => [`${c.table}.${c.name}`, c] as const))('%s', (_label, col) => {
    const check = columnCheck(col.schema);
    const mismatches: string[] = [];
    for (const v of valuesFor(col.schema)) {
      const detail = check(v);
      const zodOk = col.schema.safeParse(v).success;
      if ((detail === undefined) !== zodOk) {
        mismatches.push(`${show(v)}: zod ${zodOk ? 'accepts' : 'rejects'}, columnCheck ${detail === undefined ? 'accepts' : `rejects (${detail})`}`);
      }
      if (detail !== undefined) expect(typeof detail).toBe('string');
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every table (sanity)', () => {
    expect(ALL_COLUMNS.length).toBeGreaterThan(40);
  });
});

describe('columnCheck details are Chinese', () => {
  const schemaOf = (table: z.ZodObject, name: string) => {
    const c = columnsOf(table).find((x) => x.name === name);
    if (!c) throw new Error(`no column ${name}`);
    return c.schema;
  };

  it('below the minimum: 不能小于', () => {
    expect(columnCheck(schemaOf(AssessmentRowSchema, 'target_score'))(-1)).toMatch(/^不能小于/);
    expect(columnCheck(schemaOf(LineRowSchema, 'equipment_count'))(0)).toMatch(/^不能小于/);
    expect(columnCheck(schemaOf(LineRowSchema, 'capacity'))(-0.5)).toMatch(/^不能小于/);
    expect(columnCheck(schemaOf(LineRowSchema, 'enterprise_name'))('')).toMatch(/^不能小于/);
  });

  it('above the maximum: 不能大于', () => {
    expect(columnCheck(schemaOf(AssessmentRowSchema, 'target_score'))(60.1)).toMatch(/^不能大于/);
    expect(columnCheck(schemaOf(AssessmentRowSchema, 'total'))(111)).toMatch(/^不能大于/);
    expect(columnCheck(schemaOf(LineRowSchema, 'note'))('a'.repeat(501))).toMatch(/^不能大于/);
  });

  it('a pattern failure: 格式不对', () => {
    expect(columnCheck(schemaOf(LineRowSchema, 'line_id'))('ABC DEF')).toMatch(/^格式不对/);
    expect(columnCheck(schemaOf(LineRowSchema, 'region_code'))('42120')).toMatch(/^格式不对/);
    expect(columnCheck(schemaOf(LineRowSchema, 'deadline'))('2025-4-28')).toMatch(/^格式不对/);
  });

  it('the limits are named in the detail', () => {
    expect(columnCheck(schemaOf(AssessmentRowSchema, 'target_score'))(61)).toBe('不能大于 60');
    expect(columnCheck(schemaOf(AssessmentRowSchema, 'target_score'))(-1)).toBe('不能小于 0');
  });
});

describe('string lengths are measured as zod measures them', () => {
  // The installed zod counts string lengths in Unicode code points (see
  // node_modules/zod/v4/core/checks.js, $ZodCheckMaxLength), so one astral character such as
  // 𠀀 (CJK Extension B, two UTF-16 units) counts as one.
  it.each([
    ['RegionCsvRowSchema.name max 50: 50 × 𠀀', z.string().min(1).max(50), ASTRAL.repeat(50)],
    ['enterprise_name max 100: 51 × 𠀀', z.string().min(1).max(100), ASTRAL.repeat(51)],
    ['credit_code length 18: 18 × 𠀀', z.string().length(18), ASTRAL.repeat(18)],
    ['credit_code length 18: 9 × 𠀀', z.string().length(18), ASTRAL.repeat(9)],
  ] as const)('%s', (_label, schema, value) => {
    expect(columnCheck(schema)(value) === undefined).toBe(schema.safeParse(value).success);
  });
});

describe('columnCheck falls back to zod for keywords it does not compile', () => {
  const agree = (schema: z.ZodType, values: unknown[]) => {
    const check = columnCheck(schema);
    const mismatches = values
      .filter((v) => (check(v) === undefined) !== schema.safeParse(v).success)
      .map(show);
    expect(mismatches).toEqual([]);
  };

  it('multipleOf', () => {
    const schema = z.number().multipleOf(5);
    expect(Object.keys(z.toJSONSchema(schema))).toContain('multipleOf');
    agree(schema, [0, 5, -5, 10, 7, 2.5, 1e300, NaN, Infinity, '5', null, true]);
    expect(columnCheck(schema)(7)).toBeTypeOf('string');
    expect(columnCheck(schema)(10)).toBeUndefined();
  });

  it('format (email)', () => {
    const schema = z.string().email();
    expect(Object.keys(z.toJSONSchema(schema))).toContain('format');
    agree(schema, ['a@b.co', 'office@example.com', 'nope', '', 'a@', '@b.co', 5, null]);
    expect(columnCheck(schema)('nope')).toBe('格式不对');
    expect(columnCheck(schema)('a@b.co')).toBeUndefined();
  });

  it('a pattern with flags (JSON Schema keeps only its source)', () => {
    agree(z.string().regex(/^ab$/i), ['ab', 'AB', 'aB', 'abc', '']);
    agree(z.string().regex(/^ab$/i).optional(), ['ab', 'AB', 'x']);
    expect(columnCheck(z.string().regex(/^ab$/i))('AB')).toBeUndefined();
  });

  it('format with a range (multipleOf with min/max)', () => {
    const schema = z.number().min(0).max(100).multipleOf(0.5);
    agree(schema, [-1, 0, 0.5, 0.25, 100, 100.5, 101, 50]);
    expect(columnCheck(schema)(-1)).toMatch(/^不能小于/);
    expect(columnCheck(schema)(101)).toMatch(/^不能大于/);
  });
});

describe('schema invariant the table reader relies on', () => {
  it('a column that is not optional in the schema is required in every table (meta.required === true)', () => {
    const bad = ALL_COLUMNS.filter((c) => !c.schema.safeParse(undefined).success && c.meta.required !== true).map(
      (c) => `${c.table}.${c.name} (required: ${JSON.stringify(c.meta.required)})`,
    );
    expect(bad).toEqual([]);
  });
});
