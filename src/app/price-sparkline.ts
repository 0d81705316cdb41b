import sparkly from 'sparkly';
import { toAsciiChart } from './ascii-fallback.js';

/** An ad's price history as a sparkline ("▇▅▁"), one character a price; a gap where it asked no amount. */
export function drawPriceSparkline(prices: ReadonlyArray<number | null>, options: { unicode: boolean }): string {
  const line = sparkly(prices.map((price) => price ?? ''));
  return options.unicode ? line : toAsciiChart(line);
}
