/**
 * /data/changes.json and /data/index.json: what each announcement added, changed field by field
 * and removed, in publication order; the release a newsroom polls; both valid against the JSON
 * Schemas the site publishes, checked with a real validator (Ajv).
 */
import { describe, expect, it } from 'vitest';
import { announcementDeltas, deltaCounts } from '../../src/derive/deltas.ts';
import type { Model } from '../../src/derive/model.ts';
import { citation } from '../../src/output/citation.ts';
import { changesJson, dataIndex, dataIndexFiles, jsonSchemaOf, modelDeltas } from '../../src/output/data-index.ts';
import type { ChangesFile } from '../../src/schema/data-files.ts';
import { jsonSchemaValidator } from '../support/json-schema.ts';
import { BASIC_DATA, modelOf, replicateRecord, SAMPLE_DATA, synthModel } from '../support/models.ts';

const SITE = new URL('https://phaseout.example.gov.cn/');
const sample = modelOf(SAMPLE_DATA).model;
const basic = modelOf(BASIC_DATA).model;
const synth = synthModel(1000).model;
const byId = (model: Model, id: string) => modelDeltas(model).find((d) => d.id === id)!;

describe('the deltas of a record', () => {
  it('list every announcement once, in publication order', () => {
    for (const model of [sample, basic, synth]) expect(modelDeltas(model).map((d) => d.id)).toEqual(model.chronological.map((a) => a.id));
  });

  it('a first listing is added by its key and its line in the table (its cells are in /data/rows/ and on the page)', () => {
    const d = byId(basic, '2024-421202-plan');
    expect(d.added).toEqual([{ key: '42:XA-001', line: 2 }, { key: '42:XA-002', line: 3 }, { key: '42:XA-003', line: 4 }]);
    expect(d.changed).toEqual([]);
  });

  it('a completion changes status and dates field by field, against the plan in force, comparing only the columns it has', () => {
    const d = byId(basic, '2024-421202-completion');
    expect(d.added).toEqual([]);
    const xa1 = d.changed.find((c) => c.key === '42:XA-001')!;
    expect(xa1.since).toBe('2024-421202-plan');
    // Blank before, left out of `before`: the columns of `after` it lacks had no value.
    expect(xa1.before).toEqual({ status: 'planned' });
    expect(xa1.after).toEqual({ status: 'dismantled', shutdown_date: '2024-07-01', dismantled_date: '2024-08-15', employees_resettled: 100, central_reward: 150 });
    // The completion has no deadline column: it says nothing about the deadline.
    expect('deadline' in xa1.after).toBe(false);
  });

  it('a later plan that carries a line over changes its deadline, and one that lists a new line adds it', () => {
    const d = byId(basic, '2025-421202-plan');
    expect(d.added.map((a) => a.key)).toEqual(['42:XA-004']);
    expect(d.changed).toEqual([{ key: '42:XA-002', since: '2024-421202-plan', before: { deadline: '2024-10' }, after: { deadline: '2025-06' } }]);
  });

  it('a correction changes what it corrected and removes the rows it drops, saying what is in force after', () => {
    const d = byId(basic, '2025-421202-plan-2');
    expect(d.supersedes).toBe('2025-421202-plan');
    expect(d.changed).toEqual([{ key: '42:XA-002', since: '2025-421202-plan', before: { capacity: 1.5 }, after: { capacity: 1.6 } }]);
    expect(d.removed).toEqual([
      // Line 3 of the corrected table: XA-004,咸宁示例铁合金厂,…
      { key: '42:XA-004', line: 3, in_force_after: null },
    ]);
  });

  it('the sample record: the Taiyuan correction changes two capacities, the other tables add their rows', () => {
    const d = byId(sample, '2025-140100-plan-2');
    const ty2 = d.changed.find((c) => c.key === '14:TY-2025-002')!;
    expect([ty2.before.capacity, ty2.after.capacity]).toEqual([30, 40]);
    expect(byId(sample, '2025-000000-target').added.map((a) => a.key)).toEqual(['target:2025/000000/power', 'target:2025/000000/coal']);
    expect(byId(sample, '2021-410100-cards').added[0]!.key).toBe('cards:410100/ZZ-2021-Y001');
  });

  it('replayed in order, give every line the status and capacity the model has (synthetic record of 1,000 lines)', () => {
    const deltas = modelDeltas(synth);
    const state = new Map<string, Record<string, unknown>>();
    const touchedByRemoval = new Set<string>();
    // An added row's cells, as /data/rows/ gives them: by announcement and line.
    const cells = (id: string, line: number) => ({ ...synth.byId.get(id)!.rows.find((r) => r.line === line)!.data });
    for (const d of deltas) {
      for (const a of d.added) state.set(a.key, cells(d.id, a.line));
      for (const c of d.changed) Object.assign(state.get(c.key)!, c.after);
      for (const r of d.removed) touchedByRemoval.add(r.key);
    }
    let compared = 0;
    for (const l of synth.lines) {
      if (touchedByRemoval.has(l.key)) continue;
      expect(state.get(l.key)!.status, l.key).toBe(l.status);
      expect(state.get(l.key)!.capacity ?? undefined, l.key).toBe(l.row.capacity);
      compared++;
    }
    expect(compared).toBeGreaterThan(900);
    const counts = deltaCounts(deltas);
    expect(counts.added).toBe(state.size);
    expect(counts.changed).toBeGreaterThan(counts.added / 2);
  });

  it('grow linearly: each row looks back over its own history only, so four times the record is four times the work', () => {
    // The synthetic record copied 2 and 8 times under new ids: the same shape at two sizes.
    const small = replicateRecord(synth, 2);
    const large = replicateRecord(synth, 8);
    const steps = (r: typeof small) => {
      const probe = { steps: 0 };
      const deltas = announcementDeltas(r.chronological, r.byId, r.corrections, probe);
      return { probe: probe.steps, changed: deltaCounts(deltas).changed };
    };
    const s = steps(small);
    const l = steps(large);
    expect(l.changed).toBe(4 * s.changed);
    expect(s.probe).toBeGreaterThan(0);
    // Linear is exactly 4; a scan of the record per row would be 16.
    expect(l.probe / s.probe).toBe(4);
  });
});

describe('the published JSON files', () => {
  const validIndex = jsonSchemaValidator(jsonSchemaOf('index', SITE));
  const validChanges = jsonSchemaValidator(jsonSchemaOf('changes', SITE));

  it('index.json gives the release, the as-of date, the last change and a citation, and is valid against its schema', () => {
    for (const model of [sample, basic, synth]) expect(validIndex(dataIndex(model, SITE))).toEqual([]);
    const index = dataIndex(sample, SITE);
    expect(index.release).toBe(sample.release.id);
    expect(index.as_of).toBe(sample.asOf);
    expect(index.last_change).toEqual({ date: '2026-02-27', announcement: '2025-140000-assessment', title: sample.byId.get('2025-140000-assessment')!.meta.title, url: 'https://phaseout.example.gov.cn/announcements/2025-140000-assessment/' });
    expect(index.citation).toBe(`淘汰落后产能公示平台. 淘汰落后产能公示数据[EB/OL]. 数据版本 ${sample.release.id}（数据截至2026年2月27日）. https://phaseout.example.gov.cn/data/`);
    expect(JSON.stringify(index).length).toBeLessThan(2000);
  });

  it('changes.json is valid against its schema on the sample, fixture and synthetic records, one announcement a line', () => {
    for (const model of [sample, basic, synth]) {
      const text = changesJson(model);
      const data = JSON.parse(text) as ChangesFile;
      expect(validChanges(data)).toEqual([]);
      expect(data.release).toBe(model.release.id);
      expect(text.split('\n').length).toBe(model.chronological.length + 3);
    }
  });

  it('the validator is real: it rejects what the schemas forbid', () => {
    const data = JSON.parse(changesJson(basic)) as ChangesFile;
    const d = data.announcements.find((a) => a.changed.length > 0)!;
    const { after: _after, ...withoutAfter } = d.changed[0]!;
    expect(validChanges({ ...data, announcements: [{ ...d, changed: [withoutAfter] }] })).not.toEqual([]);
    expect(validChanges({ ...data, announcements: [{ ...d, changed: [{ ...d.changed[0]!, after: { status: ['planned'] } }] }] })).not.toEqual([]);
    expect(validChanges({ ...data, announcements: [{ ...d, extra: 1 }] })).not.toEqual([]);
    expect(validIndex({ ...dataIndex(basic, SITE), last_change: { date: '2025-1-1', announcement: 'x', title: 't', url: 'not a url' } })).not.toEqual([]);
  });

  it('the schemas are published beside the files, with their own address as $id', () => {
    const files = [...dataIndexFiles(sample, SITE)];
    expect(files.map((f) => f.path)).toEqual(['/data/index.json', '/data/changes.json', '/data/schemas/index.schema.json', '/data/schemas/changes.schema.json']);
    const schema = JSON.parse(String(files[2]!.content)) as { $id: string; $schema: string };
    expect(schema.$id).toBe('https://phaseout.example.gov.cn/data/schemas/index.schema.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('a citation names the source, the title, the release, the as-of date and the address', () => {
    expect(citation({ title: '楚雄彝族自治州', release: { id: '2025-12-31-0123abcd', asOf: '2025-12-31', lastChange: undefined }, url: 'https://phaseout.example.gov.cn/regions/532300/' }))
      .toBe('淘汰落后产能公示平台. 楚雄彝族自治州[EB/OL]. 数据版本 2025-12-31-0123abcd（数据截至2025年12月31日）. https://phaseout.example.gov.cn/regions/532300/');
  });
});
