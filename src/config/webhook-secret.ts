import type { ResolvedConfig } from './schema.js';

/** The HMAC secret for a generic JSON webhook target: its own `webhookSecrets` entry, else `webhookSecret`, else none. */
export function webhookSecretFor(
  config: Pick<ResolvedConfig, 'webhookSecrets' | 'webhookSecret'>,
  target: string,
): string | null {
  return Object.hasOwn(config.webhookSecrets, target) ? (config.webhookSecrets[target] ?? null) : config.webhookSecret;
}
