import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

export interface FrontMatter {
  /** The YAML as plain data (YAML 1.2 core schema: unquoted dates stay strings). */
  data: Record<string, unknown>;
  /** Physical line in the .md of each top-level key. */
  keyLines: Record<string, number>;
  /** Markdown after the closing `---`. */
  body: string;
  /** Physical line of the first line of `body`. */
  bodyLine: number;
}

export type FrontMatterResult =
  | { ok: true; value: FrontMatter }
  | { ok: false; reason: 'missing' }
  /** `line` is the physical line in the .md (the opening `---` is line 1). */
  | { ok: false; reason: 'syntax'; line: number; detail: string };

/** Splits `---`-fenced YAML front matter from a Markdown file and parses it, keeping key lines. */
export function parseFrontMatter(text: string): FrontMatterResult {
  const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!src.startsWith('---\n')) return { ok: false, reason: 'missing' };
  const close = src.search(/\n---[ \t]*(\n|$)/);
  if (close < 0) return { ok: false, reason: 'missing' };
  const yamlText = src.slice(4, close + 1);
  const afterClose = src.indexOf('\n', close + 1);
  const body = afterClose < 0 ? '' : src.slice(afterClose + 1);
  const yamlLines = yamlText.split('\n').length - 1;
  // Most front matter is flat `key: value` lines; read those directly (the YAML library costs
  // tens of microseconds an announcement, which adds up over a national record).
  const flat = parseFlatYaml(yamlText);
  if (flat) return { ok: true, value: { data: flat.data, keyLines: flat.keyLines, body, bodyLine: yamlLines + 3 } };
  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml library's warnings would go to stderr as process warnings.
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = lineCounter.linePos(e.pos[0]).line + 1;
    return { ok: false, reason: 'syntax', line, detail: e.message.split('\n')[0]! };
  }
  const keyLines: Record<string, number> = Object.create(null) as Record<string, number>; // a key may be __proto__
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { ok: false, reason: 'syntax', line: 2, detail: '前置信息应是“字段: 值”的列表' };
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        keyLines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line + 1;
      }
    }
  }
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS() ?? {}) as Record<string, unknown>;
  } catch {
    // The yaml library refuses to expand aliases (&a … *a) without bound.
    return { ok: false, reason: 'syntax', line: 2, detail: '别名（& 与 *）展开过多' };
  }
  return { ok: true, value: { data, keyLines, body, bodyLine: yamlLines + 3 } };
}

const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Characters a YAML line may not hold in a flat value (what `.` in a regular expression does not match). */
const LINE_BREAKS = /[\n\r\u2028\u2029]/;

/**
 * `key: value` split as /^([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]+(.*))?$/ would (without the regular
 * expression's match arrays, on every line of every announcement); undefined when it does not fit.
 */
function splitKeyValue(line: string): [string, string] | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const key = line.slice(0, colon);
  if (!KEY_NAME.test(key)) return undefined;
  if (colon === line.length - 1) return [key, ''];
  let at = colon + 1;
  let c = line.charCodeAt(at);
  if (c !== 32 && c !== 9) return undefined;
  while (c === 32 || c === 9) c = line.charCodeAt(++at);
  const raw = line.slice(at);
  return LINE_BREAKS.test(raw) ? undefined : [key, raw];
}
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** A plain scalar this reader may resolve: no YAML indicator at its start, no comment or mapping inside. */
const PLAIN = /^[^-?:,[\]{}#&*!|>'"%@`\s](?:(?![ \t]#|:[ \t]|:$)[^\t])*$/;

/**
 * Front matter made only of `key: scalar` lines, resolved as the YAML library's core schema does
 * (unquoted 2025-04-28 stays a string, 421202 is an integer). Anything else — nesting, lists,
 * flow collections, comments, escapes, anchors, repeated keys — returns undefined, and the YAML
 * library reads it. test/unit/frontmatter.test.ts checks both readers agree.
 */
export function parseFlatYaml(yamlText: string): { data: Record<string, unknown>; keyLines: Record<string, number> } | undefined {
  // Plain objects (null-prototype ones are hash tables in V8, slow to fill): a `__proto__` key
  // is left to the YAML library, and repeated keys are found with Object.hasOwn.
  const data: Record<string, unknown> = {};
  const keyLines: Record<string, number> = {};
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const last = line.charCodeAt(line.length - 1);
    // Only a line that is empty or may end in white space (any last character but printable ASCII) can be blank or need trimming.
    if (line === '' || last <= 32 || last > 127) {
      if (line.trim() === '') continue;
      line = line.replace(/[ \t]+$/, '');
    }
    const kv = splitKeyValue(line);
    if (!kv || kv[0] === '__proto__' || Object.hasOwn(keyLines, kv[0])) return undefined;
    const [key, raw] = kv;
    const first = raw.charCodeAt(0);
    let value: unknown;
    // Double-quoted without escapes, the commonest form, first.
    if (first === 34 /* " */) {
      if (raw.length < 2 || raw.charCodeAt(raw.length - 1) !== 34 || raw.indexOf('"', 1) !== raw.length - 1 || raw.includes('\\')) return undefined;
      value = raw.slice(1, -1);
    } else if (raw === '' || NULLS.has(raw)) value = null;
    else if (TRUES.has(raw)) value = true;
    else if (FALSES.has(raw)) value = false;
    else if (INT.test(raw)) value = Number(raw);
    else if (FLOAT.test(raw)) value = Number(raw);
    else if (/^'[^']*'$/.test(raw)) value = raw.slice(1, -1);
    else if (PLAIN.test(raw) && !/^(0x|0o|\.inf|\.nan|[-+]\.inf)/i.test(raw)) value = raw;
    else return undefined;
    if (value === null) {
      // `key:` alone may open a nested block on the next lines: leave that to the YAML library.
      if (raw === '' && i + 1 < lines.length && /^[ \t-]/.test(lines[i + 1]!)) return undefined;
    }
    data[key] = value;
    keyLines[key] = i + 2;
  }
  return { data, keyLines };
}
