import { describe, expect, it } from 'vitest';
import { maskSecretsInText, maskTarget, parseTarget } from '../../src/domain/targets/parse-target.js';
import type { Channel } from '../../src/domain/targets/target.js';

const DISCORD_TOKEN = 'Zx9_aQ-3kLmNoPqRsTuVwXyZ0123456789abcdefGHIJKLmnopqrstuVWXYZ-_abcd';
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const BOT_SECRET = BOT_TOKEN.slice(BOT_TOKEN.indexOf(':') + 1);
// Secrets that do not look like tokens: only each format's own rule can know they are secret.
const PLAIN_SECRET = 'plainsecret';
const TOPIC = 'gpu-alerts';

/** One spelling of a target, and the parts of it no output may ever show. */
interface Spelling {
  channel: Channel;
  raw: string;
  secrets: string[];
}

const spellings: Spelling[] = [
  { channel: 'discord', raw: `discord://112233445566/${DISCORD_TOKEN}`, secrets: [DISCORD_TOKEN] },
  {
    channel: 'discord',
    raw: `https://discord.com/api/webhooks/112233445566/${DISCORD_TOKEN}`,
    secrets: [DISCORD_TOKEN],
  },
  {
    channel: 'discord',
    raw: `discord+https://relay.example.org/api/webhooks/112233445566/${PLAIN_SECRET}`,
    secrets: [PLAIN_SECRET],
  },
  { channel: 'discord', raw: `discord+https://relay.example.org/relay/${PLAIN_SECRET}`, secrets: [PLAIN_SECRET] },
  { channel: 'slack', raw: `slack://T01ABCDEF/B02GHIJKL/${PLAIN_SECRET}`, secrets: [PLAIN_SECRET] },
  {
    channel: 'slack',
    raw: `https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/${PLAIN_SECRET}`,
    secrets: [PLAIN_SECRET],
  },
  {
    channel: 'slack',
    raw: `slack+https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/${PLAIN_SECRET}`,
    secrets: [PLAIN_SECRET],
  },
  { channel: 'slack', raw: `slack+https://chat.example.org/hooks/${PLAIN_SECRET}`, secrets: [PLAIN_SECRET] },
  { channel: 'slack', raw: `slack+http://127.0.0.1:8080/${PLAIN_SECRET}/`, secrets: [PLAIN_SECRET] },
  { channel: 'telegram', raw: `tgram://${BOT_TOKEN}/-1001234567890`, secrets: [BOT_TOKEN, BOT_SECRET] },
  {
    channel: 'telegram',
    raw: `telegram+https://api.telegram.org/bot${BOT_TOKEN}/sendMessage?chat_id=-100123`,
    secrets: [BOT_TOKEN, BOT_SECRET],
  },
  {
    channel: 'telegram',
    raw: `telegram+https://tg.example.org/bot${PLAIN_SECRET}/sendMessage?chat_id=-100123`,
    secrets: [PLAIN_SECRET],
  },
  { channel: 'ntfy', raw: `ntfy://${TOPIC}`, secrets: [TOPIC] },
  { channel: 'ntfy', raw: `ntfy://ntfy.example.org/${TOPIC}`, secrets: [TOPIC] },
  { channel: 'ntfy', raw: `ntfys://phil:${PLAIN_SECRET}@ntfy.example.org/${TOPIC}`, secrets: [TOPIC, PLAIN_SECRET] },
  { channel: 'ntfy', raw: `ntfy+https://push.example.org/${TOPIC}`, secrets: [TOPIC] },
  { channel: 'ntfy', raw: `ntfy+http://push.example.org/ntfy/${TOPIC}/`, secrets: [TOPIC] },
  {
    channel: 'ntfy',
    raw: `ntfy+https://phil:${PLAIN_SECRET}@push.example.org/${TOPIC}`,
    secrets: [TOPIC, PLAIN_SECRET],
  },
  { channel: 'json', raw: `https://bob:${PLAIN_SECRET}@example.org/in`, secrets: [PLAIN_SECRET] },
  { channel: 'json', raw: `https://example.org/in?token=${PLAIN_SECRET}`, secrets: [PLAIN_SECRET] },
  { channel: 'json', raw: `json://example.org/in?key=${PLAIN_SECRET}`, secrets: [PLAIN_SECRET] },
  { channel: 'json', raw: `jsons://example.org/in/${DISCORD_TOKEN}`, secrets: [DISCORD_TOKEN] },
  { channel: 'json', raw: `json+https://example.org/in?sig=${PLAIN_SECRET}`, secrets: [PLAIN_SECRET] },
];

describe('every spelling of every channel masks the same secrets', () => {
  it('covers every channel', () => {
    const covered = new Set(spellings.map((spelling) => spelling.channel));
    expect([...covered].sort()).toEqual(['discord', 'json', 'ntfy', 'slack', 'telegram']);
  });

  it.each(spellings)('$raw', ({ channel, raw, secrets }) => {
    const target = parseTarget(raw);
    expect(target.channel).toBe(channel);
    const inText = maskSecretsInText(`POST ${target.endpoint} failed: ${secrets.join(' ')} (${raw})`, [raw]);
    for (const shown of [target.masked, maskTarget(raw), inText]) {
      expect(shown).toContain('****');
      for (const secret of secrets) expect(shown).not.toContain(secret);
    }
  });

  it.each([
    [`ntfy+https://push.example.org/${TOPIC}`, 'ntfy+https://push.example.org/****'],
    [`ntfy+https://push.example.org/ntfy/${TOPIC}?x=1`, 'ntfy+https://push.example.org/ntfy/****?x=1'],
    [`slack+https://chat.example.org/hooks/${PLAIN_SECRET}`, 'slack+https://chat.example.org/hooks/****'],
    [`discord+https://relay.example.org/relay/${PLAIN_SECRET}`, 'discord+https://relay.example.org/relay/****'],
  ])('shows %s as %s', (raw, masked) => {
    expect(maskTarget(raw)).toBe(masked);
  });
});

describe('a target that does not parse is masked by its format’s rule too', () => {
  it.each([
    [`ntfy+https://push.example.org/${TOPIC}.bad`, `${TOPIC}.bad`],
    [`ntfy://ntfy.example.org/extra/${TOPIC}`, TOPIC],
    [`slack+ftp://chat.example.org/hooks/${PLAIN_SECRET}`, PLAIN_SECRET],
    [`slack://T01ABCDEF/B02GHIJKL/${PLAIN_SECRET}/extra`, PLAIN_SECRET],
    [`discord://112233445566/${PLAIN_SECRET}/extra`, PLAIN_SECRET],
    [`tgram://${PLAIN_SECRET}`, PLAIN_SECRET],
  ])('%s', (raw, secret) => {
    expect(() => parseTarget(raw)).toThrow(/Invalid notification target/);
    expect(maskTarget(raw)).not.toContain(secret);
    expect(maskSecretsInText(`failed: ${secret}`, [raw])).toBe('failed: ****');
  });
});
