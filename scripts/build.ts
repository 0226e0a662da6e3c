/**
 * `npm run build`: validate the data root, then `astro build`, then index with Pagefind — into a
 * temporary folder that replaces `dist/` only when every step succeeded, so a failed build never
 * leaves a half-written or wrong site behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { formatText } from '../src/output/report.ts';
import { validateDataRoot } from '../src/validate/validate.ts';
import { buildModel } from '../src/derive/model.ts';
import { writeSearchIndex } from '../src/search/write-index.ts';
import { dataRoot, parseOptions, runIfMain, type Effects } from './cli.ts';

export async function main(argv: readonly string[], fx: Effects): Promise<number> {
  const { values } = parseOptions(argv, { data: { type: 'string' }, out: { type: 'string', default: 'dist' } }, 'npm run build -- [--data 目录] [--out 目录]');
  const root = dataRoot(values.data, fx);
  const out = resolve(fx.cwd, values.out);
  const record = validateDataRoot(root);
  const { report } = record;
  if (report.errors > 0) {
    fx.stdout(formatText(report, { dataDir: relative(process.cwd(), root) || '.' }));
    fx.stdout('数据有错误，没有生成网站；原有的网站（如有）保持不变。\n');
    return 1;
  }
  fx.stdout(`数据检查通过（${report.warnings} 个提示），开始生成网站…\n`);
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const env = { ...process.env, PHASEOUT_DATA_DIR: root, ASTRO_TELEMETRY_DISABLED: '1', TZ: 'Asia/Shanghai' };
  const step = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      throw new Error(`${cmd} ${args.join(' ')} 失败（退出码 ${r.status ?? r.signal}）；原有的网站保持不变`);
    }
  };
  const t0 = performance.now();
  step('astro', ['build', '--outDir', tmp]);
  const t1 = performance.now();
  try {
    const { records, codes } = await writeSearchIndex(buildModel(record), tmp);
    fx.stdout(`搜索索引：${records} 条记录，${codes} 个统一社会信用代码。\n`);
    // For npm run bench: how long each step took.
    if (process.env.PHASEOUT_BENCH_TIMINGS) {
      const seconds = (ms: number) => Math.round(ms / 100) / 10;
      writeFileSync(process.env.PHASEOUT_BENCH_TIMINGS, JSON.stringify({ astroSeconds: seconds(t1 - t0), searchSeconds: seconds(performance.now() - t1) }));
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`生成搜索索引失败：${(e as Error).message}；原有的网站保持不变`, { cause: e });
  }
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
  fx.stdout(`网站已生成：${relative(process.cwd(), out) || out}\n`);
  return 0;
}

await runIfMain(import.meta.url, main);
