/**
 * Ids for lists that have none. Older lists number their rows (序号) but give lines no id, and the
 * numbering restarts in every section and every year, so it cannot be a line's id. An imported
 * line's id is made from what identifies the line instead:
 *
 *   L + the first 12 hexadecimal digits of SHA-256("<enterprise>|<region code>|<equipment>")
 *
 * where enterprise and equipment are compared as the validator compares identities (NFKC,
 * full-width folded, lower case, spaces and punctuation removed). Importing the same list twice
 * gives the same ids; the same line in next year's list, or in the completion list, gets the same
 * id when its name, region and equipment read the same. Rows that are identical in all three get
 * -2, -3 … in the order they appear. A red or yellow card's id is made the same way from
 * C + enterprise, region, colour, category and date.
 */
import { createHash } from 'node:crypto';
import { matchKey } from '../text/normalize.ts';

export const identityKey = (s: string) => matchKey(s.normalize('NFKC'));

const hash = (parts: readonly string[]) => createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 12);

export function lineId(enterprise: string, region: string, equipment: string): string {
  return `L${hash([identityKey(enterprise), region, identityKey(equipment)])}`;
}

export function cardId(enterprise: string, region: string, card: string, dimension: string, issued: string): string {
  return `C${hash([identityKey(enterprise), region, card, dimension, issued])}`;
}

/** Makes ids unique in order of appearance: the second L…abc becomes L…abc-2. */
export function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}
