import { describeFailure, parseRetryAfterHeader, plainText, type ServiceProtocol } from '../../answer.js';

/** Slack answers a plain "ok", and plain text when it refuses a message. */
export const slackProtocol: ServiceProtocol = {
  explain: (answer) => plainText(answer.body),
  retryAfterMs: (answer, now) => parseRetryAfterHeader(answer.headers, now),
  confirm: (answer) =>
    answer.body.trim() === 'ok'
      ? { kind: 'delivered' }
      : { kind: 'dead', error: describeFailure(answer, plainText(answer.body) ?? 'the answer was not "ok"') },
};
