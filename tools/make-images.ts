/**
 * `npx tsx tools/make-images.ts`: draws the site's favicon (public/favicon.ico, a 32 px PNG in an
 * ICO container, which browsers request at /favicon.ico without a <link> on every page) and its
 * share image (public/og.png, 1200 × 630, for WeChat and Weibo previews) in Chromium with the
 * system's Noto CJK font. Run it again only to change them; the files are committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.ts';
import { t } from '../src/i18n/zh-CN.ts';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** An ICO file holding one PNG image (Vista and later read PNG entries). */
export function icoOf(png: Buffer, size: number): Buffer {
  const head = Buffer.alloc(6 + 16);
  head.writeUInt16LE(0, 0); // reserved
  head.writeUInt16LE(1, 2); // type: icon
  head.writeUInt16LE(1, 4); // one image
  head.writeUInt8(size >= 256 ? 0 : size, 6);
  head.writeUInt8(size >= 256 ? 0 : size, 7);
  head.writeUInt8(0, 8); // no palette
  head.writeUInt8(0, 9);
  head.writeUInt16LE(1, 10); // colour planes
  head.writeUInt16LE(32, 12); // bits per pixel
  head.writeUInt32LE(png.length, 14);
  head.writeUInt32LE(22, 18); // offset of the image
  return Buffer.concat([head, png]);
}

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 32, height: 32 }, deviceScaleFactor: 1 });
  await page.setContent(`<body style="margin:0"><div style="width:32px;height:32px;background:#0b5cad;border-radius:5px;display:flex;align-items:center;justify-content:center;color:#fff;font:700 24px/1 ${FONT}">淘</div></body>`);
  const icon = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 32, height: 32 } });
  writeFileSync(join(PUBLIC, 'favicon.ico'), icoOf(icon, 32));
  await page.setViewportSize({ width: 1200, height: 630 });
  await page.setContent(`<body style="margin:0;width:1200px;height:630px;background:#fff;font-family:${FONT};color:#1b1b1b">
    <div style="height:630px;box-sizing:border-box;border-top:24px solid #0b5cad;padding:120px 96px 0">
      <div style="display:flex;align-items:center;gap:32px"><div style="width:120px;height:120px;background:#0b5cad;border-radius:16px;color:#fff;font:700 88px/120px ${FONT};text-align:center">淘</div>
      <div style="font:700 72px/1.2 ${FONT}">${t.siteName}</div></div>
      <p style="font:400 36px/1.5 ${FONT};color:#444;margin:56px 0 0">${t.siteTagline}</p>
    </div></body>`);
  writeFileSync(join(PUBLIC, 'og.png'), await page.screenshot({ clip: { x: 0, y: 0, width: 1200, height: 630 } }));
} finally {
  await browser.close();
}
