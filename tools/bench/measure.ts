/** What every benchmark module shares: running a command under GNU time, folder sizes, units. */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TSX = ['--import', 'tsx'];

export interface Step {
  seconds: number;
  peakMB: number;
}

/** Runs a command under GNU time; returns wall seconds and the peak RSS of it or any descendant. */
export function timed(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Step {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} 失败：\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  const last = r.stderr.trim().split('\n').pop()!.split(' ');
  return { seconds: Number(last[0]), peakMB: Math.round(Number(last[1]) / 1024) };
}

export function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
export const sizeOf = (dir: string) => walk(dir).reduce((n, f) => n + statSync(f).size, 0);
export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
export const ratio = (a: number, b: number) => +(a / b).toFixed(1);
