import { UserError } from './errors.js';

/** The services a notification can go to. */
export type Channel = 'discord' | 'slack' | 'telegram' | 'ntfy' | 'json';

/** What every parsed target carries. */
interface TargetBase {
  /** The target as the user wrote it (trimmed). Contains secrets: never show it. */
  raw: string;
  /** The URL requests go to. */
  endpoint: string;
  /** The target with its secrets replaced, safe to print and log. */
  masked: string;
  /** Headers every request needs, e.g. credentials that were written into the target. */
  headers: Readonly<Record<string, string>>;
  /** Substrings of `raw` that must never appear in output. */
  secrets: readonly string[];
}

/** A notification target parsed from its one-string form. */
export type NotificationTarget =
  | (TargetBase & { channel: 'discord' })
  | (TargetBase & { channel: 'slack' })
  | (TargetBase & { channel: 'telegram'; chatId: string })
  | (TargetBase & { channel: 'ntfy'; topic: string })
  | (TargetBase & { channel: 'json' });

/** Names accepted in front of a URL: `discord+https://…`. */
const explicitFormats: Record<string, Channel> = {
  discord: 'discord',
  slack: 'slack',
  telegram: 'telegram',
  ntfy: 'ntfy',
  json: 'json',
};

const MASK = '****';
/** Secrets shorter than this are masked inside their target but not hunted for in free text, which they would garble. */
const MIN_SECRET_LENGTH = 4;
const DISCORD_HOST = /^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/;
const DISCORD_WEBHOOK_PATH = /^(\/api(?:\/v\d+)?\/webhooks\/)(\d+)\/([A-Za-z0-9_-]+)\/?$/;
const SLACK_HOST = 'hooks.slack.com';
const SLACK_WEBHOOK_PATH = /^\/services\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/?$/;
const TELEGRAM_TOKEN = /^\d+:[A-Za-z0-9_-]+$/;
const TELEGRAM_CHAT = /^(?:-?\d+|@[A-Za-z][A-Za-z0-9_]{3,})$/;
const NTFY_TOPIC = /^[A-Za-z0-9_-]{1,64}$/;
const NTFY_DEFAULT_HOST = 'ntfy.sh';
const SECRET_QUERY_NAME = /token|key|secret|sig|pass|auth|code|credential/i;

const TARGET_FORMS_HINT =
  'Use discord://<id>/<token>, slack://<T>/<B>/<secret>, tgram://<bot token>/<chat id>, ntfy://<topic>, ' +
  'an http(s):// webhook URL, or <format>+<http(s) URL> with format discord, slack, telegram, ntfy or json.';

/** Read a target string; throws a UserError (never quoting a secret) when it is not a target pyhabot can use. */
export function parseTarget(raw: string): NotificationTarget {
  const text = raw.trim();
  if (text === '') throw invalidTarget('it is empty');
  if (/\s/.test(text)) {
    throw invalidTarget('it contains whitespace', 'Remove spaces and line breaks; quote the target in a shell.');
  }
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(text);
  if (match === null) throw invalidTarget('it does not start with scheme://');
  const scheme = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  if (scheme.includes('+')) return parseExplicitTarget(text, scheme, rest);
  switch (scheme) {
    case 'http':
    case 'https':
      return parseWebTarget(text);
    case 'discord':
      return parseDiscordShortTarget(text, rest);
    case 'slack':
      return parseSlackShortTarget(text, rest);
    case 'tgram':
      return parseTelegramShortTarget(text, rest);
    case 'ntfy':
    case 'ntfys':
      return parseNtfyShortTarget(text, scheme, rest);
    case 'json':
    case 'jsons':
      return parseJsonShortTarget(text, scheme, rest);
    default:
      throw invalidTarget(`the scheme "${scheme}" is not supported`);
  }
}

/** Show a target with its secrets masked; never throws, and masks what it can in strings that do not parse. */
export function maskTarget(raw: string): string {
  try {
    return parseTarget(raw).masked;
  } catch {
    return maskLoosely(raw.trim()).masked;
  }
}

/** Replace every secret of the given targets (and the targets themselves) wherever they occur in a text. */
export function maskSecretsInText(text: string, targets: readonly string[]): string {
  const replacements: [string, string][] = [];
  for (const raw of targets) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    let secrets: readonly string[];
    let masked: string;
    try {
      ({ secrets, masked } = parseTarget(trimmed));
    } catch {
      ({ secrets, masked } = maskLoosely(trimmed));
    }
    replacements.push([trimmed, masked]);
    for (const secret of secrets) {
      if (secret.length < MIN_SECRET_LENGTH) continue;
      replacements.push([secret, MASK]);
      replacements.push([encodeURIComponent(secret), MASK]);
    }
  }
  // Longest first, so a whole target is replaced before the secrets inside it.
  replacements.sort(([a], [b]) => b.length - a.length);
  let result = text;
  for (const [secret, replacement] of replacements) result = result.replaceAll(secret, replacement);
  return result;
}

function invalidTarget(problem: string, hint: string = TARGET_FORMS_HINT): UserError {
  return new UserError(`Invalid notification target: ${problem}.`, { hint });
}

function parseExplicitTarget(raw: string, scheme: string, rest: string): NotificationTarget {
  const plus = scheme.indexOf('+');
  const format = scheme.slice(0, plus);
  const urlScheme = scheme.slice(plus + 1);
  const channel = explicitFormats[format];
  if (channel === undefined) {
    throw invalidTarget(`the format "${format}" is unknown`, 'Formats: discord, slack, telegram, ntfy, json.');
  }
  if (urlScheme !== 'http' && urlScheme !== 'https') {
    throw invalidTarget(`"${format}+" must be followed by an http:// or https:// URL`);
  }
  const url = parseWebUrl(`${urlScheme}://${rest}`);
  const prepared = prepareWebUrl(url);
  const base = { raw, headers: prepared.headers, secrets: prepared.secrets, masked: `${format}+${prepared.masked}` };
  switch (channel) {
    case 'telegram': {
      const chatId = url.searchParams.get('chat_id') ?? '';
      if (!TELEGRAM_CHAT.test(chatId)) {
        throw invalidTarget(
          'a telegram+ URL needs ?chat_id=<chat id>',
          'Use telegram+https://<host>/bot<token>/sendMessage?chat_id=<chat id>.',
        );
      }
      return { ...base, channel, endpoint: prepared.endpoint, chatId };
    }
    case 'ntfy': {
      const segments = url.pathname.split('/').filter((segment) => segment !== '');
      const topic = segments.pop() ?? '';
      if (!NTFY_TOPIC.test(topic)) {
        throw invalidTarget('an ntfy+ URL must end in a topic', 'Use ntfy+https://<host>/<topic>.');
      }
      // JSON publishing goes to the server's root; keeping the parent path supports servers behind a path prefix.
      const root = new URL(prepared.endpoint);
      root.pathname = segments.length === 0 ? '/' : `/${segments.join('/')}/`;
      root.search = '';
      return { ...base, channel, endpoint: root.href, topic };
    }
    default:
      return { ...base, channel, endpoint: prepared.endpoint };
  }
}

function parseWebTarget(raw: string): NotificationTarget {
  const url = parseWebUrl(raw);
  const host = url.hostname.toLowerCase();
  if (DISCORD_HOST.test(host)) {
    const match = DISCORD_WEBHOOK_PATH.exec(url.pathname);
    if (match === null) {
      throw invalidTarget(
        'this Discord URL is not a webhook URL',
        'Copy it from Discord (channel settings → Integrations → Webhooks): https://discord.com/api/webhooks/<id>/<token>.',
      );
    }
    const [, prefix = '', id = '', token = ''] = match;
    const query = new URLSearchParams(url.search);
    const maskedQuery = query.size > 0 ? `?${maskQuery(query).text}` : '';
    return {
      raw,
      channel: 'discord',
      endpoint: discordEndpoint(`https://${host}${prefix}${id}/${token}`, query),
      masked: `${url.protocol}//${url.host}${prefix}${shorten(id, 4)}/${MASK}${maskedQuery}`,
      headers: {},
      secrets: [token],
    };
  }
  if (host === SLACK_HOST) {
    const match = SLACK_WEBHOOK_PATH.exec(url.pathname);
    if (match === null) {
      throw invalidTarget(
        'this Slack URL is not an incoming-webhook URL',
        'It looks like https://hooks.slack.com/services/<T…>/<B…>/<secret>.',
      );
    }
    const [, team = '', bot = '', secret = ''] = match;
    return {
      raw,
      channel: 'slack',
      endpoint: `https://${SLACK_HOST}/services/${team}/${bot}/${secret}`,
      masked: `${url.protocol}//${url.host}/services/${shorten(team, 3)}/${shorten(bot, 3)}/${MASK}`,
      headers: {},
      secrets: [secret],
    };
  }
  const prepared = prepareWebUrl(url);
  return { raw, channel: 'json', ...prepared };
}

function parseDiscordShortTarget(raw: string, rest: string): NotificationTarget {
  const match = /^(\d+)\/([A-Za-z0-9_-]+)\/?$/.exec(rest);
  if (match === null) {
    throw invalidTarget(
      'a discord:// target needs a webhook id and token',
      'Use discord://<webhook id>/<webhook token>, or the https://discord.com/api/webhooks/… URL itself.',
    );
  }
  const [, id = '', token = ''] = match;
  return {
    raw,
    channel: 'discord',
    endpoint: discordEndpoint(`https://discord.com/api/webhooks/${id}/${token}`, new URLSearchParams()),
    masked: `discord://${shorten(id, 4)}/${MASK}`,
    headers: {},
    secrets: [token],
  };
}

/** `wait=true` makes Discord validate and answer for the message; without it a rejected message can vanish silently. */
function discordEndpoint(base: string, query: URLSearchParams): string {
  const url = new URL(base);
  for (const [name, value] of query) url.searchParams.set(name, value);
  url.searchParams.set('wait', 'true');
  return url.href;
}

function parseSlackShortTarget(raw: string, rest: string): NotificationTarget {
  const match = /^([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/?$/.exec(rest);
  if (match === null) {
    throw invalidTarget(
      'a slack:// target needs three parts',
      'Use slack://<T…>/<B…>/<secret>, the three parts after /services/ in the webhook URL.',
    );
  }
  const [, team = '', bot = '', secret = ''] = match;
  return {
    raw,
    channel: 'slack',
    endpoint: `https://${SLACK_HOST}/services/${team}/${bot}/${secret}`,
    masked: `slack://${shorten(team, 3)}/${shorten(bot, 3)}/${MASK}`,
    headers: {},
    secrets: [secret],
  };
}

function parseTelegramShortTarget(raw: string, rest: string): NotificationTarget {
  const [token = '', chatId = '', ...extra] = rest.replace(/\/$/, '').split('/');
  const hint = 'Use tgram://<bot token>/<chat id>, e.g. tgram://123456:ABC-DEF…/-1001234567890.';
  if (chatId === '' || extra.length > 0) throw invalidTarget('a tgram:// target needs a bot token and a chat id', hint);
  if (!TELEGRAM_TOKEN.test(token)) throw invalidTarget('the bot token is not of the form <digits>:<letters>', hint);
  if (!TELEGRAM_CHAT.test(chatId)) throw invalidTarget('the chat id is not a number or an @channel name', hint);
  return {
    raw,
    channel: 'telegram',
    endpoint: `https://api.telegram.org/bot${token}/sendMessage`,
    masked: `tgram://${MASK}/${chatId}`,
    headers: {},
    // The part after the colon alone is just as secret.
    secrets: [token, token.slice(token.indexOf(':') + 1)],
    chatId,
  };
}

function parseNtfyShortTarget(raw: string, scheme: string, rest: string): NotificationTarget {
  const hint = 'Use ntfy://<topic>, ntfy://<host>/<topic> or ntfys://<host>/<topic>.';
  const slash = rest.indexOf('/');
  const at = rest.lastIndexOf('@', slash === -1 ? undefined : slash);
  const userInfo = at === -1 ? null : rest.slice(0, at);
  const segments = rest.slice(at + 1).split('/');
  // A slash after the topic is harmless; a slash after the host alone means the topic is missing.
  if (segments.length === 3 && segments[2] === '') segments.pop();
  if (segments.length > 2) throw invalidTarget('an ntfy target has at most a host and a topic', hint);
  const [first = '', second] = segments;
  const host = second === undefined ? NTFY_DEFAULT_HOST : first;
  const topic = second ?? first;
  if (!NTFY_TOPIC.test(topic)) throw invalidTarget('an ntfy target needs a topic of letters, digits, _ and -', hint);
  // ntfy.sh only serves https; a plain ntfy:// naming it would meet a redirect that drops the POST.
  const protocol = scheme === 'ntfys' || host.toLowerCase() === NTFY_DEFAULT_HOST ? 'https' : 'http';
  let root: URL;
  try {
    root = new URL(`${protocol}://${host}/`);
  } catch {
    throw invalidTarget('the ntfy host is not a valid host name', hint);
  }
  if (root.pathname !== '/' || root.search !== '' || root.username !== '') {
    throw invalidTarget('the ntfy host is not a valid host name', hint);
  }
  const credentials = userInfo === null ? null : ntfyCredentials(userInfo);
  const shownHost = second === undefined ? '' : `${host}/`;
  return {
    raw,
    channel: 'ntfy',
    endpoint: root.href,
    // Whoever knows a topic on a public ntfy server can read it, so the topic is a secret too.
    masked: `${scheme}://${credentials?.masked ?? ''}${shownHost}${MASK}`,
    headers: credentials === null ? {} : { Authorization: credentials.authorization },
    secrets: [...(credentials?.secrets ?? []), topic],
    topic,
  };
}

/** `user:password@` becomes basic auth; a lone `token@` is an ntfy access token. */
function ntfyCredentials(userInfo: string): { authorization: string; masked: string; secrets: string[] } {
  const colon = userInfo.indexOf(':');
  if (colon === -1) {
    const token = safeDecode(userInfo);
    return { authorization: `Bearer ${token}`, masked: `${MASK}@`, secrets: [userInfo, token] };
  }
  const user = safeDecode(userInfo.slice(0, colon));
  const password = safeDecode(userInfo.slice(colon + 1));
  const encoded = Buffer.from(`${user}:${password}`).toString('base64');
  return {
    authorization: `Basic ${encoded}`,
    masked: `${userInfo.slice(0, colon)}:${MASK}@`,
    secrets: [userInfo.slice(colon + 1), password, encoded],
  };
}

function parseJsonShortTarget(raw: string, scheme: string, rest: string): NotificationTarget {
  const url = parseWebUrl(`${scheme === 'jsons' ? 'https' : 'http'}://${rest}`);
  const prepared = prepareWebUrl(url);
  return { raw, channel: 'json', ...prepared, masked: prepared.masked.replace(/^https?:/, `${scheme}:`) };
}

function parseWebUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidTarget('it is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidTarget('it is not an http(s) URL');
  if (url.hostname === '') throw invalidTarget('the URL has no host');
  return url;
}

/** Move credentials out of the URL into a header (fetch refuses URLs that carry them) and mask the rest. */
function prepareWebUrl(url: URL): Pick<TargetBase, 'endpoint' | 'headers' | 'masked' | 'secrets'> {
  const headers: Record<string, string> = {};
  const extraSecrets: string[] = [];
  if (url.username !== '' || url.password !== '') {
    const encoded = Buffer.from(`${safeDecode(url.username)}:${safeDecode(url.password)}`).toString('base64');
    headers.Authorization = `Basic ${encoded}`;
    extraSecrets.push(encoded);
  }
  const clean = new URL(url.href);
  clean.username = '';
  clean.password = '';
  clean.hash = '';
  const { masked, secrets } = maskWebUrl(url);
  return { endpoint: clean.href, headers, masked, secrets: [...secrets, ...extraSecrets] };
}

/** Mask credentials, webhook tokens, bot tokens, secret-looking path segments and query values in a URL. */
function maskWebUrl(url: URL): { masked: string; secrets: string[] } {
  const secrets: string[] = [];
  const keep = (secret: string): string => {
    secrets.push(secret, safeDecode(secret));
    return MASK;
  };
  let userInfo = '';
  if (url.password !== '') userInfo = `${url.username}:${keep(url.password)}@`;
  else if (url.username !== '') userInfo = `${keep(url.username)}@`;

  const segments = url.pathname.split('/');
  const slackLike = segments[1] === 'services' && segments.length >= 5;
  const maskedSegments = segments.map((segment, index) => {
    const previous = segments[index - 1];
    if (previous === 'webhooks' && /^\d+$/.test(segment)) return shorten(segment, 4);
    if (segments[index - 2] === 'webhooks' && /^\d+$/.test(previous ?? '') && segment !== '') return keep(segment);
    if (slackLike && (index === 2 || index === 3)) return shorten(segment, 3);
    if (slackLike && index === 4 && segment !== '') return keep(segment);
    if (/^bot\d+:[A-Za-z0-9_-]+$/.test(segment)) return `bot${keep(segment.slice(3))}`;
    return looksLikeToken(segment) ? keep(segment) : segment;
  });
  const query = maskQuery(url.searchParams);
  secrets.push(...query.secrets);
  const search = query.text === '' ? '' : `?${query.text}`;
  return { masked: `${url.protocol}//${userInfo}${url.host}${maskedSegments.join('/')}${search}`, secrets };
}

function maskQuery(query: URLSearchParams): { text: string; secrets: string[] } {
  const secrets: string[] = [];
  const parts: string[] = [];
  for (const [name, value] of query) {
    if (value !== '' && (SECRET_QUERY_NAME.test(name) || looksLikeToken(value))) {
      secrets.push(value, encodeURIComponent(value));
      parts.push(`${encodeURIComponent(name)}=${MASK}`);
    } else {
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    }
  }
  return { text: parts.join('&'), secrets };
}

/** Best effort for strings that do not parse: mask what sits where secrets sit, and anything token-shaped. */
function maskLoosely(text: string): { masked: string; secrets: string[] } {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(text);
  if (match === null) return maskTokenShapes(text);
  const scheme = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  const plus = scheme.indexOf('+');
  const urlScheme = scheme.slice(plus + 1);
  if (urlScheme === 'http' || urlScheme === 'https') {
    try {
      const { masked, secrets } = maskWebUrl(new URL(`${urlScheme}://${rest}`));
      return { masked: `${scheme.slice(0, plus + 1)}${masked}`, secrets };
    } catch {
      // Not even a URL: fall through to segment-wise masking.
    }
  }
  const secrets: string[] = [];
  const keep = (secret: string): string => {
    secrets.push(secret);
    return MASK;
  };
  const segments = rest.split('/').map((segment, index) => {
    if (segment === '') return segment;
    const at = index === 0 ? segment.lastIndexOf('@') : -1;
    if (at !== -1) {
      const colon = segment.indexOf(':');
      const user = colon !== -1 && colon < at ? `${segment.slice(0, colon)}:` : '';
      keep(segment.slice(user.length, at));
      return `${user}${MASK}@${segment.slice(at + 1)}`;
    }
    // Where discord://, slack:// and tgram:// keep their tokens.
    if ((scheme === 'discord' && index === 1) || (scheme === 'slack' && index >= 2)) return keep(segment);
    if (scheme === 'tgram' && index === 0) return keep(segment);
    if (scheme === 'slack') return shorten(segment, 3);
    if (/^\d{8,}$/.test(segment)) return shorten(segment, 4);
    const shaped = maskTokenShapes(segment);
    secrets.push(...shaped.secrets);
    return shaped.masked;
  });
  return { masked: `${match[1]}://${segments.join('/')}`, secrets };
}

function maskTokenShapes(text: string): { masked: string; secrets: string[] } {
  const secrets: string[] = [];
  const masked = text.replace(/[A-Za-z0-9._~:+=%-]{16,}/g, (candidate) => {
    if (!looksLikeToken(candidate) && !/\d+:[A-Za-z0-9_-]{16,}/.test(candidate)) return candidate;
    secrets.push(candidate);
    return MASK;
  });
  return { masked, secrets };
}

/** Long strings mixing letters and digits are treated as secrets: over-masking a URL costs nothing, leaking one does. */
function looksLikeToken(value: string): boolean {
  return value.length >= 16 && /[A-Za-z]/.test(value) && /\d/.test(value) && /^[A-Za-z0-9._~:+=%-]+$/.test(value);
}

function shorten(value: string, keep: number): string {
  return value.length > keep ? `${value.slice(0, keep)}…` : value;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
