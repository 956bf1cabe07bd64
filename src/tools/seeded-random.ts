// Seeded randomness for the sample-data generators, so the same seed always writes the same files.

/** mulberry32: a tiny seeded PRNG, so the output never depends on Math.random. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export const randomInt = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** Draws items with probability proportional to their weights (binary search over the running totals). */
export function weightedPicker<T>(items: readonly T[], weights: readonly number[]): (random: Random) => T {
  const totals = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight;
    totals[i] = sum;
  });
  return (random) => {
    const target = random() * sum;
    let lo = 0;
    let hi = totals.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (totals[mid]! <= target) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}
