/**
 * What keeps a build from hurting: an output folder that cannot be the data or the repository, one
 * build at a time per output folder, and the clean-up of folders that interrupted builds left.
 * Pure decisions over paths and pids; the file system and the process table come in as arguments.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** The file a build writes into its output folder: a folder without it is not a site to replace. */
export const SITE_MARKER = '.phaseout-site';

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r !== '' && !r.startsWith(`..${sep}`) && r !== '..' && !r.startsWith(sep);
};

/** A folder a build wrote: it has the marker, or (from builds older than the marker) Astro's output. */
function isBuiltSite(dir: string): boolean {
  return existsSync(join(dir, SITE_MARKER)) || (existsSync(join(dir, 'index.html')) && existsSync(join(dir, '_astro')));
}

/**
 * Why `out` must not be written to, or undefined. Refused: the data root, the repository, a folder
 * inside the data root or containing either of them, and any folder that already holds files but
 * was not written by a build (so a typo never replaces someone's work).
 */
export function refuseOutDir(out: string, where: { dataRoot: string; repo: string }): string | undefined {
  const o = resolve(out);
  const data = resolve(where.dataRoot);
  const repo = resolve(where.repo);
  if (o === data) return '输出目录不能是数据目录本身';
  if (inside(o, data)) return '输出目录不能在数据目录之内';
  if (inside(data, o)) return '输出目录不能包含数据目录';
  if (o === repo) return '输出目录不能是项目目录本身';
  if (inside(repo, o)) return '输出目录不能包含项目目录';
  if (existsSync(o)) {
    if (!statSync(o).isDirectory()) return '输出路径已存在，而且不是目录';
    if (readdirSync(o).length > 0 && !isBuiltSite(o)) return '输出目录已有文件，但不是以前生成的网站；请换一个目录，或先确认后清空它';
  }
  return undefined;
}

/** Whether a process is running (signal 0 only checks). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockEffects {
  pid: number;
  alive(pid: number): boolean;
  sleep(ms: number): Promise<void>;
  /** Told once when the build starts waiting for another. */
  waiting(ownerPid: number): void;
}

/** The lock file of builds into `out`; it holds the owner's pid. */
export const lockPath = (out: string) => `${resolve(out)}.lock`;

/**
 * Takes the build lock of `out`, waiting while another running build holds it (up to `maxWaitMs`),
 * and taking over a lock whose owner is gone. Returns the release function, or undefined when
 * the wait ran out.
 */
export async function acquireBuildLock(out: string, fx: LockEffects, maxWaitMs = 3_600_000): Promise<(() => void) | undefined> {
  const file = lockPath(out);
  mkdirSync(dirname(file), { recursive: true });
  let waited = 0;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${fx.pid}\n`);
      closeSync(fd);
      return () => {
        if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(fx.pid)) rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (!Number.isInteger(owner) || !fx.alive(owner)) {
      rmSync(file, { force: true }); // the owner is gone: its lock is stale
      continue;
    }
    if (waited >= maxWaitMs) return undefined;
    if (!told) fx.waiting(owner);
    told = true;
    await fx.sleep(250);
    waited += 250;
  }
}

/**
 * Removes `<out>.tmp-<pid>`, `<out>.files-<pid>` and `<out>.old-<pid>` folders that interrupted builds left behind,
 * when the process that made them is gone. Returns the names removed.
 */
export function removeStaleFolders(out: string, alive: (pid: number) => boolean): string[] {
  const o = resolve(out);
  const parent = dirname(o);
  if (!existsSync(parent)) return [];
  const pattern = new RegExp(`^${basename(o).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:tmp|files|old)-(\\d+)$`);
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const m = pattern.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed.sort();
}
