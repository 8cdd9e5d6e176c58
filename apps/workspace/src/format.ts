/** Figures as people read them on the dashboard and in the policy preview. Null is "no data", never 0. */

export const NO_DATA = '—';

/** 0.183 → "18%"; under 10 % keeps one decimal ("4.5%"), so small rates do not all read "0%". */
export function pct(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return NO_DATA;
  const p = v * 100;
  if (p !== 0 && Math.abs(p) < 10) return `${Math.round(p * 10) / 10}%`;
  return `${Math.round(p)}%`;
}

/** A change in percentage points: +6 pts, −2.5 pts, no change. */
export function pts(delta: number): string {
  const p = Math.round(delta * 1000) / 10;
  if (p === 0) return 'no change';
  return `${p > 0 ? '+' : '−'}${Math.abs(p)} pts`;
}

/** Seconds as "45 s", "3.5 min", "2 h 05 min". */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return NO_DATA;
  const s = Math.max(0, seconds);
  if (s < 10) return `${Math.round(s * 10) / 10} s`;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 600) return `${Math.round(s / 6) / 10} min`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600);
  return `${h} h ${String(Math.round((s - h * 3600) / 60)).padStart(2, '0')} min`;
}

/** A CSAT average 1..5 with one decimal. */
export function score(v: number | null | undefined): string {
  return v === null || v === undefined ? NO_DATA : (Math.round(v * 10) / 10).toFixed(1);
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A signed whole-number change: +3, −1, 0. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}
