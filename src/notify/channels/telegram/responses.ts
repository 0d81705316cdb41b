import {
  asObject,
  describeFailure,
  parseJsonObject,
  parseRetryAfterHeader,
  plainText,
  type ServiceProtocol,
  secondsToMs,
} from '../../answer.js';

/** The Bot API answers JSON with `ok`, a `description`, and `parameters` for waits and moved chats. */
export const telegramProtocol: ServiceProtocol = {
  explain: (answer) => {
    const json = parseJsonObject(answer.body);
    if (json === undefined) return plainText(answer.body);
    const description = typeof json.description === 'string' ? json.description : undefined;
    const parameters = asObject(json.parameters);
    const migrated = parameters?.migrate_to_chat_id;
    // A group that became a supergroup has a new id; saying so tells the user exactly what to change.
    const moved = typeof migrated === 'number' ? `(the chat moved to ${migrated}; update the chat id)` : undefined;
    return [description, moved].filter((part) => part !== undefined).join(' ') || undefined;
  },
  retryAfterMs: (answer, now) =>
    secondsToMs(asObject(parseJsonObject(answer.body)?.parameters)?.retry_after) ??
    parseRetryAfterHeader(answer.headers, now),
  confirm: (answer) => {
    const json = parseJsonObject(answer.body);
    if (json === undefined) return { kind: 'delivered', detail: 'the answer was not JSON' };
    if (json.ok === true) return { kind: 'delivered' };
    const description = typeof json.description === 'string' ? json.description : 'ok: false';
    return { kind: 'dead', error: describeFailure(answer, description) };
  },
};
