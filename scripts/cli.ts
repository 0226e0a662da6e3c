/**
 * Shared plumbing of the command-line scripts: where the data root is, and how a script that
 * cannot run at all exits (status 2, one Chinese sentence, no stack trace).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** The data root: `--data DIR`, else PHASEOUT_DATA_DIR, else `data/`. */
export function dataRoot(argv: readonly string[]): string {
  const i = argv.indexOf('--data');
  const eq = argv.find((a) => a.startsWith('--data='));
  const dir = i >= 0 ? argv[i + 1] : eq ? eq.slice('--data='.length) : process.env.PHASEOUT_DATA_DIR || 'data';
  if (!dir) fail('--data 后面要写数据目录');
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) fail(`数据目录不存在：${dir}`);
  return abs;
}

export function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Exit 2: the command itself could not run. */
export function fail(message: string): never {
  process.stderr.write(`无法运行：${message}\n`);
  process.exit(2);
}

/** Runs `main`, turning any unexpected exception into exit 2 with its message only. */
export async function run(main: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}
