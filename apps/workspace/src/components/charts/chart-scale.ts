/** The width of a chart's drawing in CSS pixels at 1:1, and the room left around its plot. */
export const W = 640;
export const PAD = { top: 16, right: 56, bottom: 44, left: 56 };

/** The smallest "nice" number (1, 2, 2.5, 5 × 10^n) at or above `v`. */
function niceStep(v: number): number {
  const exp = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * exp).find((m) => m >= v - 1e-12) ?? 10 * exp;
}

/** The top of an axis with `ticks` equal steps, each a nice number (whole for counts), at or above `v`. */
export function niceMax(v: number, integer = false, ticks = 4): number {
  if (!(v > 0)) return integer ? ticks : 1;
  const step = niceStep(v / ticks);
  return (integer ? Math.max(1, Math.ceil(step)) : step) * ticks;
}

/** Up to `max` indices spread evenly over `n`, always including the first and the last. */
export function spread(n: number, max: number): number[] {
  if (n <= max) return [...Array(n).keys()];
  const step = (n - 1) / (max - 1);
  return [...new Set([...Array(max).keys()].map((i) => Math.round(i * step)))];
}
