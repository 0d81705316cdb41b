import { parseJsonObject, parseRetryAfterHeader, plainText, type ServiceProtocol } from '../../answer.js';

/** The documented receiver contract: any 2xx accepts; a failure may explain itself in common JSON fields. */
export const jsonProtocol: ServiceProtocol = {
  explain: (answer) => {
    const json = parseJsonObject(answer.body);
    if (json === undefined) return plainText(answer.body);
    const message = json.message ?? json.error ?? json.description;
    return typeof message === 'string' ? message : undefined;
  },
  retryAfterMs: (answer, now) => parseRetryAfterHeader(answer.headers, now),
  confirm: () => ({ kind: 'delivered' }),
};
