/** What a target answered to one message. */
export type DeliveryResult =
  | { status: 'delivered'; detail?: string }
  /** Worth another try: a 5xx, a 429, a network error or a timeout. */
  | { status: 'retry'; error: string; retryAfterMs?: number }
  /** Will never succeed as sent: a 4xx other than 429, or a target that cannot be used. */
  | { status: 'dead'; error: string };

/** The result for the outbox rows that travelled in one message. */
export interface DeliveryOutcome {
  itemIds: number[];
  result: DeliveryResult;
}
