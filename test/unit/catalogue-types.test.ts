/**
 * Each problem code's message parameters are typed (src/problems/catalogue.ts): `problem()` takes
 * exactly the facts the code's messages quote. The lines marked @ts-expect-error are checked by the
 * type check (npm run typecheck): it fails if any of them compiles.
 */
import { describe, expect, it } from 'vitest';
import { problem } from '../../src/problems/catalogue.ts';

describe('typed parameters of problem codes', () => {
  it('a code is given the facts its message quotes', () => {
    const p = problem('year-mismatch', { file: 'announcements/2024/a.md', line: 5, column: 'year' }, { value: 2025, dir: 'announcements/2024/' });
    expect(p.message).toBe('公告放在 announcements/2024/ 目录中，但 year 是 “2025”');
    expect(problem('empty-file', { file: 'a.csv' }).message).toBe('文件是空的');
  });

  it('a misspelt or missing fact does not compile', () => {
    const where = { file: 'a.md' };
    // @ts-expect-error: year-mismatch quotes `dir`, which is missing
    expect(() => problem('year-mismatch', where, { value: 2025 })).not.toThrow();
    // @ts-expect-error: bad-id takes `value`, not `valeu`
    expect(() => problem('bad-id', where, { valeu: 'X' })).not.toThrow();
    // @ts-expect-error: a fact is text or a number
    expect(() => problem('bad-id', where, { value: ['X'] })).not.toThrow();
  });
});
