/** Steps a reader takes in at a glance: 1, 2, 2.5 and 5 times a power of ten. */
const ROUND_FACTORS = [1, 2, 2.5, 5, 10];

/** The smallest round step (1, 2, 2.5 or 5 times a power of ten) at least `raw`; never under 1. */
export function roundStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const factor = ROUND_FACTORS.find((candidate) => candidate * magnitude >= raw) ?? 10;
  return factor * magnitude;
}
