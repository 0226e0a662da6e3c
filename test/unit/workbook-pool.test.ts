/**
 * The build writes workbooks in a worker thread (src/build/workbook-pool.ts): the same bytes as
 * writing them in process, in whatever order the outputs ask, and a failure reaches the caller.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startWorkbooks } from '../../src/build/workbook-pool.ts';
import { workbookJobs } from '../../src/output/site-files.ts';
import { linesWorkbookJob } from '../../src/output/downloads.ts';
import { renderInProcess, type WorkbookJob } from '../../src/output/xlsx.ts';
import { modelOf, TEST_ORIGIN } from '../support/outputs.ts';

const SAMPLE = join(import.meta.dirname, '../../data');
const model = modelOf(SAMPLE);
const jobs = () => workbookJobs(model, TEST_ORIGIN);

describe('workbooks written by the worker thread', () => {
  test('are the bytes the in-process writer gives, for every workbook of the sample record', async () => {
    const all = [...jobs(), linesWorkbookJob(model)];
    expect(all.length).toBeGreaterThan(3);
    const pool = startWorkbooks(jobs());
    try {
      for (const job of all) expect(Buffer.from(await pool.render(job)).equals(Buffer.from(await renderInProcess(job))), job.path).toBe(true);
    } finally {
      await pool.close();
    }
  });

  test('are found by path when asked for out of order, and a job never announced is written when asked for', async () => {
    const all = [...jobs()];
    const pool = startWorkbooks(jobs());
    try {
      const reversed = await Promise.all([...all].reverse().map((job) => pool.render(job)));
      expect(reversed.map((b) => b.length)).toEqual((await Promise.all([...all].reverse().map(renderInProcess))).map((b) => b.length));
      const extra: WorkbookJob = { ...all[0]!, path: '/data/not-announced.xlsx' };
      expect(Buffer.from(await pool.render(extra)).equals(Buffer.from(await renderInProcess(extra)))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  test('a workbook the writer cannot write rejects with its path and the reason', async () => {
    const bad: WorkbookJob = { path: '/regions/x/announcements.xlsx', sheets: [{ name: 'a', fields: [], rows: [] }], opts: { date: 'not a date', title: 't', creator: 'c' } };
    await expect(renderInProcess(bad)).rejects.toThrow();
    const pool = startWorkbooks([bad][Symbol.iterator]());
    try {
      await expect(pool.render(bad)).rejects.toThrow(/写表格 \/regions\/x\/announcements\.xlsx 失败/);
    } finally {
      await pool.close();
    }
  });
});
