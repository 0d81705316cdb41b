/** A number read from text a user typed, or the problem with it, in the same words wherever it was typed. */
export type ReadNumber = { ok: true; value: number } | { ok: false; problem: string };

const MAX_ID = 2 ** 31 - 1;

/** Read a watch id: a positive whole number. */
export function readWatchId(value: string): ReadNumber {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed))
    return { ok: false, problem: `expected a watch id (a positive whole number), got ${show(value)}.` };
  const id = Number(trimmed);
  if (id < 1 || id > MAX_ID)
    return { ok: false, problem: `expected a watch id between 1 and ${MAX_ID}, got ${show(value)}.` };
  return { ok: true, value: id };
}

/** Read a whole number within bounds. */
export function readWholeNumber(value: string, min: number, max: number): ReadNumber {
  const trimmed = value.trim();
  const parsed = /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isNaN(parsed) || parsed < min || parsed > max) {
    return { ok: false, problem: `expected a whole number from ${min} to ${max}, got ${show(value)}.` };
  }
  return { ok: true, value: parsed };
}

/** A value quoted for a message, cut so a pasted essay stays one short line. */
export function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}
