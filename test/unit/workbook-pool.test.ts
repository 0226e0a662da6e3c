/**
 * The build writes the regions' workbooks in a worker thread (src/build/workbook-pool.ts): the
 * same bytes as writing them in process, found by path in whatever order the outputs ask, a job
 * made only when it is handed over, and a failure reaching the caller.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startWorkbooks } from '../../src/build/workbook-pool.ts';
import { workbookPlan } from '../../src/output/site-files.ts';
import { linesWorkbookJob } from '../../src/output/downloads.ts';
import { renderInProcess, type WorkbookJob } from '../../src/output/xlsx.ts';
import { modelOf, TEST_ORIGIN } from '../support/outputs.ts';

const SAMPLE = join(import.meta.dirname, '../../data');
const model = modelOf(SAMPLE);
const plan = workbookPlan(model, TEST_ORIGIN);
const inProcess = (path: string) => renderInProcess(path, () => plan.job(path));
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('workbooks written by the worker thread', () => {
  test('are the bytes the in-process writer gives, for every region of the sample record', async () => {
    expect(plan.paths.length).toBeGreaterThan(3);
    const made: string[] = [];
    const pool = startWorkbooks(plan.paths, (path) => (made.push(path), plan.job(path)));
    try {
      for (const path of plan.paths) {
        expect(same(await pool.render(path, () => { throw new Error('the pool made this job already'); }), await inProcess(path)), path).toBe(true);
      }
      expect(made).toEqual(plan.paths); // each job made once, in order
    } finally {
      await pool.close();
    }
  });

  test('are found by path when asked for out of order', async () => {
    const pool = startWorkbooks(plan.paths, plan.job);
    try {
      const reversed = [...plan.paths].reverse();
      const books = await Promise.all(reversed.map((path) => pool.render(path, () => plan.job(path))));
      for (const [i, path] of reversed.entries()) expect(same(books[i]!, await inProcess(path)), path).toBe(true);
    } finally {
      await pool.close();
    }
  });

  test('a path the pool does not know is written here at once, without starting the others', async () => {
    const made: string[] = [];
    const pool = startWorkbooks(plan.paths, (path) => (made.push(path), plan.job(path)));
    try {
      const lines = linesWorkbookJob(model); // streamed rows: never copied to a worker
      const bytes = await pool.render(lines.path, () => lines);
      expect(same(bytes, await renderInProcess(lines.path, () => lines))).toBe(true);
      expect(made.length).toBeLessThanOrEqual(2); // only the two the worker started with
    } finally {
      await pool.close();
    }
  });

  test('a workbook that cannot be written, or whose job cannot be made, rejects with the reason', async () => {
    const bad: WorkbookJob = { path: '/regions/x/announcements.xlsx', sheets: [{ name: 'a', fields: [], rows: [] }], opts: { date: 'not a date', title: 't', creator: 'c' } };
    await expect(renderInProcess(bad.path, () => bad)).rejects.toThrow();
    const pool = startWorkbooks([bad.path, '/regions/y/announcements.xlsx'], (path) => {
      if (path === bad.path) return bad;
      throw new Error('no such region');
    });
    try {
      await expect(pool.render(bad.path, () => bad)).rejects.toThrow(/写表格 \/regions\/x\/announcements\.xlsx 失败/);
      await expect(pool.render('/regions/y/announcements.xlsx', () => bad)).rejects.toThrow('no such region');
    } finally {
      await pool.close();
    }
  });
});
