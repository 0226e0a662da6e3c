/** templates/<kind>.csv: a kind's Chinese headers in schema order and one example row. */
import { KINDS, TABLE_SCHEMAS, type Kind } from '../schema/announcement.ts';
import { columnsOf } from '../schema/column.ts';
import { csvText } from './csv-text.ts';
import { EXAMPLE_ROWS } from './examples.ts';

export function templateCsv(kind: Kind): string {
  const cols = columnsOf(TABLE_SCHEMAS[kind]);
  const example = EXAMPLE_ROWS[kind];
  const unknown = Object.keys(example).filter((k) => !cols.some((c) => c.name === k));
  if (unknown.length) throw new Error(`example row of ${kind} has no column ${unknown.join(', ')}`);
  return csvText([cols.map((c) => c.meta.zh), cols.map((c) => example[c.name] ?? '')]);
}

/** Every template, path relative to the repository → content. */
export function templateFiles(): Map<string, string> {
  return new Map(KINDS.map((k) => [`templates/${k}.csv`, templateCsv(k)]));
}
