import type { DeliveryOutcome } from '../domain/delivery.js';

/** One line for an operator: what a target answered to one message; nothing about queues, which it cannot know. */
export function describeOutcome(outcome: DeliveryOutcome): string {
  const { result } = outcome;
  switch (result.status) {
    case 'delivered':
      return `delivered${result.detail === undefined ? '' : ` (${result.detail})`}`;
    case 'retry': {
      const wait =
        result.retryAfterMs === undefined
          ? ''
          : `; the service asks to wait ${Math.ceil(result.retryAfterMs / 1000)} s`;
      return `not delivered, worth trying again later: ${result.error}${wait}`;
    }
    case 'dead':
      return `rejected: ${result.error}`;
  }
}
