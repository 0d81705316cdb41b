import { isAlertItem, type OutboxItem } from '../domain/alert-events.js';
import type { DeliveryOutcome, DeliveryResult } from '../domain/delivery.js';
import type { NotificationItem } from '../domain/events.js';
import { sleep } from '../domain/sleep.js';
import { maskSecretsInText } from '../domain/targets/parse-target.js';
import type { NotificationTarget, WebTarget } from '../domain/targets/target.js';
import type { AttemptVerdict } from './answer.js';
import { channelFor, channels } from './channels/registry.js';
import { type EncodedMessage, encodeMessage } from './encode.js';
import { readReplyCapped } from './read-reply.js';
import { renderForTarget } from './render.js';
import { interpretAnswer } from './responses.js';
import type { Language } from './strings.js';

/** How to render and deliver one batch; clocks, sleep and fetch are injectable. */
export interface SendOptions {
  language: Language;
  linkPreview: boolean;
  /** Telegram: one message per ad up to this many ads, one list above it. */
  telegramListAfter?: number;
  userAgent: string;
  /** Signs JSON webhook request bodies with HMAC-SHA256 (X-Pyhabot-Signature); other channels are never signed. */
  secret?: string;
  /** Per attempt, connecting and reading the answer included. Default 10 000. */
  timeoutMs?: number;
  /** Attempts per message within this run; the outbox tries again on a later run. Default 3. */
  maxAttemptsInRun?: number;
  /** First backoff after a failed attempt, doubled each time. Default 500. */
  retryBaseMs?: number;
  /** Longest wait a service may impose: a longer one is left until a later run, at most this far off. Default 60 000. */
  retryAfterMaxMs?: number;
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Stops the batch before the next message; a request already under way is finished. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Told each message's outcome as soon as it is known, so the caller can record it before the next send. */
  onOutcome?: (outcome: DeliveryOutcome) => void;
  /** The events recorded for a target, newest first: a feed file is rewritten from them. */
  feedHistory?: (target: string) => NotificationItem[];
}

type Settings = Required<Pick<SendOptions, 'timeoutMs' | 'maxAttemptsInRun' | 'retryBaseMs' | 'retryAfterMaxMs'>> &
  Pick<SendOptions, 'signal' | 'secret' | 'userAgent'> & {
    now: () => Date;
    sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
    fetch: typeof fetch;
  };

/** Render pending items for one target and send the messages in order; one outcome per message sent. */
export async function sendNotifications(
  target: NotificationTarget,
  items: readonly OutboxItem[],
  options: SendOptions,
): Promise<DeliveryOutcome[]> {
  if (target.channel === 'file') {
    // A feed carries ads only: an alert bound for a feed file has nowhere to go, so it is settled as sent.
    const alertIds = items.filter(isAlertItem).map((item) => item.id);
    const ads = items.filter((item): item is NotificationItem => !isAlertItem(item));
    const fileOutcomes = await channels.file.deliver(target, ads, {
      language: options.language,
      now: (options.now ?? (() => new Date()))(),
      history: options.feedHistory,
    });
    const outcomes: DeliveryOutcome[] =
      alertIds.length === 0 ? fileOutcomes : [...fileOutcomes, { itemIds: alertIds, result: { status: 'delivered' } }];
    for (const outcome of outcomes) options.onOutcome?.(outcome);
    return outcomes;
  }
  const settings: Settings = {
    timeoutMs: options.timeoutMs ?? 10_000,
    maxAttemptsInRun: Math.max(1, options.maxAttemptsInRun ?? 3),
    retryBaseMs: options.retryBaseMs ?? 500,
    retryAfterMaxMs: options.retryAfterMaxMs ?? 60_000,
    signal: options.signal,
    secret: options.secret,
    userAgent: options.userAgent,
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? sleepUnlessAborted,
    fetch: options.fetch ?? globalThis.fetch,
  };
  const messages = renderForTarget(target, items, {
    language: options.language,
    linkPreview: options.linkPreview,
    now: settings.now(),
    ...(options.telegramListAfter === undefined ? {} : { telegramListAfter: options.telegramListAfter }),
  });
  const outcomes: DeliveryOutcome[] = [];
  const settle = (outcome: DeliveryOutcome): void => {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };
  let rateLimited: DeliveryResult | null = null;
  for (const [index, message] of messages.entries()) {
    if (settings.signal?.aborted) break;
    if (rateLimited !== null) {
      // The service asked for a long pause; the remaining messages would only collect more 429s.
      settle({ itemIds: message.itemIds, result: rateLimited });
      continue;
    }
    const encoded = encodeMessage(message, {
      userAgent: settings.userAgent,
      targetHeaders: target.headers,
      // Only the JSON receiver contract documents the signature; a third party holding body and HMAC could
      // attack the secret offline.
      secret: channelFor(target).signsBodies ? settings.secret : undefined,
    });
    const { result, pauseMs } = await deliverMessage(target, encoded, settings);
    settle({ itemIds: message.itemIds, result });
    if (result.status === 'retry' && result.retryAfterMs !== undefined) {
      rateLimited = {
        status: 'retry',
        error: 'not sent: the service asked pyhabot to wait',
        retryAfterMs: result.retryAfterMs,
      };
    }
    if (pauseMs !== undefined && index < messages.length - 1) {
      await settings.sleep(Math.min(pauseMs, settings.retryAfterMaxMs), settings.signal);
    }
  }
  return outcomes;
}

async function deliverMessage(
  target: WebTarget,
  message: EncodedMessage,
  settings: Settings,
): Promise<{ result: DeliveryResult; pauseMs?: number }> {
  const mask = (text: string): string => maskSecretsInText(text, [target.raw]);
  const attempts = settings.maxAttemptsInRun;
  for (let attempt = 1; ; attempt += 1) {
    const verdict = await attemptOnce(target, message, settings);
    if (verdict.kind === 'delivered') {
      const result: DeliveryResult =
        verdict.detail === undefined ? { status: 'delivered' } : { status: 'delivered', detail: mask(verdict.detail) };
      return verdict.pauseMs === undefined ? { result } : { result, pauseMs: verdict.pauseMs };
    }
    if (verdict.kind === 'dead') return { result: { status: 'dead', error: mask(verdict.error) } };

    const askedMs = verdict.kind === 'rate_limited' ? verdict.retryAfterMs : undefined;
    // A service may ask for any wait, 1e300 seconds included; pyhabot never schedules beyond its own maximum.
    const retryAfterMs = askedMs === undefined ? undefined : Math.min(askedMs, settings.retryAfterMaxMs);
    const giveUp = (error: string): { result: DeliveryResult } => ({
      result:
        retryAfterMs === undefined
          ? { status: 'retry', error: mask(error) }
          : { status: 'retry', error: mask(error), retryAfterMs },
    });
    if (askedMs !== undefined && askedMs > settings.retryAfterMaxMs) {
      const allowed = describeWait(settings.retryAfterMaxMs);
      return giveUp(
        `${verdict.error} (asked to wait ${describeWait(askedMs)}, longer than the ${allowed} allowed; ` +
          `retrying after ${allowed})`,
      );
    }
    if (attempt >= attempts) return giveUp(`${verdict.error} (${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`);
    await settings.sleep(retryAfterMs ?? settings.retryBaseMs * 2 ** (attempt - 1), settings.signal);
    if (settings.signal?.aborted) return giveUp(`${verdict.error} (interrupted before the next attempt)`);
  }
}

async function attemptOnce(target: WebTarget, message: EncodedMessage, settings: Settings): Promise<AttemptVerdict> {
  let response: Response;
  try {
    // Only the timeout may cut a request short: an interrupted run still lets a message under way finish.
    response = await settings.fetch(target.endpoint, {
      method: 'POST',
      headers: message.headers,
      body: message.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    return { kind: 'transient', error: describeRequestError(error, settings.timeoutMs) };
  }
  let body: string;
  try {
    // Judged on the status and what was read: a reply's first 256 KiB say all a service has to say.
    ({ text: body } = await readReplyCapped(response));
  } catch (error) {
    if (response.ok) return { kind: 'delivered', detail: `HTTP ${response.status}, answer unreadable` };
    return { kind: 'transient', error: `HTTP ${response.status}, ${describeRequestError(error, settings.timeoutMs)}` };
  }
  return interpretAnswer(
    channelFor(target).protocol,
    { status: response.status, statusText: response.statusText, headers: response.headers, body },
    settings.now(),
  );
}

function describeRequestError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  if (error instanceof Error) {
    // fetch reports "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND, …) in its cause.
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    return `network error: ${cause ?? error.message}`;
  }
  return `network error: ${String(error)}`;
}

/** A wait in whole seconds, or words for one too long to be meant. */
function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return Number.isFinite(seconds) && seconds < 1e9 ? `${seconds} s` : 'an unreasonably long time';
}

/** The shared wait, resolving instead of rejecting on abort: the caller looks at the signal next. */
function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return sleep(ms, signal).catch((error: unknown) => {
    if (!signal?.aborted) throw error;
  });
}
