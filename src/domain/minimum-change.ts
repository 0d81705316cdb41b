import { formatForint } from './forint.js';
import type { MinimumChange } from './watch-rules.js';

/** The largest amount in forints a rule accepts, as the filter's price bounds do. */
export const MAX_RULE_FORINTS = 999_999_999;

/** A minimum change read from text, or why it cannot be one (with an example of what can). */
export type ParsedMinimumChange = { ok: true; value: MinimumChange } | { ok: false; problem: string };

const EXAMPLES = 'write a share of the old price such as 5% or an amount in forints such as 2000 or "2 000 Ft"';

/**
 * Read a minimum price change: "5%", "5 %", "2.5%" (a share of the old price), or "2000", "2 000", "2000 Ft"
 * (forints). Zero, negative amounts and shares over 100 % are refused: none of them can mean a smaller drop.
 */
export function parseMinimumChange(text: string): ParsedMinimumChange {
  // Digit groups are often pasted with non-breaking or thin spaces.
  const compact = text.replace(/[\s\u00a0\u202f]+/g, '').toLowerCase();
  const percent = /^(-?\d+(?:[.,]\d+)?)%$/.exec(compact);
  if (percent?.[1] !== undefined) {
    const value = Number(percent[1].replace(',', '.'));
    if (value <= 0 || value > 100) {
      return { ok: false, problem: `a share of the old price must be over 0 % and at most 100 %, got "${text}"` };
    }
    return { ok: true, value: { percent: value } };
  }
  const forints = /^(-?\d+)(?:ft|huf)?$/.exec(compact);
  if (forints?.[1] !== undefined) {
    const value = Number(forints[1]);
    if (value <= 0 || value > MAX_RULE_FORINTS) {
      return { ok: false, problem: `an amount must be from 1 to ${MAX_RULE_FORINTS} Ft, got "${text}"` };
    }
    return { ok: true, value: { forints: value } };
  }
  return { ok: false, problem: `"${text}" is not a minimum change: ${EXAMPLES}` };
}

/** Write a minimum change for people: "5 %" or "2 000 Ft". */
export function describeMinimumChange(change: MinimumChange): string {
  return 'percent' in change ? `${change.percent} %` : formatForint(change.forints);
}

/**
 * Write a minimum change as the config file's `rules` take it: "5%" or 2000. A share is written without an
 * exponent, which the reader would refuse ("1e-7%"), so that every stored value reads back the same.
 */
export function writeMinimumChange(change: MinimumChange): string | number {
  return 'percent' in change ? `${plainDecimal(change.percent)}%` : change.forints;
}

/** A number as plain decimal digits: 1e-7 becomes "0.0000001"; numbers without an exponent are left as they are. */
export function plainDecimal(value: number): string {
  const text = String(value);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e-(\d+)$/.exec(text);
  if (exponent === null) return text;
  const [, sign = '', first = '', rest = '', places = '0'] = exponent;
  return `${sign}0.${'0'.repeat(Number(places) - 1)}${first}${rest}`;
}
