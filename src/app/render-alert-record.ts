import { describeAlert } from '../notify/alert-text.js';
import type { CheckRecord } from './check-report.js';
import { displayText } from './display-text.js';
import { plural } from './format.js';
import type { Styles } from './output.js';

/** The human lines for a failure or recovery alert: what happened and who was told. */
export function renderAlertRecord(record: Extract<CheckRecord, { type: 'alert' }>, styles: Styles): string[] {
  // Terminal lines are in English whatever language the notifications use, like every other check line.
  const text = describeAlert(record.event, 'en');
  const label = text.tone === 'problem' ? styles.red(styles.bold('ALERT')) : styles.green(styles.bold('RECOVERED'));
  const told =
    record.targets.length === 0 ? 'no target to tell' : `sent to ${plural(record.targets.length, 'target', 'targets')}`;
  const watchTag = styles.dim(`[${displayText(record.event.watch.name)}]`);
  return [`${label} ${watchTag} ${displayText(text.title)} ${styles.dim(`(${told})`)}`];
}
