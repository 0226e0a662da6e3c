/**
 * How the work of a step grows with its input, measured inside one test: the step on an input and
 * on one `FACTOR` times larger, in turn, the best of `rounds` each. Measured in CPU time of this
 * process (process.cpuUsage), not wall time: the machine is shared, and other processes' load
 * does not count. A step that takes under 20 ms on the small input is measured over as many
 * repetitions as make 20 ms, on both inputs alike. Linear work gives a ratio near FACTOR,
 * quadratic near its square; tests assert the ratio is well below the square, never a time.
 */
export function growth(small: () => unknown, large: () => unknown, rounds = 5): number {
  small();
  large(); // compiled and warmed up
  const once = cpu(small, 1);
  const repeat = Math.max(1, Math.ceil(20 / Math.max(once, 0.01)));
  let a = Infinity;
  let b = Infinity;
  for (let i = 0; i < rounds; i++) {
    a = Math.min(a, cpu(small, repeat));
    b = Math.min(b, cpu(large, repeat));
  }
  return b / a;
}

/** CPU milliseconds (user and system) of `repeat` calls of `f`. */
function cpu(f: () => unknown, repeat: number): number {
  const start = process.cpuUsage();
  for (let k = 0; k < repeat; k++) f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** Inputs 8× apart: linear work is about 8× slower on the larger, quadratic about 64×. */
export const FACTOR = 8;
/** Half the square: room for a noisy machine, the garbage collector and the compiler. */
export const LINEAR_AT_MOST = 32;
