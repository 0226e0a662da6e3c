/**
 * The Data Package of /data/, read by the Frictionless reference implementation (`datapackage` on
 * npm): the descriptor validates against the tabular-data-package profile, and every resource
 * is read with every value cast to its Table Schema type and every foreign key resolved.
 */
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Package } from 'datapackage';
import { describe, expect, test } from 'vitest';
import { SITES } from './global-setup.ts';

describe.each([
  ['fixture', SITES.basic.out],
  ['sample', SITES.sample.out],
])('the %s site’s Data Package', (_name, site) => {
  const dir = join(site, 'data');
  const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));

  test('loads and validates with the reference implementation', async () => {
    const dp = await Package.load(join(dir, 'datapackage.json'), { basePath: dir, strict: true });
    expect(dp.errors).toEqual([]);
    expect(dp.valid).toBe(true);
    // The plan and completion rows are published gzipped (rows/lines.csv.gz), outside the package.
    expect(dp.resources.map((r) => r.name)).toEqual(['lines', 'announcements', 'regions', 'rows-targets', 'rows-assessments', 'rows-cards']);
  });

  test('every resource reads with cast: true and its foreign keys resolved', async () => {
    const dp = await Package.load(join(dir, 'datapackage.json'), { basePath: dir, strict: true });
    let rows = 0;
    for (const r of dp.resources) {
      expect(r.tabular, r.name).toBe(true);
      const read = await r.read({ keyed: true, cast: true, relations: true });
      rows += read.length;
      if (r.name === 'lines') {
        expect(read.length).toBeGreaterThan(0);
        for (const l of read) {
          expect(typeof l.line_key).toBe('string');
          expect(typeof l.overdue).toBe('boolean');
          // With relations, a foreign key's value is the row it points to.
          expect((l.region_code as { code: string }).code).toMatch(/^\d{6}$/);
          expect(typeof (l.latest_announcement as { id: string }).id).toBe('string');
        }
      }
    }
    expect(rows).toBeGreaterThan(10);
  });

  test('paths stay inside the package, encodings are IANA names, and each resource has its profile, size and hash', () => {
    for (const r of descriptor.resources) {
      expect(r.path, r.name).not.toMatch(/^\/|\.\.|:\/\//);
      expect(r.encoding).toBe('utf-8');
      expect(r.profile).toBe('tabular-data-resource');
      const bytes = readFileSync(join(dir, r.path));
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${r.path} starts with a BOM`).toBe(false);
      expect(r.bytes).toBe(bytes.length);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    }
  });

  test('schemas are referenced by path, not repeated, and come from the column metadata', () => {
    for (const r of descriptor.resources) expect(r.schema).toBe(`schemas/${r.name}.json`);
    expect(readFileSync(join(dir, 'datapackage.json')).length).toBeLessThan(20_000);
    const rowsLines = JSON.parse(readFileSync(join(dir, 'schemas/rows-lines.json'), 'utf8'));
    const credit = rowsLines.fields.find((f: { name: string }) => f.name === 'credit_code');
    expect(credit).toMatchObject({ title: '统一社会信用代码', type: 'string', constraints: { minLength: 18, maxLength: 18 } });
    expect(rowsLines.fields.find((f: { name: string }) => f.name === 'status').constraints.enum).toContain('dismantled');
    expect(rowsLines.foreignKeys).toContainEqual({ fields: ['line_key'], reference: { resource: 'lines', fields: ['line_key'] } });
    expect(rowsLines.foreignKeys).toContainEqual({ fields: ['announcement_id'], reference: { resource: 'announcements', fields: ['id'] } });
    // The gzipped rows file has the columns its schema names.
    const header = gunzipSync(readFileSync(join(dir, 'rows/lines.csv.gz'))).toString('utf8').split('\r\n')[0]!;
    expect(header.split(',')).toEqual(rowsLines.fields.map((f: { name: string }) => f.name));
  });

  test('the version is the release id and created is a date-time from the data', () => {
    const announcements = readFileSync(join(dir, 'announcements.csv'), 'utf8');
    expect(descriptor.created).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
    expect(descriptor.version).toBe(`${descriptor.created.slice(0, 10)}-${descriptor.version.slice(11)}`);
    expect(descriptor.version).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
    // The as-of date is the latest publication among announcements in force.
    const published = announcements.trim().split('\r\n').slice(1).map((l) => /,(\d{4}-\d{2}-\d{2}),/.exec(l)![1]!);
    expect(published).toContain(descriptor.created.slice(0, 10));
    expect(descriptor.id).toBe('https://phaseout.example.gov.cn/data/datapackage.json');
  });
});
