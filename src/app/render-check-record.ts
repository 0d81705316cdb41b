import type { Ad } from '../domain/ad.js';
import type { PriceContext, RepostContext } from '../domain/ad-insight.js';
import { formatForint } from '../domain/forint.js';
import { listedDuration } from '../domain/listed-duration.js';
import { describePriceContext, describeRepost } from '../notify/insight-notes.js';
import type { CheckRecord, CheckSummary } from './check-report.js';
import { displayText } from './display-text.js';
import { plural } from './format.js';
import type { Styles } from './output.js';
import { renderAlertRecord } from './render-alert-record.js';

/** The human lines for one record of a check run (an empty list for records that print nothing). */
export function renderCheckRecord(record: CheckRecord, styles: Styles, now: Date = new Date()): string[] {
  // Names, titles, sellers, cities, prices and error texts come from the site or a receiver: made safe to print.
  const watchTag = 'watch' in record && record.watch ? styles.dim(`[${displayText(record.watch.name)}]`) : '';
  switch (record.type) {
    case 'baseline':
      return [`${watchTag} baseline: ${plural(record.ads, 'ad', 'ads')} recorded, future changes will be reported`];
    case 'new_ad':
      return [
        `${styles.green(styles.bold('NEW'))} ${watchTag} ${styles.bold(displayText(record.ad.title))}`,
        ...adDetails(record.ad, describePrice(record.ad), styles),
        ...historyNotes(record.ad, record.repost, record.context, styles),
      ];
    case 'reposted':
      return [
        `${styles.magenta(styles.bold('RE-POST'))} ${watchTag} ${styles.bold(displayText(record.ad.title))}` +
          (record.notified ? '' : styles.dim(' (recorded, not notified)')),
        ...adDetails(record.ad, describePrice(record.ad), styles),
        ...historyNotes(record.ad, record.repost, record.context, styles),
      ];
    case 'price_changed': {
      const dropped = record.oldPrice !== null && record.newPrice !== null && record.newPrice < record.oldPrice;
      const label = dropped ? styles.cyan(styles.bold('PRICE DROP')) : styles.yellow(styles.bold('PRICE'));
      return [
        `${label} ${watchTag} ${styles.bold(displayText(record.ad.title))}`,
        ...adDetails(
          record.ad,
          `${displayText(record.oldPriceText)} -> ${displayText(record.newPriceText)}${describePriceMove(record)}`,
          styles,
        ),
        ...historyNotes(record.ad, undefined, record.context, styles),
      ];
    }
    case 'reactivated':
      return [
        `${styles.green(styles.bold('ACTIVE AGAIN'))} ${watchTag} ${styles.bold(displayText(record.ad.title))}`,
        ...adDetails(record.ad, describePrice(record.ad), styles),
      ];
    case 'reappeared':
      return [
        `${styles.green(styles.bold('BACK'))} ${watchTag} ${styles.bold(displayText(record.ad.title))}`,
        ...adDetails(record.ad, describePrice(record.ad), styles),
      ];
    case 'gone': {
      const listed = listedDuration(record.firstSeenAt, record.lastSeenAt);
      const span = listed === null ? '' : `, listed ${plural(listed.count, listed.unit, `${listed.unit}s`)}`;
      return [
        `${styles.dim(styles.bold('GONE'))} ${watchTag} ${styles.bold(displayText(record.ad.title))}`,
        ...adDetails(record.ad, `last price ${describePrice(record.ad)}${span}`, styles),
      ];
    }
    case 'filtered':
      // Held back on purpose: counted in the summary, listed by `ads --filtered` and `check --json`.
      return [];
    case 'watch_error':
      return [
        `${styles.red(styles.bold('ERROR'))} ${watchTag} ${record.error.kind}: ${displayText(record.error.message)}` +
          (record.error.consecutiveFailures > 1
            ? styles.dim(` (${record.error.consecutiveFailures} runs in a row)`)
            : ''),
        ...(record.error.hint === undefined ? [] : [styles.dim(`    hint: ${record.error.hint}`)]),
      ];
    case 'delivery_failed': {
      const count = plural(record.notifications, 'notification', 'notifications');
      const fate = record.dead
        ? `${count} dropped`
        : `${count} ${record.notifications === 1 ? 'waits' : 'wait'}${describeNextTry(record.nextAttemptAt, now)}`;
      return [
        `${styles.red(styles.bold(record.dead ? 'NOTIFICATION DEAD' : 'NOTIFICATION RETRY'))} ${displayText(record.target)}: ${displayText(record.error)}, ${fate}`,
      ];
    }
    case 'held':
      return [
        `${styles.dim('HELD')} ${displayText(record.target)}: ${plural(record.notifications, 'notification waits', 'notifications wait')} for the digest${describeRelease(record.releasedAt, now)}`,
      ];
    case 'alert':
      return renderAlertRecord(record, styles);
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
  if (summary.reactivated > 0) parts.push(`${summary.reactivated} active again`);
  if (summary.reappeared > 0) parts.push(`${summary.reappeared} back`);
  if (summary.gone > 0) parts.push(`${summary.gone} gone`);
  if (summary.baselines > 0) parts.push(plural(summary.baselines, 'baseline', 'baselines'));
  if (summary.reposts > 0) parts.push(plural(summary.reposts, 're-post', 're-posts'));
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
  const name = displayText(ad.seller.name);
  const seller = ad.seller.rating === null ? name : `${name} (${ad.seller.rating >= 0 ? '+' : ''}${ad.seller.rating})`;
  const where = ad.cities.length > 0 ? displayText(ad.cities.join(', ')) : '-';
  return [`    ${price}  ·  ${where}  ·  ${seller}`, `    ${styles.dim(displayText(ad.url))}`];
}

/** " (-10 000 Ft, -5.6 %; lowest 165 000 Ft)": the move in forints and percent, and the lowest price seen. */
function describePriceMove(record: CheckRecord & { type: 'price_changed' }): string {
  const parts: string[] = [];
  if (record.changeForints !== null) {
    const sign = record.changeForints < 0 ? '-' : '+';
    const share = record.changePercent === null ? '' : `, ${sign}${Math.abs(record.changePercent)} %`;
    parts.push(`${sign}${formatForint(Math.abs(record.changeForints))}${share}`);
  }
  const notes: string[] = [];
  if (record.crossedBelow !== undefined) notes.push(`under your ${formatForint(record.crossedBelow)} target`);
  if (record.lowestPrice !== null) notes.push(`lowest ${formatForint(record.lowestPrice)}`);
  const all = [parts.join(''), notes.join(', ')].filter((part) => part !== '').join('; ');
  return all === '' ? '' : ` (${all})`;
}

/** The re-post and price context lines under an ad, in the terminal's plain spaces. */
function historyNotes(
  ad: Ad,
  repost: RepostContext | undefined,
  context: PriceContext | undefined,
  styles: Styles,
): string[] {
  const notes: string[] = [];
  if (repost !== undefined) notes.push(describeRepost(repost, ad, 'en'));
  if (context !== undefined && ad.price !== null) notes.push(describePriceContext(ad.price, context, 'en'));
  return notes.map((note) => `    ${styles.magenta(displayText(note.replace(/\u00a0/g, ' ')))}`);
}

function describePrice(ad: Ad): string {
  return displayText(ad.priceText) || (ad.price === null ? '?' : formatForint(ad.price));
}

/** ", next try after 12:05" in local time, with the date when it is not today. */
function describeNextTry(iso: string | null, now: Date): string {
  return describeLocalTime(iso, now, 'next try after');
}

/** ", sent after 07:00" in local time, with the date when it is not today. */
function describeRelease(iso: string, now: Date): string {
  return describeLocalTime(iso, now, 'sent after');
}

function describeLocalTime(iso: string | null, now: Date, words: string): string {
  if (iso === null) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const day = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `, ${words} ${day(at) === day(now) ? time : `${day(at)} ${time}`}`;
}
