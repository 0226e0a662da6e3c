/** The published line: one schema lists the columns, one function gives their values. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/derive/model.ts';
import { publishLine } from '../../src/derive/published-line.ts';
import { PublishedLineSchema, publishedColumnList, shownColumns } from '../../src/schema/published-line.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';

const model = buildModel(validateDataRoot(join(import.meta.dirname, '../fixtures/site/basic')));

describe('a published line', () => {
  it('gives every column of the schema a value that the schema accepts, for every line', () => {
    for (const l of model.lines) {
      const p = publishLine(model, l);
      expect(Object.keys(p)).toEqual(Object.keys(PublishedLineSchema.shape));
      expect(PublishedLineSchema.safeParse(p).success, l.key).toBe(true);
    }
  });

  it('every column has its Chinese name and description; the pages show some of them', () => {
    for (const c of publishedColumnList()) {
      expect(c.zh, c.name).toMatch(/[\u4e00-\u9fff]/);
      expect(c.doc, c.name).not.toBe('');
    }
    expect(shownColumns('table').map((c) => c.name)).toEqual(['enterprise_name', 'region_name', 'industry_name', 'equipment', 'capacity', 'deadline', 'status']);
    expect(shownColumns('detail').map((c) => c.name)).toContain('line_id');
  });

  it('a column offices write is published under its own schema, so its header and constraints come with it', () => {
    const byName = new Map(publishedColumnList().map((c) => [c.name, c]));
    expect(byName.get('credit_code')!.office?.type).toBe('credit-code');
    expect(byName.get('credit_code')!.zh).toBe('统一社会信用代码');
    expect(byName.get('region_name')!.office).toBeUndefined();
  });

  it('carries the line\'s state as the model derives it', () => {
    const l = model.lines.find((x) => x.row.line_id === 'XA-001')!;
    expect(publishLine(model, l)).toMatchObject({ line_key: '42:XA-001', status: 'dismantled', status_label: '已拆除', region_name: '咸安区', industry_name: '电石', overdue: false });
  });
});
