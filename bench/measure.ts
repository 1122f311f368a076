/** Timing and memory helpers for the benchmark's child processes. */
export interface Measured<T> {
  value: T;
  ms: number;
}

export function time<T>(fn: () => T): Measured<T> {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

/** Peak resident set size of this process so far, MB (getrusage maxrss). */
export function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function rssMB(): number {
  return Math.round(process.memoryUsage().rss / 1048576);
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
