import type { Ad } from './ad.js';
import type { AdChange } from './diff-ads.js';
import type { EffectiveRules } from './effective-rules.js';
import { formatForint } from './forint.js';
import { describeMinimumChange } from './minimum-change.js';
import type { ScreenedChanges } from './screen-changes.js';
import type { MinimumChange } from './watch-rules.js';

/** The rules a price change is judged by. */
export type PriceRules = Pick<EffectiveRules, 'priceChanges' | 'minDrop' | 'below'>;

/** Notify a price change (saying whether it crossed the `below` target), or hold it back and say which rule did. */
export type PriceVerdict = { notify: true; crossedBelow: number | null } | { notify: false; rule: string };

/** Shown in front of every rule that held a change back, as filters show "watch:" or "global:". */
const RULE_LABEL = 'rules';

/**
 * Judge one price change. A fall under the `below` target notifies whatever its size and whatever `priceChanges`
 * says; a crossing is a change from at or over the target to under it, so later drops under it are judged like any
 * other, and a rise back over followed by a new fall is a new crossing. A change of price kind ("Csere" →
 * "40 000 Ft") notifies only under `all`. Otherwise `priceChanges` decides, then `minDrop` (a share of the old
 * price, or forints; under `all` it is the smallest rise too).
 */
export function judgePriceChange(
  previous: Pick<Ad, 'price' | 'priceKind'>,
  now: Pick<Ad, 'price' | 'priceKind'>,
  rules: PriceRules,
): PriceVerdict {
  const before = previous.priceKind === 'fixed' ? previous.price : null;
  const after = now.priceKind === 'fixed' ? now.price : null;
  if (before === null || after === null) {
    return rules.priceChanges === 'all'
      ? { notify: true, crossedBelow: null }
      : { notify: false, rule: `${RULE_LABEL}: price kind change (priceChanges ${rules.priceChanges})` };
  }
  if (rules.below !== null && before >= rules.below && after < rules.below) {
    return { notify: true, crossedBelow: rules.below };
  }
  if (rules.priceChanges === 'none') return { notify: false, rule: `${RULE_LABEL}: priceChanges none` };
  const rise = after > before;
  if (rise && rules.priceChanges === 'drops')
    return { notify: false, rule: `${RULE_LABEL}: price rise (priceChanges drops)` };
  if (rules.minDrop !== null && !reachesMinimum(before, after, rules.minDrop)) {
    const change = Math.abs(after - before);
    // Rounded down, so a change just under the minimum never reads as equal to it.
    const share = before > 0 ? ` (${Math.floor((change / before) * 1000) / 10} %)` : '';
    const what = rise ? 'rise' : 'drop';
    return {
      notify: false,
      rule: `${RULE_LABEL}: ${what} of ${formatForint(change)}${share} under minDrop ${describeMinimumChange(rules.minDrop)}`,
    };
  }
  return { notify: true, crossedBelow: null };
}

/**
 * Apply the price rules to the changes that passed the filters: a held-back change joins the filtered ones. A change
 * that brought the ad under a filter's maxPrice always passes: the filter held the ad back until now, so the user has
 * never heard of it, and this is the news they set the bound for.
 */
export function applyPriceRules(screened: ScreenedChanges, rules: PriceRules): ScreenedChanges {
  const result: ScreenedChanges = { changes: [], filtered: [...screened.filtered] };
  for (const change of screened.changes) {
    if (change.type !== 'price_changed' || change.nowUnderLimit !== undefined) {
      result.changes.push(change);
      continue;
    }
    const verdict = judgePriceChange(change.previous, change.ad, rules);
    if (!verdict.notify) result.filtered.push({ change, rule: verdict.rule });
    else result.changes.push(withCrossing(change, verdict.crossedBelow));
  }
  return result;
}

function withCrossing(change: AdChange & { type: 'price_changed' }, crossedBelow: number | null): AdChange {
  return crossedBelow === null ? change : { ...change, crossedBelow };
}

/** The change is at least the minimum: exactly the minimum notifies. */
function reachesMinimum(before: number, after: number, minimum: MinimumChange): boolean {
  const change = Math.abs(after - before);
  if ('forints' in minimum) return change >= minimum.forints;
  // Compared without dividing, so 5 % of 100 000 Ft is exactly 5 000 Ft, and any change from 0 Ft (an infinite
  // share) reaches every minimum.
  return change * 100 >= minimum.percent * before - 1e-9;
}

/** A share rounded to one decimal, without a trailing ".0". */
export function roundShare(share: number): string {
  return String(Math.round(share * 10) / 10);
}
