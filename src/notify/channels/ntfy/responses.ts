import { parseJsonObject, parseRetryAfterHeader, plainText, type ServiceProtocol } from '../../answer.js';

/** ntfy explains failures in a JSON `error` field; any 2xx is a published message. */
export const ntfyProtocol: ServiceProtocol = {
  explain: (answer) => {
    const json = parseJsonObject(answer.body);
    if (json === undefined) return plainText(answer.body);
    return typeof json.error === 'string' ? json.error : undefined;
  },
  retryAfterMs: (answer, now) => parseRetryAfterHeader(answer.headers, now),
  confirm: () => ({ kind: 'delivered' }),
};
