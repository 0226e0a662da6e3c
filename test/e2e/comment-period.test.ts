/**
 * A reader of an announcement in its comment window (公示期): with JavaScript, the days left by
 * the reader's own clock; without, the dates alone. In headless Chromium, with its clock set.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { SITES } from '../site/global-setup.ts';
import { browseSite } from './session.ts';

const session = browseSite(SITES.basic.out);
const PATH = '/announcements/2025-421202-plan-2/';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function daysLine(now: string, javaScriptEnabled = true): Promise<{ visible: boolean; text: string; dates: string }> {
  const context = await session.browser.newContext({ timezoneId: 'Asia/Shanghai', javaScriptEnabled });
  const page = await context.newPage();
  if (javaScriptEnabled) await page.clock.setFixedTime(new Date(now));
  await page.goto(session.origin + PATH);
  const days = page.locator('.comment-days');
  const out = { visible: await days.isVisible(), text: (await days.textContent()) ?? '', dates: (await page.locator('.comment-period dl').textContent()) ?? '' };
  await context.close();
  return out;
}

test('a reader with JavaScript sees the days left in the window by their own clock', async () => {
  expect(await daysLine('2025-03-12T09:00:00+08:00')).toMatchObject({ visible: true, text: '公示期还剩 6 天（含今天，按您设备上的日期）。' });
  expect((await daysLine('2025-03-17T23:30:00+08:00')).text).toBe('今天是公示期最后一天（按您设备上的日期）。');
  expect((await daysLine('2025-03-08T08:00:00+08:00')).text).toBe('公示期 2 天后开始（按您设备上的日期）。');
  expect((await daysLine('2026-01-01T08:00:00+08:00')).text).toBe('公示期已结束（按您设备上的日期）。');
});

test('a reader without JavaScript sees the window’s dates and the channel, and no count', async () => {
  const r = await daysLine('', false);
  expect(r.visible).toBe(false);
  expect(r.dates).toContain('2025年3月10日至2025年3月17日');
  expect(r.dates).toContain('咸安区经济和信息化局 0715-8123456（工作日）');
});

test('the comment window meets no axe violations once the count is shown', async () => {
  const context = await session.browser.newContext({ bypassCSP: true, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2025-03-12T09:00:00+08:00'));
  await page.goto(session.origin + PATH);
  await page.locator('.comment-days:not([hidden])').waitFor();
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string }[] }> } }).axe.run(document.querySelector('main')!, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.id);
  });
  await context.close();
  expect(violations).toEqual([]);
});
