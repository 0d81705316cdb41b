export type { DefaultContext, KeyDefinition } from './key-definition.js';

import { chatKeys } from './chat-keys.js';
import { digestMapValue, quietHoursValue, timeZoneValue } from './delivery-values.js';
import { adFilter } from './filter-value.js';
import { insightKeys } from './insight-keys.js';
import { defineKey, type KeyDefinition } from './key-definition.js';
import { defaultDbPath } from './paths.js';
import { notificationRules } from './rules-value.js';
import { checkTarget, maskTargetKey } from './target-rules.js';
import {
  boolean,
  httpUrl,
  integer,
  nonEmptyString,
  oneOf,
  oneOfNumbers,
  optionalString,
  path,
  stringList,
  stringMap,
} from './value-types.js';

/** Log levels, as pino names them. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Languages notifications can be written in. */
export const LANGUAGES = ['en', 'hu'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Result page sizes the site offers. */
export const BLOCK_SIZES = [25, 50, 100, 200] as const;
export type BlockSize = (typeof BLOCK_SIZES)[number];

/** Every setting pyhabot reads, in the order they are documented and shown. */
export const configKeys = {
  db: defineKey({
    type: path(),
    default: (context) => defaultDbPath(context),
    description:
      'SQLite database file; default pyhabot.db in $PERSISTENT_DATA_PATH, else $XDG_DATA_HOME/pyhabot, else ~/.local/share/pyhabot',
    secret: false,
    env: ['PYHABOT_DB'],
    flag: '--db',
  }),
  logLevel: defineKey({
    type: oneOf(LOG_LEVELS),
    default: () => 'warn' as const,
    description: 'Level of the diagnostic log written to stderr',
    secret: false,
    env: ['PYHABOT_LOG_LEVEL', 'LOG_LEVEL'],
    flag: '--log-level',
  }),
  userAgent: defineKey({
    type: nonEmptyString(),
    default: (context) => `pyhabot/${context.version} (+https://github.com/pyhabot/pyhabot)`,
    description: 'User-Agent header sent to the site',
    secret: false,
    env: ['PYHABOT_USER_AGENT'],
  }),
  requestDelayMs: defineKey({
    type: integer({ min: 0 }),
    default: () => 1000,
    description: 'Pause between page requests in milliseconds (for hardverapro.hu the scraper never goes below 1000)',
    secret: false,
    env: ['PYHABOT_REQUEST_DELAY_MS'],
  }),
  requestTimeoutMs: defineKey({
    type: integer({ min: 1000 }),
    default: () => 20000,
    description: 'Time limit for one page request in milliseconds',
    secret: false,
    env: ['PYHABOT_REQUEST_TIMEOUT_MS'],
  }),
  maxRetries: defineKey({
    type: integer({ min: 0, max: 10 }),
    default: () => 3,
    description: 'Retries of a page request after a network error, a timeout, 429 or 503',
    secret: false,
    env: ['PYHABOT_MAX_RETRIES'],
  }),
  retryAfterMaxMs: defineKey({
    type: integer({ min: 0 }),
    default: () => 60000,
    description: 'Longest wait taken from a Retry-After header, in milliseconds',
    secret: false,
    env: ['PYHABOT_RETRY_AFTER_MAX_MS'],
  }),
  maxBodyBytes: defineKey({
    type: integer({ min: 65536 }),
    default: () => 8388608,
    description: 'Largest response body accepted from the site, in bytes',
    secret: false,
    env: ['PYHABOT_MAX_BODY_BYTES'],
  }),
  maxPages: defineKey({
    type: integer({ min: 1, max: 50 }),
    default: () => 1,
    description: 'Result pages read per watch on each check',
    secret: false,
    env: ['PYHABOT_MAX_PAGES'],
  }),
  newestFirst: defineKey({
    type: boolean(),
    default: () => true,
    description: 'Ask the site to list newest ads first (through its sort-order preference cookie)',
    secret: false,
    env: ['PYHABOT_NEWEST_FIRST'],
  }),
  blockSize: defineKey({
    type: oneOfNumbers(BLOCK_SIZES),
    default: () => 100 as const,
    description: 'Ads per result page requested from the site',
    secret: false,
    env: ['PYHABOT_BLOCK_SIZE'],
  }),
  notify: defineKey({
    type: stringList(checkTarget),
    default: () => [],
    description:
      'Notification targets; their URLs carry tokens, so they are masked when shown. In PYHABOT_NOTIFY, separate them with spaces',
    secret: true,
    env: ['PYHABOT_NOTIFY'],
  }),
  notifyExisting: defineKey({
    type: boolean(),
    default: () => false,
    description: 'Also notify about the ads already listed when a watch is checked for the first time',
    secret: false,
    env: ['PYHABOT_NOTIFY_EXISTING'],
  }),
  goneAfterMisses: defineKey({
    type: integer({ min: 1, max: 100 }),
    default: () => 3,
    description: 'Consecutive checks an ad must be missing from before it counts as gone',
    secret: false,
    env: ['PYHABOT_GONE_AFTER_MISSES'],
  }),
  deliveryMaxAttempts: defineKey({
    type: integer({ min: 1, max: 100 }),
    default: () => 8,
    description: 'Attempts to deliver a notification before it is given up',
    secret: false,
    env: ['PYHABOT_DELIVERY_MAX_ATTEMPTS'],
  }),
  deliveryTimeoutMs: defineKey({
    type: integer({ min: 1000 }),
    default: () => 10000,
    description: 'Time limit for one notification delivery in milliseconds',
    secret: false,
    env: ['PYHABOT_DELIVERY_TIMEOUT_MS'],
  }),
  deliveryBackoffMs: defineKey({
    type: integer({ min: 0 }),
    default: () => 60000,
    description: 'Base of the exponential backoff between delivery attempts across runs, in milliseconds',
    secret: false,
    env: ['PYHABOT_DELIVERY_BACKOFF_MS'],
  }),
  language: defineKey({
    type: oneOf(LANGUAGES),
    default: () => 'en' as const,
    description: 'Language of notification messages',
    secret: false,
    env: ['PYHABOT_LANGUAGE'],
  }),
  telegramLinkPreview: defineKey({
    type: boolean(),
    default: () => false,
    description: 'Let Telegram show a link preview under each message',
    secret: false,
    env: ['PYHABOT_TELEGRAM_LINK_PREVIEW'],
  }),
  webhookSecrets: defineKey({
    // Entry keys are targets, which hold tokens of their own: mask them in problems too.
    type: stringMap(maskTargetKey),
    default: () => ({}),
    description: 'HMAC secrets for signing generic JSON webhook targets, keyed by target (config file only)',
    secret: true,
    env: [],
  }),
  webhookSecret: defineKey({
    type: optionalString(),
    default: () => null,
    description: 'HMAC secret for every generic JSON webhook target without its own entry in webhookSecrets',
    secret: true,
    env: ['PYHABOT_WEBHOOK_SECRET'],
  }),
  failureThreshold: defineKey({
    type: integer({ min: 0, max: 100 }),
    default: () => 3,
    description:
      'Consecutive failed checks before a watch counts as unhealthy and its targets get one alert (0: never)',
    secret: false,
    env: ['PYHABOT_FAILURE_THRESHOLD'],
  }),
  alertTargets: defineKey({
    type: stringList(checkTarget),
    default: () => [],
    description:
      "Targets for failure and recovery alerts instead of each watch's own; masked when shown. In PYHABOT_ALERT_TARGETS, separate them with spaces",
    secret: true,
    env: ['PYHABOT_ALERT_TARGETS'],
  }),
  heartbeatUrl: defineKey({
    type: httpUrl(),
    default: () => null,
    description:
      'Ping URL (healthchecks.io style) fetched after each check: the URL when it succeeded, <url>/fail when it failed',
    secret: true,
    env: ['PYHABOT_HEARTBEAT_URL'],
  }),
  lockStaleMs: defineKey({
    type: integer({ min: 10000 }),
    default: () => 120000,
    description:
      'A check lock held from another host whose heartbeat is older than this many milliseconds is taken over',
    secret: false,
    env: ['PYHABOT_LOCK_STALE_MS'],
  }),
  filter: defineKey({
    type: adFilter(),
    default: () => null,
    description: 'Ad filter applied to every watch that does not opt out; a watch adds its own (see README "Filters")',
    secret: false,
    env: ['PYHABOT_FILTER'],
  }),
  ...chatKeys,
  rules: defineKey({
    type: notificationRules(),
    default: () => null,
    description:
      'Notification rules for every watch that does not set its own: price changes, minDrop, below, lifecycle events, reposts (see README "Notification rules")',
    secret: false,
    env: ['PYHABOT_RULES'],
  }),
  quietHours: defineKey({
    type: quietHoursValue(),
    default: () => null,
    description:
      'Local time range (e.g. 23:00-07:00) when notifications wait in the outbox; they go out as one digest per target at its end',
    secret: false,
    env: ['PYHABOT_QUIET_HOURS'],
  }),
  timeZone: defineKey({
    type: timeZoneValue(),
    default: () => 'Europe/Budapest',
    description: 'Time zone of quietHours and of digest times',
    secret: false,
    env: ['PYHABOT_TIME_ZONE'],
  }),
  digests: defineKey({
    // Entry keys are targets, which hold tokens of their own: mask them in problems too.
    type: digestMapValue(maskTargetKey),
    default: () => ({}),
    description:
      'Targets that get their notifications as a digest, hourly or daily (at 08:00), keyed by target (config file only)',
    secret: true,
    env: [],
  }),
  telegramListAfter: defineKey({
    type: integer({ min: 1, max: 100 }),
    default: () => 5,
    description: 'Telegram gets one message per ad up to this many in a run, and one list of them all above it',
    secret: false,
    env: ['PYHABOT_TELEGRAM_LIST_AFTER'],
  }),
  ...insightKeys,
};

/** The name of a setting, as written in a config file. */
export type KeyName = keyof typeof configKeys;

type ValueOf<Definition> = Definition extends KeyDefinition<infer T> ? T : never;

/** Every setting with its final value, after defaults, file, environment and flags. */
export type ResolvedConfig = { readonly [Key in KeyName]: ValueOf<(typeof configKeys)[Key]> };

/** Setting names in table order. */
export const keyNames = Object.keys(configKeys) as KeyName[];

/** A setting's definition, with its value type widened so settings can be handled in one loop. */
export function keyDefinition(key: KeyName): KeyDefinition<unknown> {
  return configKeys[key];
}
