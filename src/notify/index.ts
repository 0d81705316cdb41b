export {
  type Channel,
  maskSecretsInText,
  maskTarget,
  type NotificationTarget,
  parseTarget,
} from '../domain/notification-target.js';
export type { AdSummary, ItemKind } from './ad-summary.js';
export { describeOutcome } from './describe-outcome.js';
export { SIGNATURE_HEADER, signBody } from './encode.js';
export { formatAmount, formatPrice, formatPriceChange, PRICE_SPACE } from './format-price.js';
export { IDEMPOTENCY_HEADER } from './idempotency.js';
export type { RenderedMessage, RenderOptions } from './message.js';
export { renderForTarget } from './render.js';
export { buildSampleItems } from './sample-items.js';
export { type SendOptions, sendNotifications } from './send.js';
export type { Language } from './strings.js';
