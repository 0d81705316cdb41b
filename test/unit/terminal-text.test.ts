import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayText } from '../../src/app/display-text.js';
import { formatTable, plural } from '../../src/app/format.js';
import { pickTargets } from '../../src/app/pick-targets.js';
import { parseMaxPagesOrDefault } from '../../src/cli/arg-parsers.js';
import { outputWidth } from '../../src/cli/terminal-output.js';
import { maskTarget } from '../../src/domain/targets/parse-target.js';
import { fitWatchName, validateWatchName } from '../../src/domain/watch-name.js';

const widest = (lines: string[]): number => Math.max(...lines.map((line) => stringWidth(line)));

describe('formatTable', () => {
  const header = ['ID', 'TITLE', 'PRICE', 'STATE'];
  const rows = [
    ['1', 'Árvíztűrő tükörfúrógép, bontatlan, garanciával, számlával, azonnal vihető', '84 990 Ft', 'active'],
    ['22', '株式会社 ゲーミング ノートパソコン 🎮🎮 RTX 4090 szinte új állapotban', '1 290 Ft', 'gone'],
    ['333', 'short', '-', 'active'],
  ];

  it('aligns columns by display width: accents, wide characters and emoji line up', async () => {
    const lines = await formatTable(header, rows);
    const priceColumns = lines.map((line) => stringWidth(line.slice(0, line.search(/(84 990|1 290|-) /))));
    expect(new Set(priceColumns.slice(1)).size).toBe(1);
    expect(lines[2]).toContain('🎮🎮 RTX 4090 szinte új állapotban');
  });

  it('keeps full rows without a width (a pipe)', async () => {
    expect(widest(await formatTable(header, rows))).toBeGreaterThan(80);
  });

  it('cuts the widest shrinkable column with an ellipsis to fit the width, never wrapping', async () => {
    for (const width of [80, 60, 40]) {
      const lines = await formatTable(header, rows, { width, shrinkable: [1] });
      expect(widest(lines)).toBeLessThanOrEqual(width);
      expect(lines).toHaveLength(rows.length + 1);
      expect(lines[1]).toContain('…');
      expect(lines[3]).toMatch(/^333\s+short\s+-\s+active$/);
    }
  });

  it('cuts whole rows as a last resort when the fixed columns alone are too wide', async () => {
    const lines = await formatTable(['A', 'B'], [['x'.repeat(50), 'y'.repeat(50)]], { width: 30, shrinkable: [] });
    expect(widest(lines)).toBeLessThanOrEqual(30);
  });

  it('lays out plain Latin text the same way, cutting it too when it does not fit', async () => {
    const latin = [['1', 'Árvíztűrő tükörfúrógép, bontatlan, garanciával és számlával', 'active']];
    const full = await formatTable(['ID', 'TITLE', 'STATE'], latin);
    expect(full[1]).toBe('1   Árvíztűrő tükörfúrógép, bontatlan, garanciával és számlával  active');
    const cut = await formatTable(['ID', 'TITLE', 'STATE'], latin, { width: 40, shrinkable: [1] });
    expect(cut[1]).toBe('1   Árvíztűrő tükörfúrógép, bon…  active');
    expect(widest(cut)).toBeLessThanOrEqual(40);
  });

  it('measures colour codes as zero width', async () => {
    const lines = await formatTable(
      ['A', 'B'],
      [
        ['\u001b[2mgone\u001b[22m', 'x'],
        ['active', 'y'],
      ],
    );
    expect(lines[1]?.indexOf('x')).toBe('\u001b[2m'.length + 'gone'.length + '\u001b[22m'.length + 4);
  });
});

describe('displayText', () => {
  it.each([
    ['an OSC title sequence', 'GPU \u001b]0;pwned\u0007 olcsón', 'GPU \\u001b]0;pwned\\u0007 olcsón'],
    ['a colour sequence', '\u001b[31mRED\u001b[0m', '\\u001b[31mRED\\u001b[0m'],
    ['a C1 CSI', 'a\u009b2Jb', 'a\\u009b2Jb'],
    ['bidi overrides and isolates', 'abc\u202edcba\u202c \u2066x\u2069', 'abcdcba x'],
    ['zero-width and soft hyphen characters', 'zero\u200bwidth\u00ad\ufeff', 'zerowidth'],
    ['line breaks and tabs', 'one\r\ntwo\tthree\u2028four', 'one two three four'],
  ])('neutralises %s', (_label, input, shown) => {
    expect(displayText(input)).toBe(shown);
  });

  it('leaves ordinary text, accents and emoji sequences alone', () => {
    const text = 'Árvíztűrő 株式会社 👨‍👩‍👧 RTX 3080 – 84 990 Ft';
    expect(displayText(text)).toBe(text);
  });
});

describe('outputWidth', () => {
  it('takes COLUMNS first, then a terminal, and keeps full lines for a pipe', () => {
    expect(outputWidth({ COLUMNS: '80' }, { isTTY: false })).toBe(80);
    expect(outputWidth({}, { isTTY: true, columns: 120 })).toBe(120);
    expect(outputWidth({ COLUMNS: 'wide' }, { isTTY: false })).toBeUndefined();
    expect(outputWidth({}, { isTTY: false, columns: 120 })).toBeUndefined();
  });
});

describe('validateWatchName', () => {
  it.each([
    ['an escape sequence', 'GPU \u001b]0;x\u0007'],
    ['a C1 control', 'GPU \u009b2J'],
    ['a bidi override', 'GPU \u202eevil'],
    ['a bidi isolate', 'GPU \u2066x\u2069'],
  ])('refuses a name with %s', (_label, name) => {
    expect(() => validateWatchName(name)).toThrow('the watch name contains control characters');
  });

  it('accepts accents and emoji', () => {
    expect(validateWatchName('  Árvíztűrő   🎮 ')).toBe('Árvíztűrő 🎮');
  });
});

describe('fitWatchName', () => {
  it('cuts a long search text to a name that validates, on one line', () => {
    const name = fitWatchName(`${'rtx 3080 '.repeat(60)}\u001b[31m`);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.endsWith('…')).toBe(true);
    expect(name).not.toMatch(/\p{Cc}/u);
  });
});

describe('pickTargets', () => {
  const targets = [
    'https://discord.com/api/webhooks/123456789/secret-token-one',
    'ntfy://pyhabot-topic',
    'tgram://123:bot-token/987',
  ];

  it('accepts a target as typed, as show masks it, or by its number in show', () => {
    expect(pickTargets(targets, [maskTarget(targets[0] as string)], maskTarget, 1)).toEqual([targets[0]]);
    expect(pickTargets(targets, ['2'], maskTarget, 1)).toEqual([targets[1]]);
    expect(pickTargets(targets, [targets[2] as string], maskTarget, 1)).toEqual([targets[2]]);
  });

  it('names a masked target it cannot find exactly as typed, ellipsis and all', () => {
    expect(() => pickTargets(targets, ['discord://9999…/****'], maskTarget, 4)).toThrow(
      'watch 4 has no notification target "discord://9999…/****"',
    );
  });

  it('refuses a number past the end, and a masked form that stands for several targets', () => {
    expect(() => pickTargets(targets, ['4'], maskTarget, 1)).toThrow('watch 1 has 3 notification targets');
    const twins = ['tgram://1:aaaa/5', 'tgram://2:bbbb/5'];
    expect(maskTarget(twins[0] as string)).toBe(maskTarget(twins[1] as string));
    expect(() => pickTargets(twins, [maskTarget(twins[0] as string)], maskTarget, 1)).toThrow('stands for 2 targets');
  });
});

describe('small parsers and words', () => {
  it('reads --max-pages default as "back to the config"', () => {
    expect(parseMaxPagesOrDefault('default')).toBe('default');
    expect(parseMaxPagesOrDefault('3')).toBe(3);
    expect(() => parseMaxPagesOrDefault('0')).toThrow(/from 1 to 50/);
  });

  it('says 1 watch and 2 watches', () => {
    expect(plural(1, 'watch', 'watches')).toBe('1 watch');
    expect(plural(2, 'watch', 'watches')).toBe('2 watches');
  });
});
