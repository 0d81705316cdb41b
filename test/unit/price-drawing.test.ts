import { describe, expect, it } from 'vitest';
import { drawPriceBars } from '../../src/app/price-bars.js';
import { drawWeeklyMedianChart } from '../../src/app/price-chart.js';
import { drawPriceSparkline } from '../../src/app/price-sparkline.js';
import { wrapWords } from '../../src/app/wrap-words.js';
import { plainStyles } from '../../src/cli/terminal-output.js';
import type { WeeklyMedian } from '../../src/domain/weekly-medians.js';

const WEEK = 7 * 86_400_000;
const END = Date.parse('2026-12-01T00:00:00Z');

function weeks(medians: Array<number | null>): WeeklyMedian[] {
  return medians.map((median, index) => ({
    start: new Date(END - (medians.length - index) * WEEK).toISOString(),
    end: new Date(END - (medians.length - index - 1) * WEEK).toISOString(),
    count: median === null ? 0 : 3,
    median,
  }));
}

const layout = { width: 80, height: 8, unicode: true, styles: plainStyles };

describe('drawWeeklyMedianChart', () => {
  it('labels the axis with round amounts, marks only the first week as the start, and dates both ends', () => {
    const lines = drawWeeklyMedianChart(weeks([84_900, 5_000, 40_000, 75_000]), layout);
    const labels = lines.slice(0, -1).map((line) => line.slice(0, line.search(/[┤┼]/)).trim());
    expect(labels).toEqual(['100 000', '80 000', '60 000', '40 000', '20 000', '0']);
    expect(lines.filter((line) => line.includes('┼'))).toEqual([expect.stringMatching(/^ 80 000 ┼/)]);
    expect(lines.at(-1)?.trim()).toBe('2026-11-03 to 2026-12-01');
  });

  it('starts at the first week with a median and carries a median over a week without one', () => {
    const lines = drawWeeklyMedianChart(weeks([null, null, 50_000, null, 60_000]), layout);
    expect(
      lines
        .at(-1)
        ?.trim()
        .startsWith(new Date(END - 3 * WEEK).toISOString().slice(0, 10)),
    ).toBe(true);
    expect(lines.join('\n')).not.toMatch(/NaN/);
  });

  it('draws a flat line on one row for constant prices, and nothing without any price', () => {
    const flat = drawWeeklyMedianChart(weeks([45_000, 45_000, 45_000]), layout);
    expect(flat).toHaveLength(2);
    expect(flat[0]).toMatch(/^45 000 ┼─+$/);
    expect(drawWeeklyMedianChart(weeks([null, null]), layout)).toEqual([]);
  });

  it('fits narrow terminals, leaving out the oldest weeks, and draws ASCII when asked', () => {
    const year = weeks(Array.from({ length: 53 }, (_, index) => 50_000 + ((index * 7919) % 30) * 1000));
    const narrow = drawWeeklyMedianChart(year, { ...layout, width: 40, unicode: false });
    expect(Math.max(...narrow.map((line) => line.length))).toBeLessThanOrEqual(40);
    expect(narrow.join('\n')).not.toMatch(/[^\x20-\x7e\n]/);
    expect(narrow.at(-1)?.trim().endsWith('2026-12-01')).toBe(true);
  });
});

describe('drawPriceBars', () => {
  it('draws a bar per range, longest for the most ads, a visible one for a single ad, none for none', () => {
    const lines = drawPriceBars(
      {
        bins: [
          { from: 0, to: 50_000, count: 40 },
          { from: 50_000, to: 100_000, count: 0 },
          { from: 100_000, to: 150_000, count: 1 },
        ],
        leftOut: 0,
      },
      { width: 60, unicode: true, styles: plainStyles },
    );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ {7}0–50 000 Ft {2}█{36} {2}40$/);
    expect(lines[1]).not.toContain('█');
    expect(lines[2]).toMatch(/^100 000–150 000 Ft {2}█ {38}1$/);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(60);
  });

  it('names a single price without a range, in ASCII when asked', () => {
    const lines = drawPriceBars(
      { bins: [{ from: 45_000, to: 45_000, count: 2 }], leftOut: 0 },
      { width: 40, unicode: false, styles: plainStyles },
    );
    expect(lines).toEqual([`45 000 Ft  ${'#'.repeat(26)}  2`]);
  });
});

describe('drawPriceSparkline', () => {
  it('draws one character a price, low to high, a gap where the ad asked no amount', () => {
    expect(drawPriceSparkline([100, 200, null, 150], { unicode: true })).toBe('▁█ ▄');
    expect(drawPriceSparkline([100, 200, null, 150], { unicode: false })).toBe('_# ~');
    expect(drawPriceSparkline([5, 5], { unicode: true })).toBe('▅▅');
  });
});

describe('wrapWords', () => {
  it('breaks prose at spaces to fit, and leaves it whole without a width', () => {
    expect(wrapWords('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapWords('one two three four', undefined)).toEqual(['one two three four']);
    expect(wrapWords('unbreakable-word here', 5)).toEqual(['unbreakable-word', 'here']);
  });
});
