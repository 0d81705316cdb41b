import { describe, expect, it } from 'vitest';
import { maskToken } from '../../src/chat/chat-api.js';
import { escapeDiscordMarkdown, snowflakeAt } from '../../src/chat/discord-transport.js';
import { fitLines } from '../../src/chat/fit-lines.js';
import { escapeTelegramHtml } from '../../src/notify/channels/telegram/render.js';

describe('fitLines', () => {
  it('keeps short answers whole', () => {
    expect(fitLines(['a <b>', 'c & d'], 4000, escapeTelegramHtml)).toBe('a &lt;b&gt;\nc &amp; d');
  });

  it('stays under the limit after escaping, and says how many lines were left out', () => {
    const lines = Array.from({ length: 500 }, (_, index) => `${index}. ${'&'.repeat(30)}`);
    const text = fitLines(lines, 4000, escapeTelegramHtml);
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(text).toMatch(/… \(\d+ more lines\)$/);
    const shown = text.split('\n').length - 1;
    expect(text).toContain(`(${500 - shown} more lines)`);
  });

  it('cuts one huge line before escaping, never inside an entity', () => {
    const text = fitLines(['<'.repeat(10_000)], 2000, escapeTelegramHtml);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/^(&lt;)+…$/);
  });
});

describe('Discord answers', () => {
  it('escape markdown and break mass mentions', () => {
    expect(escapeDiscordMarkdown('*bold* _it_ `code` ~~x~~ |s| @everyone @here')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~ \\|s\\| @\u200beveryone @\u200bhere',
    );
    expect(escapeDiscordMarkdown('# not a heading')).toBe('\\# not a heading');
  });

  it('start a first read at the id of a moment', () => {
    // Discord's own example: 175928847299117063 was made at 2016-04-30T11:18:25.796Z.
    expect(BigInt(snowflakeAt(Date.parse('2016-04-30T11:18:25.796Z')))).toBe((175928847299117063n >> 22n) << 22n);
  });
});

describe('maskToken', () => {
  it('hides a bot token, URL-encoded too, and its secret half', () => {
    const token = '123456:ABCdefGHIjklMNOpqr';
    expect(maskToken(`GET /bot${token}/getUpdates`, token)).toBe('GET /bot****/getUpdates');
    expect(maskToken(`x ${encodeURIComponent(token)} y`, token)).toBe('x **** y');
    expect(maskToken('only ABCdefGHIjklMNOpqr here', token)).toBe('only **** here');
  });
});
