/**
 * Shared plumbing of the command-line scripts. Each script exports `main(argv, effects)`, which
 * returns the exit status, and runs it only when executed as a program, so tests call `main` in
 * process with effects of their own (captured output, a fixed clock, another working folder).
 * Arguments are read with `node:util` `parseArgs` in strict mode: an unknown option is an error.
 * A script that cannot run at all exits 2 with one Chinese sentence and no stack trace.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What a script may do to the world beyond its own files: given to `main`, so tests can replace it. */
export interface Effects {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The folder relative paths are resolved against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The clock: only the validator's sanity check on publication dates and office tools read it. */
  now(): Date;
}

export type Main = (argv: readonly string[], fx: Effects) => number | Promise<number>;

/** The real world: process output, the working folder, the environment and the clock. */
export function processEffects(): Effects {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
  };
}

/** The command could not run (exit 2): a wrong option, a missing folder. Its message is shown alone. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function fail(message: string): never {
  throw new UsageError(message);
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode, with its English errors said in Chinese. `usage` is the command line
 * shown after the error, e.g. `npm run validate -- [--data 目录] [--format text|json|github]`.
 */
export function parseOptions<O extends Options>(argv: readonly string[], options: O, usage: string, allowPositionals = false) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (e) {
    const err = e as Error & { code?: string };
    const name = /'(-{1,2}[^' ]+)/.exec(err.message)?.[1] ?? '';
    const what =
      err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `不认识的选项 ${name}`
      : err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? `选项 ${name} 缺少取值或取值不对`
      : err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? `多余的参数 ${/'([^']+)'/.exec(err.message)?.[1] ?? ''}`
      : '参数不对';
    fail(`${what}。用法：${usage}`);
  }
}

/** The data root: `--data DIR`, else PHASEOUT_DATA_DIR, else `data/`, resolved against `fx.cwd`. */
export function dataRoot(data: string | undefined, fx: Pick<Effects, 'cwd' | 'env'>): string {
  const dir = data ?? (fx.env.PHASEOUT_DATA_DIR || 'data');
  if (!dir) fail('--data 后面要写数据目录');
  const abs = resolve(fx.cwd, dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) fail(`数据目录不存在：${dir}`);
  return abs;
}

/** Calls `main` with `fx`, turning a UsageError or any unexpected exception into exit 2 with its message only. */
export async function runMain(main: Main, argv: readonly string[], fx: Effects): Promise<number> {
  try {
    return await main(argv, fx);
  } catch (e) {
    fx.stderr(`无法运行：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

/** Runs `main` on the process's arguments when `moduleUrl` is the program node was started with. */
export async function runIfMain(moduleUrl: string, main: Main): Promise<void> {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  process.exitCode = await runMain(main, process.argv.slice(2), processEffects());
}

/** Effects for tests: output collected in strings, a fixed clock. */
export function captureEffects(overrides: Partial<Effects> = {}): Effects & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    cwd: process.cwd(),
    env: {},
    now: () => new Date('2026-12-01T00:00:00+08:00'),
    ...overrides,
    out: () => out,
    err: () => err,
  };
}
