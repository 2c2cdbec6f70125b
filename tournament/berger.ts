// Round robin by Berger tables (the circle method): every pair meets once per cycle, and home and
// away alternate so each team's home count stays within one of its away count.

/** Rounds of [home, away] index pairs for n teams; with an odd n one team rests each round. */
export function bergerRounds(n: number): Array<Array<[number, number]>> {
  if (n < 2) return [];
  const m = n % 2 === 0 ? n : n + 1; // a dummy team m-1 means "rests" when n is odd
  const fixed = m - 1;
  const rounds: Array<Array<[number, number]>> = [];
  for (let r = 0; r < m - 1; r++) {
    const ring = Array.from({ length: m - 1 }, (_, i) => (i + r) % (m - 1));
    const pairs: Array<[number, number]> = [];
    // The fixed team swaps sides every round; the others alternate by round and by table row,
    // which is what keeps everyone's home/away count balanced.
    const first: [number, number] = r % 2 === 0 ? [ring[0]!, fixed] : [fixed, ring[0]!];
    pairs.push(first);
    for (let k = 1; k < m / 2; k++) {
      const a = ring[k]!;
      const b = ring[m - 1 - k]!;
      pairs.push(k % 2 === 1 ? [b, a] : [a, b]);
    }
    rounds.push(pairs.filter(([h, a]) => h < n && a < n));
  }
  return rounds;
}

/** Double round robin: the second cycle replays the first with sides swapped. */
export function doubleBergerRounds(n: number): Array<Array<[number, number]>> {
  const first = bergerRounds(n);
  return [...first, ...first.map((round) => round.map(([h, a]) => [a, h] as [number, number]))];
}
