/**
 * `npm run synth -- --lines N --seed S --out DIR [--lock]`: writes a synthetic, valid data root
 * of about N lines (see tools/synth.ts). Same N and S → byte-identical files. DIR must be
 * empty or absent. --lock also writes published.lock over every announcement.
 */
import { resolve } from 'node:path';
import { LIMITS } from '../src/read/load.ts';
import { formatStats, writeSynth } from '../tools/synth.ts';
import { fail, option, run } from './cli.ts';

await run(() => {
  const argv = process.argv.slice(2);
  const linesArg = option(argv, '--lines') ?? '1000';
  const seedArg = option(argv, '--seed') ?? '1';
  const out = option(argv, '--out');
  if (!/^\d+$/.test(linesArg) || Number(linesArg) < 1 || Number(linesArg) > 2_000_000) fail(`--lines 应为 1 到 2000000 之间的整数，实为 ${linesArg}`);
  if (!/^\d+$/.test(seedArg)) fail(`--seed 应为非负整数，实为 ${seedArg}`);
  if (!out) fail('要用 --out 指定输出目录（须为空目录或不存在）');
  const dir = resolve(out);
  const stats = writeSynth(dir, { lines: Number(linesArg), seed: Number(seedArg) % 2 ** 32, lock: argv.includes('--lock') });
  process.stdout.write(`${formatStats(stats, out)}\n`);
  if (stats.files > LIMITS.files) process.stderr.write(`注意：${stats.files} 个文件超过了校验器的上限 ${LIMITS.files} 个文件，校验会报 file-too-large。\n`);
  return 0;
});
