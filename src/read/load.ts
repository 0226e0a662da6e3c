import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Problem } from '../schema/problem.ts';
import { ANNOUNCEMENT_ID } from '../schema/announcement.ts';
import { problem } from '../problems/catalogue.ts';
import { decode, lineRanges, type Decoded } from './encoding.ts';
import { LOCK_FILE } from '../schema/lock.ts';

/** Limits that keep one bad file from exhausting the machine; each has its own message. */
export const LIMITS = {
  csvBytes: 20 * 1024 * 1024,
  mdBytes: 1024 * 1024,
  referenceBytes: 5 * 1024 * 1024,
  /** Files in a data root. */
  files: 200_000,
  /** Bytes of all files of a data root. */
  rootBytes: 2 * 1024 * 1024 * 1024,
};

export interface RawFile {
  /** Relative to the data root, `/` separators. */
  path: string;
  bytes: Uint8Array;
  /** Over its size limit: reported as `file-too-large`, read as no bytes, not also `empty-file`. */
  tooLarge?: boolean;
}

export interface RawAnnouncement {
  id: string;
  dir: string; // the year folder as written
  md?: RawFile;
  csv?: RawFile;
}

/** What a data root holds, read but not yet interpreted. */
export interface RawDataRoot {
  announcements: RawAnnouncement[];
  industries?: RawFile | undefined;
  regions?: RawFile | undefined;
  lock?: RawFile | undefined;
  problems: Problem[];
}

/**
 * Reads every file of a data root and sorts it into the layout of the data contract. Anything
 * else is an `unexpected-file` problem, so that a typo never makes data vanish silently.
 */
export function readDataRoot(root: string): RawDataRoot {
  const out: RawDataRoot = { announcements: [], problems: [] };
  const byId = new Map<string, RawAnnouncement>();
  const rootReal = realpathSync(root);
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new Error(`无法读取目录 ${relative(rootReal, dir).split(sep).join('/') || '.'}：${systemError(e)}`, { cause: e });
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const abs = join(dir, entry.name);
      const rel = relative(rootReal, abs).split(sep).join('/'); // `root` itself may be a symlink
      if (entry.isSymbolicLink()) {
        out.problems.push(problem('unexpected-file', { file: rel }, { what: '符号链接' }));
      } else if (entry.isDirectory()) {
        if (rel === '.git') continue;
        walk(abs);
      } else if (entry.isFile()) {
        if (files.length >= LIMITS.files) continue;
        files.push(rel);
      } else {
        out.problems.push(problem('unexpected-file', { file: rel }, { what: '特殊文件' }));
      }
    }
  };
  walk(rootReal);
  let total = 0;
  let overRoot = false;
  const read = (rel: string, limit: number): RawFile | undefined => {
    // One open, fstat and read per file; a file over its limit is not read at all.
    let fd: number;
    try {
      fd = openSync(join(rootReal, rel), constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (e) {
      // Replaced by a symbolic link since the folder was listed: not followed, reported as one.
      if ((e as NodeJS.ErrnoException).code !== 'ELOOP') throw new Error(`无法读取文件 ${rel}：${systemError(e)}`, { cause: e });
      out.problems.push(problem('unexpected-file', { file: rel }, { what: '符号链接' }));
      return undefined;
    }
    try {
      return readOpen(fd, rel, limit);
    } catch (e) {
      throw new Error(`无法读取文件 ${rel}：${systemError(e)}`, { cause: e });
    } finally {
      closeSync(fd);
    }
  };
  const readOpen = (fd: number, rel: string, limit: number): RawFile | undefined => {
    const size = fstatSync(fd).size;
    total += size;
    if (total > LIMITS.rootBytes) {
      if (!overRoot) out.problems.push(problem('data-root-too-large', { file: '.' }, { detail: `文件总大小超过 ${LIMITS.rootBytes} 字节，从 ${rel} 起不再读取` }));
      overRoot = true;
      return undefined;
    }
    if (size > limit) {
      out.problems.push(problem('file-too-large', { file: rel }, { size, limit }));
      return undefined;
    }
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) break; // the file shrank while being read
      at += n;
    }
    return { path: rel, bytes: at === size ? bytes : bytes.subarray(0, at) };
  };
  for (const rel of files) {
    const parts = rel.split('/');
    if (rel === 'industries.csv') out.industries = read(rel, LIMITS.referenceBytes);
    else if (rel === 'regions.csv') out.regions = read(rel, LIMITS.referenceBytes);
    else if (rel === LOCK_FILE) out.lock = read(rel, LIMITS.referenceBytes);
    else if (parts.length === 3 && parts[0] === 'announcements' && /^\d{4}$/.test(parts[1]!) && /\.(md|csv)$/.test(parts[2]!)) {
      const ext = parts[2]!.endsWith('.md') ? 'md' : 'csv';
      const id = parts[2]!.slice(0, -(ext.length + 1));
      if (!ANNOUNCEMENT_ID.test(id)) {
        out.problems.push(problem('bad-id', { file: rel }, { value: id }));
        continue;
      }
      let a = byId.get(id);
      if (a && a.dir !== parts[1]) {
        out.problems.push(problem('duplicate-id', { file: rel }, { value: id, other: `announcements/${a.dir}/` }));
        continue;
      }
      if (!a) {
        a = { id, dir: parts[1]! };
        byId.set(id, a);
        out.announcements.push(a);
      }
      const f = read(rel, ext === 'md' ? LIMITS.mdBytes : LIMITS.csvBytes);
      if (f) a[ext] = f;
      else a[ext] = { path: rel, bytes: new Uint8Array(), tooLarge: true }; // reported; present but unusable
    } else {
      out.problems.push(problem('unexpected-file', { file: rel }));
    }
  }
  if (files.length >= LIMITS.files) out.problems.push(problem('data-root-too-large', { file: '.' }, { detail: `文件数达到上限 ${LIMITS.files} 个，其余文件未读取` }));
  return out;
}

/**
 * A system error reading a file, in Chinese (Node's own messages are English). A file the
 * validator cannot read stops the command (exit 2) with this sentence: the report would be incomplete.
 */
export function systemError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'ENOENT':
      return '文件在读取时被删除或移走了';
    case 'EISDIR':
      return '这是一个目录';
    case 'EIO':
      return '读取时出错（磁盘或网络文件系统错误）';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件太多';
    case 'ENAMETOOLONG':
      return '文件名太长';
    default:
      return code ? `系统错误（${code}）` : '未知的系统错误';
  }
}

/** Decodes a file and reports its encoding problems; the text is returned either way. */
export function decodeFile(f: RawFile): { decoded: Decoded; problems: Problem[] } {
  const decoded = decode(f.bytes);
  const problems: Problem[] = [];
  if (decoded.encoding === 'gb18030') problems.push(problem('encoding-gbk', { file: f.path }));
  if (decoded.encoding === 'unknown') problems.push(problem('bad-encoding', { file: f.path }));
  if (decoded.encoding === 'mixed') {
    const { utf8, gbk } = decoded.lines!;
    problems.push(problem('mixed-encoding', { file: f.path, line: gbk[0] }, { utf8: `第 ${lineRanges(utf8)} 行`, gbk: `第 ${lineRanges(gbk)} 行` }));
  }
  if (decoded.innerBom !== undefined) {
    const line = decoded.text.slice(0, decoded.innerBom).split('\n').length;
    problems.push(problem('bom-in-middle', { file: f.path, line }));
  }
  return { decoded, problems };
}
