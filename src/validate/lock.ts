import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Problem } from '../schema/problem.ts';
import { LOCK_FILE, LockSchema, REFERENCES_KEY, ReferencesSchema, type Lock, type References, type RegionReference } from '../schema/lock.ts';

export { LOCK_FILE };
import { problem } from '../problems/catalogue.ts';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What `published.lock` holds: the announcements' hashes, and what their rows resolved to. */
export interface ParsedLock {
  lock: Lock;
  references?: References | undefined;
  /** Line of each announcement id's key in the file. */
  lines: Map<string, number>;
  problems: Problem[];
}

/** Parses `published.lock`; a broken lock is a problem, and nothing counts as locked. */
export function parseLock(text: string | undefined): ParsedLock {
  const broken = (detail: string, line?: number): ParsedLock => ({ lock: {}, lines: new Map(), problems: [problem('lock-syntax', { file: LOCK_FILE, line }, { detail })] });
  if (text === undefined) return { lock: {}, lines: new Map(), problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return broken(jsonErrorText(text, (e as Error).message));
  }
  // JSON.parse keeps the last of two equal keys without a word: find them first.
  const scan = scanKeys(text);
  if (scan.duplicate) {
    const { key, line, first } = scan.duplicate;
    return broken(`${key === REFERENCES_KEY ? REFERENCES_KEY : `公告 ${key}`} 记录了两次（第 ${first} 行和第 ${line} 行），只能有一条`, line);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return broken('应是一个以公告编号为键的 JSON 对象 { … }');
  const { [REFERENCES_KEY]: refs, ...entries } = json as Record<string, unknown>;
  const parsed = LockSchema.safeParse(entries);
  if (!parsed.success) return broken(lockIssueText(parsed.error.issues[0]!));
  let references: References | undefined;
  if (refs !== undefined) {
    const r = ReferencesSchema.safeParse(refs);
    if (!r.success) return broken(`${REFERENCES_KEY}（已发布公告的行业和地区记录）的格式不对，位置：${r.error.issues[0]!.path.join('.') || '（整体）'}`);
    references = r.data;
  }
  return { lock: parsed.data, references, lines: scan.topLines, problems: [] };
}

/** A lock schema issue in Chinese: which announcement, which hash. */
function lockIssueText(issue: z.core.$ZodIssue): string {
  const [id, which] = issue.path.map(String);
  if (id === undefined) return '应是一个以公告编号为键的 JSON 对象 { … }';
  if (issue.code === 'unrecognized_keys') return `公告 ${id} 的记录中有多余的项 ${issue.keys.join('、')}，只能有 md 和 csv`;
  if (which === undefined) return `公告 ${id} 的记录应写成 {"md": "…", "csv": "…"}`;
  if (issue.code === 'invalid_type') return `公告 ${id} 的记录缺少 ${which} 校验值，或它不是文字`;
  return `公告 ${id} 的 ${which} 校验值应是 64 位十六进制数（0–9、a–f）`;
}

/** Node's JSON.parse messages (English) said in Chinese, with the line they point at. */
function jsonErrorText(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
  const where = line === undefined ? '' : `第 ${line} 行：`;
  const what =
    /Unexpected end of JSON input/.test(message) ? '文件在中途结束了（缺少右括号 } 或引号）'
    : /Unterminated string/.test(message) ? '引号没有闭合'
    : /Bad control character/.test(message) ? '引号内有换行或控制字符'
    : /Bad escaped character/.test(message) ? '引号内的反斜杠 \\ 后面是无效的字符'
    : /Expected property name|Expected double-quoted property name/.test(message) ? '这里应是用英文双引号括起的公告编号（最后一项后面不能有逗号）'
    : /Expected ':'/.test(message) ? '公告编号后面缺少冒号'
    : /Expected ',' or '}'/.test(message) ? '两项之间缺少逗号，或缺少右括号 }'
    : /non-whitespace character after JSON/.test(message) ? '在 JSON 对象结束之后还有多余的内容'
    : /number|minus|Exponent|fractional/i.test(message) ? '有不合规的数字'
    : '有不符合 JSON 格式的字符';
  return `不是有效的 JSON，${where}${what}`;
}

/**
 * The keys of JSON text that JSON.parse accepted, read once without recursion: the first key
 * repeated within one object (the later value would silently win), and the line of each key of
 * the outermost object.
 */
export function scanKeys(text: string): { duplicate?: { key: string; line: number; first: number }; topLines: Map<string, number> } {
  const stack: (Map<string, number> | null)[] = []; // per open object its keys, null for an array
  const topLines = new Map<string, number>();
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 123) {
      stack.push(new Map());
      expectKey = true;
    } else if (c === 91) {
      stack.push(null);
      expectKey = false;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44) expectKey = stack[stack.length - 1] != null;
    else if (c === 34) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string; // "a" and "\u0061" are one key
        const keys = stack[stack.length - 1]!;
        const first = keys.get(key);
        if (first !== undefined) return { duplicate: { key, line, first }, topLines };
        keys.set(key, line);
        if (stack.length === 1) topLines.set(key, line);
        expectKey = false;
      }
      i = j;
    }
  }
  return { topLines };
}

/** The bytes of one announcement's two files (undefined where a file is missing). */
export interface AnnouncementFiles {
  id: string;
  mdFile: string;
  csvFile: string;
  md?: Uint8Array | undefined;
  csv?: Uint8Array | undefined;
}

/** lock-mismatch for changed or vanished locked files; not-locked for new announcements. */
export function checkLock(lock: Lock, files: readonly AnnouncementFiles[]): Problem[] {
  const out: Problem[] = [];
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const id of Object.keys(lock).sort()) {
    const entry = lock[id]!;
    const f = byId.get(id);
    for (const which of ['md', 'csv'] as const) {
      const bytes = f?.[which];
      const year = /^(\d{4})-/.exec(id)?.[1] ?? '<年份>';
      const file = f ? (which === 'md' ? f.mdFile : f.csvFile) : `announcements/${year}/${id}.${which}`;
      if (bytes === undefined) out.push(problem('lock-mismatch', { file }, { value: id, which: `.${which}`, gone: 1 }));
      else if (sha256(bytes) !== entry[which]) out.push(problem('lock-mismatch', { file }, { value: id, which: `.${which}` }));
    }
  }
  for (const f of files) {
    if (!Object.hasOwn(lock, f.id)) out.push(problem('not-locked', { file: f.mdFile }, { value: f.id }));
  }
  return out;
}

/** `published.lock` at a git revision, to compare the lock with (`--base`). */
export interface BaseLock {
  /** The revision as given, e.g. origin/main. */
  revision: string;
  /** The lock's text at that revision; undefined when it had none. */
  text: string | undefined;
  /** The lock's path from the repository root, for the hint (git checkout <revision> -- <path>). */
  path: string;
}

/**
 * lock-rewritten: an entry of the lock at `base` (an announcement's hashes, or a reference of
 * published rows) that is missing or different now, or the lock gone. One problem per entry,
 * naming the announcement (or the reference).
 */
export function checkLockRewritten(base: BaseLock, now: ParsedLock | undefined): Problem[] {
  if (base.text === undefined) return [];
  const before = parseLock(base.text);
  if (before.problems.length > 0) return []; // a lock that was already broken protects nothing
  const out: Problem[] = [];
  const at = (id: string) => ({ file: LOCK_FILE, line: now?.lines.get(id) });
  const facts = { revision: base.revision, path: base.path };
  for (const id of Object.keys(before.lock).sort()) {
    const was = before.lock[id]!;
    const is = now?.lock[id];
    if (!now) out.push(problem('lock-rewritten', { file: LOCK_FILE }, { ...facts, value: id, gone: 1 }));
    else if (!is) out.push(problem('lock-rewritten', { file: LOCK_FILE }, { ...facts, value: id, removed: 1 }));
    else if (is.md !== was.md || is.csv !== was.csv) out.push(problem('lock-rewritten', at(id), { ...facts, value: id }));
  }
  const refs = before.references;
  if (refs) {
    const nowRefs = now?.references;
    const ref = (what: string, key: string, changed: boolean, gone: boolean) => {
      const value = `${REFERENCES_KEY} 中${what} ${key} 的记录`;
      if (!now) out.push(problem('lock-rewritten', { file: LOCK_FILE }, { ...facts, value, gone: 1 }));
      else if (gone) out.push(problem('lock-rewritten', at(REFERENCES_KEY), { ...facts, value, removed: 1 }));
      else if (changed) out.push(problem('lock-rewritten', at(REFERENCES_KEY), { ...facts, value }));
    };
    for (const [spelling, id] of Object.entries(refs.industries)) {
      const is = nowRefs?.industries[spelling];
      ref('行业', spelling, is !== id, is === undefined);
    }
    for (const [code, r] of Object.entries(refs.regions)) {
      const is = nowRefs?.regions[code];
      ref('地区', code, is === undefined || !sameRegion(is, r), is === undefined);
    }
  }
  return out;
}

/** Whether two records of a region say the same: name, parent and validity. */
export const sameRegion = (a: RegionReference, b: RegionReference) =>
  a.name === b.name && a.parent === b.parent && a.valid_from === b.valid_from && a.valid_to === b.valid_to;

/** The lock with every given announcement added (existing entries are never rewritten). */
export function extendLock(lock: Lock, files: readonly AnnouncementFiles[]): { lock: Lock; added: string[] } {
  const next: Lock = { ...lock };
  const added: string[] = [];
  for (const f of files) {
    if (f.id in next || !f.md || !f.csv) continue;
    next[f.id] = { md: sha256(f.md), csv: sha256(f.csv) };
    added.push(f.id);
  }
  const sorted: Lock = {};
  for (const id of Object.keys(next).sort()) sorted[id] = next[id]!;
  return { lock: sorted, added };
}

/** The lock file's text: the announcements in id order, then the references (if any). */
export const formatLock = (lock: Lock, references?: References) =>
  `${JSON.stringify(references ? { ...lock, [REFERENCES_KEY]: references } : lock, null, 2)}\n`;
