/**
 * `npm run synth -- --lines N --seed S --out DIR [--lock]`: writes a synthetic, valid data root
 * of about N lines (see tools/synth.ts). Same N and S → byte-identical files. DIR must be
 * empty or absent. --lock also writes published.lock over every announcement.
 */
import { resolve } from 'node:path';
import { LIMITS } from '../src/read/load.ts';
import { formatStats, writeSynth } from '../tools/synth.ts';
import { fail, parseOptions, runIfMain, type Effects } from './cli.ts';

export function main(argv: readonly string[], fx: Effects): number {
  const { values } = parseOptions(argv, {
    lines: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, lock: { type: 'boolean', default: false },
  }, 'npm run synth -- --lines 行数 --seed 种子 --out 目录 [--lock]');
  const { lines, seed, out } = values;
  if (!/^\d+$/.test(lines) || Number(lines) < 1 || Number(lines) > 2_000_000) fail(`--lines 应为 1 到 2000000 之间的整数，实为 ${lines}`);
  if (!/^\d+$/.test(seed)) fail(`--seed 应为非负整数，实为 ${seed}`);
  if (!out) fail('要用 --out 指定输出目录（须为空目录或不存在）');
  const stats = writeSynth(resolve(fx.cwd, out), { lines: Number(lines), seed: Number(seed) % 2 ** 32, lock: values.lock });
  fx.stdout(`${formatStats(stats, out)}\n`);
  if (stats.files > LIMITS.files) fx.stderr(`注意：${stats.files} 个文件超过了校验器的上限 ${LIMITS.files} 个文件，校验会报 file-too-large。\n`);
  return 0;
}

await runIfMain(import.meta.url, main);
