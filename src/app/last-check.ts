import type { Watch } from '../domain/watch.js';
import type { Styles } from './output.js';

/** A short phrase for a watch's last check result: "ok, 2 events", "baseline", "error: timeout (3 in a row)". */
export function describeLastCheck(watch: Watch, styles: Styles): string {
  const check = watch.lastCheck;
  switch (check.status) {
    case null:
      return styles.dim('not checked yet');
    case 'baseline':
      return 'baseline recorded';
    case 'ok':
      return check.events ? styles.green(`ok, ${check.events} event${check.events === 1 ? '' : 's'}`) : 'ok';
    case 'error': {
      const streak = check.consecutiveFailures > 1 ? ` (${check.consecutiveFailures} in a row)` : '';
      return styles.red(`error: ${check.errorKind ?? 'unknown'}${streak}`);
    }
  }
}
