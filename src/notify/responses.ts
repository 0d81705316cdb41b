import { type AttemptVerdict, describeFailure, type ServiceAnswer, type ServiceProtocol } from './answer.js';

/** Judge one answer by the rules of the target's service. */
export function interpretAnswer(protocol: ServiceProtocol, answer: ServiceAnswer, now: Date): AttemptVerdict {
  const { status } = answer;
  if (status >= 200 && status < 300) return protocol.confirm(answer);
  if (status >= 300 && status < 400) {
    // Following would turn the POST into a GET on some redirects; the user should fix the target instead.
    const location = answer.headers.get('location');
    return { kind: 'dead', error: `HTTP ${status}: redirected${location ? ` to ${location}` : ''}; update the target` };
  }
  const error = describeFailure(answer, protocol.explain(answer));
  if (status === 429) {
    const retryAfterMs = protocol.retryAfterMs(answer, now);
    return retryAfterMs === undefined ? { kind: 'rate_limited', error } : { kind: 'rate_limited', error, retryAfterMs };
  }
  if (status >= 500 || status === 408) return { kind: 'transient', error };
  return { kind: 'dead', error };
}
