import { isCollection, isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Node as YamlNode, type YAMLError } from 'yaml';

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
  // Front matter is a few short fields; past this the text cannot be front matter of an
  // announcement, and the YAML library (whose time per character is high for nested and flow
  // collections) is not given it.
  if (yamlText.length > MAX_FRONT_MATTER) return { ok: false, reason: 'syntax', line: 2, detail: `前置信息超过 ${MAX_FRONT_MATTER / 1024} KB（两个 --- 之间只写字段，长的文字请写在第二个 --- 之后的正文里）` };
  // Most front matter is flat `key: value` lines; read those directly (the YAML library costs
  // tens of microseconds an announcement, which adds up over a national record).
  const flat = parseFlatYaml(yamlText);
  if (flat) return { ok: true, value: { data: flat.data, keyLines: flat.keyLines, body, bodyLine: yamlLines + 3 } };
  const nesting = flowDepth(yamlText);
  if (nesting.depth > MAX_FLOW_DEPTH) return { ok: false, reason: 'syntax', line: nesting.line, detail: `方括号或花括号嵌套超过 ${MAX_FLOW_DEPTH} 层` };
  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + 1;
  // logLevel 'error': the yaml library's warnings would go to stderr as process warnings.
  // uniqueKeys off: the library compares each key with every earlier one of its map (quadratic
  // in a map of many keys); repeated keys are found below, in one pass.
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { ok: false, reason: 'syntax', line: lineOf(e.pos[0]), detail: yamlErrorText(e) };
  }
  const keyLines: Record<string, number> = Object.create(null) as Record<string, number>; // a key may be __proto__
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { ok: false, reason: 'syntax', line: 2, detail: '前置信息应是“字段: 值”的列表' };
  }
  const unusual = tagsAndRepeatedKeys(doc.contents, lineOf);
  if (unusual) return { ok: false, reason: 'syntax', ...unusual };
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        keyLines[String(pair.key.value)] = lineOf(pair.key.range[0]);
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

/** Characters of front matter (between the two ---) at most: a correction note of 2,000 characters and many sources fit many times. */
export const MAX_FRONT_MATTER = 64 * 1024;

/** Deeper nesting of [ ] and { } than front matter ever needs; the yaml library recurses per level. */
const MAX_FLOW_DEPTH = 64;

/** The deepest nesting of [ ] and { } in YAML text (quotes not told apart: a guard, not a parser), and the line where it is reached. */
function flowDepth(text: string): { depth: number; line: number } {
  let depth = 0;
  let max = 0;
  let line = 1;
  let maxLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 91 || c === 123) {
      if (++depth > max) {
        max = depth;
        maxLine = line;
      }
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return { depth: max, line: maxLine + 1 }; // the .md line: the opening --- is line 1
}

/**
 * An explicit YAML tag (`!!binary`, `!foo`: front matter holds plain text, numbers and dates), or a
 * key repeated in one mapping, with the line it is on; every node is visited once, without
 * recursion.
 */
function tagsAndRepeatedKeys(root: unknown, lineOf: (offset: number) => number): { line: number; detail: string } | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!isNode(n)) continue;
    const node = n as YamlNode;
    if (node.tag !== undefined) {
      const tag = node.tag.startsWith('tag:yaml.org,2002:') ? `!!${node.tag.slice(18)}` : node.tag;
      return { line: lineOf(node.range?.[0] ?? 0), detail: `不能使用 YAML 标签 ${tag}；前置信息的值直接写文字、数字或日期即可` };
    }
    if (!isCollection(node)) continue;
    const seen = isMap(node) ? new Map<string, number>() : undefined;
    for (const item of node.items) {
      if (!seen || !isPair(item) || !isScalar(item.key)) continue;
      const key = String(item.key.value);
      const line = lineOf(item.key.range?.[0] ?? 0);
      const first = seen.get(key);
      if (first !== undefined) return { line, detail: `字段 ${key} 出现了两次（第 ${first} 行和第 ${line} 行）；每个字段只能写一次，请删去多余的一行` };
      seen.set(key, line);
    }
    // In document order: the last item is visited last.
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i];
      if (isPair(item)) stack.push(item.value, item.key);
      else stack.push(item);
    }
  }
  return undefined;
}

/** The yaml library's errors, said in Chinese (its messages are English). */
function yamlErrorText(e: YAMLError): string {
  if (/call stack/i.test(e.message)) return '嵌套层数过多';
  switch (e.code) {
    case 'MISSING_CHAR':
      return /quote/.test(e.message) ? '引号没有闭合' : /map values/.test(e.message) ? '字段名后面缺少冒号' : '缺少结束的括号、引号或冒号';
    case 'BAD_INDENT':
      return /Flow (sequence|map)/.test(e.message) ? '方括号或花括号没有闭合，或其中的换行缩进不够' : '缩进不对：同一级的字段要左对齐，下一级要多缩进';
    case 'TAB_AS_INDENT':
      return '不能用制表符缩进，请用空格';
    case 'BAD_DQ_ESCAPE':
      return '双引号中的反斜杠 \ 后面是无效的字符；要写反斜杠本身，请写两个 \\，或改用单引号';
    case 'BAD_SCALAR_START':
      return '值不能以 @ 或 ` 开头，请把整个值用英文双引号括起来';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return '一行里出现了两个“字段: 值”；值中含有冒号加空格时，请把整个值用英文双引号括起来';
    case 'BLOCK_IN_FLOW':
      return '方括号或花括号里不能再换行写列表';
    case 'MULTIPLE_DOCS':
      return '前置信息中有多余的 ---；前置信息只能有一段，以第一行的 --- 开始，以下一个 --- 结束';
    case 'BAD_ALIAS':
      return '别名（*）指向的锚点（&）不存在';
    case 'ALIAS_PROPS':
    case 'BAD_PROP_ORDER':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
      return '锚点（&）或标签（!）的写法不对；前置信息不需要它们';
    case 'RESOURCE_EXHAUSTION':
      return '别名（& 与 *）展开过多';
    case 'BAD_DIRECTIVE':
      return '不认识的 % 指令；前置信息不需要它';
    case 'KEY_OVER_1024_CHARS':
      return '字段名太长';
    case 'NON_STRING_KEY':
      return '字段名必须是文字';
    case 'DUPLICATE_KEY':
      return '有重复的字段';
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return '不能使用 YAML 标签；前置信息的值直接写文字、数字或日期即可';
    case 'UNEXPECTED_TOKEN':
      return '有多余的或位置不对的字符（如值中的冒号、# 或引号）；值中有这些符号时，请把整个值用英文双引号括起来';
    default:
      return '格式有误';
  }
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
      // By hand: /[ \t]+$/ retries from every space of a run that is not at the end (quadratic).
      let end = line.length;
      while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
      if (end < line.length) line = line.slice(0, end);
      if (line === '' || line.trim() === '') continue;
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
