import type { Ad } from '../domain/ad.js';
import { formatForint } from '../domain/forint.js';
import type { CheckRecord, CheckSummary } from './check-report.js';
import type { Styles } from './output.js';

/** The human lines for one record of a check run (an empty list for records that print nothing). */
export function renderCheckRecord(record: CheckRecord, styles: Styles): string[] {
  switch (record.type) {
    case 'baseline':
      return [
        `${styles.dim(`[${record.watch.name}]`)} baseline: ${record.ads} ads recorded, future changes will be reported`,
      ];
    case 'new_ad':
      return [
        `${styles.green(styles.bold('NEW'))} ${styles.dim(`[${record.watch.name}]`)} ${styles.bold(record.ad.title)}`,
        ...adDetails(record.ad, describePrice(record.ad), styles),
      ];
    case 'price_changed': {
      const dropped = record.oldPrice !== null && record.newPrice !== null && record.newPrice < record.oldPrice;
      const label = dropped ? styles.cyan(styles.bold('PRICE DROP')) : styles.yellow(styles.bold('PRICE'));
      const diff =
        record.oldPrice !== null && record.newPrice !== null
          ? ` (${record.newPrice < record.oldPrice ? '-' : '+'}${formatForint(Math.abs(record.newPrice - record.oldPrice))})`
          : '';
      return [
        `${label} ${styles.dim(`[${record.watch.name}]`)} ${styles.bold(record.ad.title)}`,
        ...adDetails(record.ad, `${record.oldPriceText} -> ${record.newPriceText}${diff}`, styles),
      ];
    }
    case 'filtered':
      // Held back on purpose: counted in the summary, listed by `ads --filtered` and `check --json`.
      return [];
    case 'watch_error':
      return [
        `${styles.red(styles.bold('ERROR'))} ${styles.dim(`[${record.watch.name}]`)} ${record.error.kind}: ${record.error.message}` +
          (record.error.consecutiveFailures > 1
            ? styles.dim(` (${record.error.consecutiveFailures} runs in a row)`)
            : ''),
      ];
    case 'delivery_failed':
      return [
        `${styles.red(styles.bold(record.dead ? 'NOTIFICATION DEAD' : 'NOTIFICATION RETRY'))} ${record.target}: ${record.error}` +
          styles.dim(
            ` (${record.notifications} notification${record.notifications === 1 ? '' : 's'}, attempt ${record.attempts})`,
          ),
      ];
    case 'summary':
      return [renderSummary(record, styles)];
  }
}

/** "4 watches, 2 new ads, 1 price drop, 1 error, 7.3 s". */
export function renderSummary(summary: CheckSummary, styles: Styles): string {
  const parts = [plural(summary.watches, 'watch', 'watches')];
  parts.push(plural(summary.newAds, 'new ad', 'new ads'));
  if (summary.priceDrops > 0) parts.push(plural(summary.priceDrops, 'price drop', 'price drops'));
  const otherChanges = summary.priceChanges - summary.priceDrops;
  if (otherChanges > 0) parts.push(plural(otherChanges, 'other price change', 'other price changes'));
  if (summary.baselines > 0) parts.push(plural(summary.baselines, 'baseline', 'baselines'));
  if (summary.filtered > 0) parts.push(`${summary.filtered} filtered`);
  if (summary.watchesFailed > 0) parts.push(styles.red(plural(summary.watchesFailed, 'error', 'errors')));
  if (summary.deliveriesDead > 0)
    parts.push(styles.red(plural(summary.deliveriesDead, 'dead notification', 'dead notifications')));
  if (summary.deliveryRetries > 0)
    parts.push(plural(summary.deliveryRetries, 'notification to retry', 'notifications to retry'));
  parts.push(`${(summary.durationMs / 1000).toFixed(1)} s`);
  const prefix = summary.dryRun ? 'dry run: ' : '';
  const suffix = summary.interrupted ? ' (interrupted)' : '';
  return `${prefix}${parts.join(', ')}${suffix}`;
}

function adDetails(ad: Ad, price: string, styles: Styles): string[] {
  const seller =
    ad.seller.rating === null
      ? ad.seller.name
      : `${ad.seller.name} (${ad.seller.rating >= 0 ? '+' : ''}${ad.seller.rating})`;
  const where = ad.cities.length > 0 ? ad.cities.join(', ') : '-';
  return [`    ${price}  ·  ${where}  ·  ${seller}`, `    ${styles.dim(ad.url)}`];
}

function describePrice(ad: Ad): string {
  return ad.priceText || (ad.price === null ? '?' : formatForint(ad.price));
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
