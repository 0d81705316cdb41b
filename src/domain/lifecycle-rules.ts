import type { LifecycleEvent } from './events.js';
import { type CompiledFilter, filterAd } from './filter-ad.js';
import type { LifecycleRules } from './watch-rules.js';

/**
 * The lifecycle events worth a notification: those the watch's rules switch on, for ads its filters keep. An ad
 * the filters drop was never news, so its coming and going is not either.
 */
export function pickLifecycleEvents(
  events: readonly LifecycleEvent[],
  rules: Required<LifecycleRules>,
  filters: readonly CompiledFilter[],
): LifecycleEvent[] {
  return events.filter((event) => rules[event.type] && filterAd(filters, event.ad).keep);
}
