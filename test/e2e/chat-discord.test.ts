import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeDiscord } from '../helpers/fake-chat-apis.js';

const URL_MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const OWNER = '200000000000000001';
const STRANGER = '300000000000000001';

describe('pyhabot chat --once with Discord', () => {
  it("runs the allowed user's commands in the channel once, answers without mentions, and skips bots", async () => {
    using sandbox = createCliSandbox();
    await using discord = await startFakeDiscord();
    writeFileSync(
      join(sandbox.dir, '.pyhabotrc'),
      [
        `chat.discord.apiBase: ${discord.apiBase}`,
        `chat.discord.channel: "${discord.channel}"`,
        `chat.discord.allowedUsers: ["${OWNER}"]`,
        '',
      ].join('\n'),
    );
    const env = { DISCORD_TOKEN: discord.token, INTEGRATION: 'discord' };
    discord.send({ chatId: OWNER, userId: OWNER, text: `/add ${URL_MOBIL} @everyone *phones*` });
    discord.send({ chatId: STRANGER, userId: STRANGER, text: '/remove 1' });
    discord.send({ chatId: OWNER, userId: 'bot', bot: true, text: '/remove 1' });

    const first = await sandbox.run(['chat', '--once'], { env });
    expect(first).toMatchObject({ code: 0, stdout: 'discord: 1 answered, 1 ignored\n' });
    expect(first.stderr).not.toContain(discord.token);
    expect(discord.answers).toHaveLength(1);
    const [answer] = discord.answers;
    expect(answer?.body.allowed_mentions).toEqual({ parse: [] });
    expect(answer?.text).toBe('Added watch 1: @\u200beveryone \\*phones\\*\nNew ads will be sent to this chat.');
    expect(sandbox.query('SELECT target FROM watch_targets')).toEqual([
      { target: `discord+${discord.apiBase}/webhooks/${discord.webhooks[0]?.id}/${discord.webhooks[0]?.token}` },
    ]);

    // The answer itself (a bot message) and anything older are not read again.
    discord.canManageWebhooks = false;
    discord.send({ chatId: OWNER, userId: OWNER, text: '/add https://hardverapro.hu/aprok/hardver/index.html' });
    const second = await sandbox.run(['chat', '--once'], { env });
    expect(second).toMatchObject({ code: 0, stdout: 'discord: 1 answered, 0 ignored\n' });
    expect(discord.answers.at(-1)?.text).toContain('Manage Webhooks');
    expect(sandbox.query('SELECT COUNT(*) AS n FROM watches')).toEqual([{ n: 2 }]);
    expect(sandbox.query('SELECT COUNT(*) AS n FROM watch_targets')).toEqual([{ n: 1 }]);
  });

  it('says how to switch on the Message Content intent when Discord withholds the text', async () => {
    using sandbox = createCliSandbox();
    await using discord = await startFakeDiscord();
    discord.withholdContent = true;
    const env = {
      DISCORD_TOKEN: discord.token,
      PYHABOT_CHAT_DISCORD_API_BASE: discord.apiBase,
      PYHABOT_CHAT_DISCORD_CHANNEL: discord.channel,
      PYHABOT_CHAT_DISCORD_ALLOWED_USERS: OWNER,
    };
    discord.send({ chatId: OWNER, userId: OWNER, text: '/list' });
    const result = await sandbox.run(['chat', '--once'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Message Content intent');
    expect(discord.answers).toHaveLength(0);
  });

  it('refuses a Discord token without a channel with one line and a hint', async () => {
    using sandbox = createCliSandbox();
    const result = await sandbox.run(['chat', '--once'], { env: { DISCORD_TOKEN: 'abc.def.ghi' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'pyhabot: a Discord bot token is set but no channel to read commands from\nhint: set chat.discord.channel (or PYHABOT_CHAT_DISCORD_CHANNEL) to the channel id\n',
    );
  });
});
