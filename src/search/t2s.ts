import * as OpenCC from 'opencc-js/t2cn';

let full: Map<string, string> | undefined;

/**
 * Traditional → Simplified, character by character, from OpenCC's tables (Traditional, Taiwan
 * and Hong Kong forms to mainland Simplified). Built once per process (about 0.2 s). The index
 * ships only the pairs whose Simplified side occurs in it (`shippedPairs`).
 */
export function traditionalToSimplified(): Map<string, string> {
  if (full) return full;
  const convert = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  full = new Map();
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const c = String.fromCodePoint(cp);
    for (const cv of convert) {
      const s = cv(c);
      if (s !== c && [...s].length === 1 && !full.has(c)) full.set(c, s);
    }
  }
  return full;
}

/** The pairs (Traditional then Simplified, concatenated) whose Simplified character is in `alphabet`. */
export function shippedPairs(map: ReadonlyMap<string, string>, alphabet: ReadonlySet<string>): string {
  let out = '';
  for (const [tc, sc] of map) if (alphabet.has(sc)) out += tc + sc;
  return out;
}
