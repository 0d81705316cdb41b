import type { DeliveryOutcome } from '../domain/delivery.js';

/** One line for an operator: what happened to the items of one message. */
export function describeOutcome(outcome: DeliveryOutcome): string {
  const count = outcome.itemIds.length;
  const items = `${count} ${count === 1 ? 'item' : 'items'}`;
  const { result } = outcome;
  switch (result.status) {
    case 'delivered':
      return `delivered ${items}${result.detail === undefined ? '' : ` (${result.detail})`}`;
    case 'retry': {
      const after = result.retryAfterMs === undefined ? '' : ` in ${Math.ceil(result.retryAfterMs / 1000)} s or later`;
      return `not delivered, ${items} will be retried${after}: ${result.error}`;
    }
    case 'dead':
      return `rejected, ${items} will not be retried: ${result.error}`;
  }
}
