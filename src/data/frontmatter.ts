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
  const src = text.replace(/\r\n?/g, '\n');
  if (!src.startsWith('---\n')) return { ok: false, reason: 'missing' };
  const close = src.search(/\n---[ \t]*(\n|$)/);
  if (close < 0) return { ok: false, reason: 'missing' };
  const yamlText = src.slice(4, close + 1);
  const afterClose = src.indexOf('\n', close + 1);
  const body = afterClose < 0 ? '' : src.slice(afterClose + 1);
  const yamlLines = yamlText.split('\n').length - 1;
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
