// Most of a watch's ads vanishing from one complete scrape is far more often a page the site changed (a list cut
// short, a filter dropped) than a sell-out. Such a run is held as a suspected layout change instead of being
// recorded, until it has been seen often enough in a row to be believed.
import type { WatchCheckState } from './watch.js';

/**
 * The fewest active ads for which a disappearance of more than half of them in one run is held as a suspected
 * layout change. Below it, two of three ads selling at once is ordinary.
 */
export const MASS_DISAPPEARANCE_MIN_ACTIVE = 4;

/**
 * Consecutive runs a mass disappearance is held before it is believed: ads that really sold out at once are
 * recorded as missing on the run after this many warnings.
 */
export const MASS_DISAPPEARANCE_HELD_RUNS = 3;

/** True when the watch's last checks held a mass disappearance often enough that the next one is believed. */
export function believesMassDisappearance(
  lastCheck: Pick<WatchCheckState, 'errorKind' | 'consecutiveFailures'>,
): boolean {
  return (
    lastCheck.errorKind === 'suspected_layout_change' && lastCheck.consecutiveFailures >= MASS_DISAPPEARANCE_HELD_RUNS
  );
}

/** The warning for a held disappearance of `missing` of `active` ads. */
export function describeMassDisappearance(held: { missing: number; active: number }): string {
  return (
    `${held.missing} of ${held.active} ads are missing from the page at once: suspected layout change, ` +
    `nothing marked gone (believed after ${MASS_DISAPPEARANCE_HELD_RUNS} runs in a row)`
  );
}
