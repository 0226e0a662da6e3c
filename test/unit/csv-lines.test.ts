import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvStepwise } from '../../src/read/csv.ts';

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'b', ',', '\n', '\r', '"', ' ', '中', '\r\n'];
const normalise = (s: string) => s.replace(/\r\n?/g, '\n');

function randomInputs(seed: number, count: number, maxTokens: number): string[] {
  const rand = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(rand() * (maxTokens + 1));
    let s = '';
    for (let j = 0; j < n; j++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
    out.push(s);
  }
  return out;
}

describe('parseCsv (one-call fast path) agrees with parseCsvStepwise', () => {
  it('3000 random inputs over a, b, comma, LF, CR, CRLF, quote, space, 中', () => {
    const inputs = randomInputs(20250428, 3000, 60);
    let firstDiff: string | undefined;
    let differing = 0;
    let withErrors = 0;
    for (const input of inputs) {
      const step = parseCsvStepwise(normalise(input), Infinity);
      const fast = parseCsv(input);
      if (step.errors.length > 0) withErrors++;
      let same = true;
      try {
        expect(fast).toEqual(step);
      } catch {
        same = false;
      }
      if (!same) {
        differing++;
        firstDiff ??= `input ${JSON.stringify(input)}\n fast: ${JSON.stringify(fast)}\n step: ${JSON.stringify(step)}`;
      }
    }
    expect(firstDiff, `${differing} of ${inputs.length} inputs differ; first:\n${firstDiff}`).toBeUndefined();
    // The generator reaches both paths of parseCsv: well-formed text and text with quoting errors.
    expect(withErrors).toBeGreaterThan(100);
    expect(withErrors).toBeLessThan(inputs.length - 100);
  });

  it('hand-picked corner cases', () => {
    const cases = [
      '',
      '\n',
      '\r',
      '\r\n',
      '\n\n\n',
      'a',
      'a\n',
      'a\r\n\r\nb',
      '"a\nb"\nc',
      '"a\r\nb"\r\nc',
      '"a\rb"\rc',
      '""',
      '"\n"',
      '"\n"\n\n"\n"',
      ',\n,',
      ' \n ',
      'a,"b\n\nc",d\n\ne',
      '中,"中\n中"\n\n中',
    ];
    for (const input of cases) {
      expect(parseCsv(input), JSON.stringify(input)).toEqual(parseCsvStepwise(normalise(input), Infinity));
    }
  });
});

describe('parseCsv maxRecords', () => {
  it('stops after maxRecords and says the file has more', () => {
    const r = parseCsv('a\nb\nc\nd', 2);
    expect(r.records).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b'] },
    ]);
    expect(r.truncated).toBe(true);
    expect(r).toEqual(parseCsvStepwise('a\nb\nc\nd', 2));
  });

  it('exactly maxRecords records: not truncated', () => {
    const r = parseCsv('a\nb', 2);
    expect(r.records.length).toBe(2);
    expect(r.truncated).toBe(false);
    expect(r).toEqual(parseCsvStepwise('a\nb', 2));
  });

  it('blank lines between records do not count towards the limit', () => {
    const text = '\n\na\n\n\nb\n\nc\n\nd';
    const r = parseCsv(text, 2);
    expect(r.records).toEqual([
      { line: 3, cells: ['a'] },
      { line: 6, cells: ['b'] },
    ]);
    expect(r.truncated).toBe(true);
    expect(r).toEqual(parseCsvStepwise(text, 2));
    for (const n of [0, 1, 3, 4, 5]) {
      expect(parseCsv(text, n), `maxRecords ${n}`).toEqual(parseCsvStepwise(text, n));
    }
    expect(parseCsv(text, 3).records.length).toBe(3);
    expect(parseCsv(text, 3).truncated).toBe(true);
    expect(parseCsv(text, 4).records.length).toBe(4);
    expect(parseCsv(text, 4).truncated).toBe(false);
  });

  it('multi-line cells and CRLF with a limit that cuts the file agree with the stepwise parser', () => {
    const text = 'h1,h2\r\n"x\r\ny",1\r\n\r\n"p\r\n\r\nq",2\r\nz,3';
    for (const n of [0, 1, 2, 3, 4, 5]) {
      expect(parseCsv(text, n), `maxRecords ${n}`).toEqual(parseCsvStepwise(normalise(text), n));
    }
  });

  it('random inputs with small limits: the same records and errors as the stepwise parser', () => {
    const inputs = randomInputs(7, 1000, 40);
    let firstDiff: string | undefined;
    for (const input of inputs) {
      for (const n of [0, 1, 2, 3]) {
        const step = parseCsvStepwise(normalise(input), n);
        const fast = parseCsv(input, n);
        const a = JSON.stringify([fast.records, fast.errors]);
        const b = JSON.stringify([step.records, step.errors]);
        if (firstDiff === undefined && a !== b) {
          firstDiff = `input ${JSON.stringify(input)}, maxRecords ${n}\n fast: ${JSON.stringify(fast)}\n step: ${JSON.stringify(step)}`;
        }
      }
    }
    expect(firstDiff).toBeUndefined();
  });

  // `truncated` is documented as "Parsing stopped at maxRecords: the file has more". Exactly
  // maxRecords records followed only by a line break or blank lines: the file has no more.
  it('exactly maxRecords records then a trailing line break: not truncated, on both paths', () => {
    const wellFormed = 'a\nb\n';
    expect(parseCsv(wellFormed, 2).truncated).toBe(false);
    const verdicts = {
      'parseCsv(a\\nb\\n, 2)': parseCsv(wellFormed, 2).truncated,
      'parseCsvStepwise(a\\nb\\n, 2)': parseCsvStepwise(wellFormed, 2).truncated,
      'parseCsvStepwise(a\\nb\\n\\n\\n, 2)': parseCsvStepwise('a\nb\n\n\n', 2).truncated,
      // A quoting error sends parseCsv to the stepwise parser.
      'parseCsv(h\\n"a"b",1\\nc,2\\n, 3)': parseCsv('h\n"a"b",1\nc,2\n', 3).truncated,
    };
    expect(verdicts).toEqual(Object.fromEntries(Object.keys(verdicts).map((k) => [k, false])));
  });

  it('random inputs with small limits: truncated says whether more records follow', () => {
    const inputs = randomInputs(11, 1000, 40);
    let firstDiff: string | undefined;
    let differing = 0;
    for (const input of inputs) {
      const all = parseCsv(input).records.length;
      for (const n of [0, 1, 2, 3]) {
        const fast = parseCsv(input, n);
        if (fast.truncated !== all > n) {
          differing++;
          firstDiff ??= `input ${JSON.stringify(input)}, maxRecords ${n}: ${all} records in all, truncated ${fast.truncated}; errors ${JSON.stringify(fast.errors)}`;
        }
      }
    }
    expect(firstDiff, `${differing} (input, limit) pairs differ`).toBeUndefined();
  });
});

describe('long runs of lines', () => {
  it('300,000 blank lines before a record: one record, on its own line', () => {
    const text = `${'\n'.repeat(300_000)}a,b`;
    expect(parseCsv(text).records).toEqual([{ line: 300_001, cells: ['a', 'b'] }]);
    expect(parseCsv(text, 2)).toEqual({ records: [{ line: 300_001, cells: ['a', 'b'] }], errors: [], truncated: false });
    expect(parseCsvStepwise(text, Infinity).records).toEqual([{ line: 300_001, cells: ['a', 'b'] }]);
  });

  it('more lines than records allowed: stops at the limit', () => {
    const text = 'a\n'.repeat(300_000);
    const r = parseCsv(text, 5);
    expect(r.truncated).toBe(true);
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 3, 4, 5]);
  });
});

