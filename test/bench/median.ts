// The estimator every bench part reports: the middle value (the upper middle for an even count, 0 for none).
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
