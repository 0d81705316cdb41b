import {
  asObject,
  parseJsonObject,
  parseRetryAfterHeader,
  plainText,
  type ServiceProtocol,
  secondsToMs,
} from '../../answer.js';

/** Discord explains failures in JSON with nested field errors and asks for waits in `retry_after` seconds. */
export const discordProtocol: ServiceProtocol = {
  explain: (answer) => {
    const json = parseJsonObject(answer.body);
    if (json === undefined) return plainText(answer.body);
    const message = typeof json.message === 'string' ? json.message : undefined;
    const detail = firstDiscordFieldError(json.errors, []);
    return [message, detail].filter((part) => part !== undefined).join(' ') || undefined;
  },
  retryAfterMs: (answer, now) =>
    secondsToMs(parseJsonObject(answer.body)?.retry_after) ?? parseRetryAfterHeader(answer.headers, now),
  confirm: (answer) => {
    // Discord says when the bucket is empty; waiting then avoids a 429 on the next message.
    const remaining = answer.headers.get('x-ratelimit-remaining');
    const resetAfter = Number(answer.headers.get('x-ratelimit-reset-after'));
    if (remaining === '0' && Number.isFinite(resetAfter) && resetAfter > 0) {
      return { kind: 'delivered', pauseMs: Math.ceil(resetAfter * 1000) };
    }
    return { kind: 'delivered' };
  },
};

/** Discord nests form errors by field path; the first one names the field that broke the message. */
function firstDiscordFieldError(errors: unknown, path: string[]): string | undefined {
  const node = asObject(errors);
  if (node === undefined) return undefined;
  const own = Array.isArray(node._errors) ? asObject(node._errors[0]) : undefined;
  if (own !== undefined && typeof own.message === 'string') {
    return `(${path.join('.') || 'body'}: ${own.message})`;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === '_errors') continue;
    const found = firstDiscordFieldError(child, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
