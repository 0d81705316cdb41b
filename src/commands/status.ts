import type { AppContext } from '../app/context.js';
import { formatLocalDateTime, formatRelativeTime, plural } from '../app/format.js';
import { assessHealth } from '../app/health.js';
import { isCheckRunning } from '../app/run-lock.js';
import { ExitCode } from '../domain/exit-codes.js';
import { countDeadSince, countOutbox, listDeadNotifications, listHeldNotifications } from '../store/outbox-repo.js';
import { lastRun } from '../store/runs-repo.js';
import { listWatches } from '../store/watches-repo.js';

const DEAD_WINDOW_MS = 24 * 3_600_000;

/** Without --max-age: twelve runs of the compose loop's 5 min interval, or a missed hourly cron run. */
const DEFAULT_MAX_AGE_MS = 3_600_000;

/** `pyhabot status`: is pyhabot healthy? Exit 0 when it is, 1 when not (the container healthcheck). */
export async function run(
  context: AppContext,
  _args: [],
  options: { maxAge?: number; json?: boolean },
): Promise<ExitCode> {
  const { config } = await context.config();
  const db = await context.db();
  const now = context.now();
  const watches = listWatches(db);
  const run = lastRun(db);
  const health = assessHealth({
    now,
    watches,
    maxAgeMs: options.maxAge ?? DEFAULT_MAX_AGE_MS,
    failureThreshold: config.failureThreshold,
    deadRecently: countDeadSince(db, new Date(now.getTime() - DEAD_WINDOW_MS)),
    lastRun: run ?? null,
    checkRunning: isCheckRunning(db, { now, staleAfterMs: config.lockStaleMs }),
  });
  const outbox = countOutbox(db);
  const held = listHeldNotifications(db, now);
  // Loaded only when needed: the rules are a module per channel, and most reports show no target.
  const mask =
    options.json || held.length > 0
      ? (await import('../domain/targets/parse-target.js')).maskTarget
      : (target: string) => target;
  const exitCode = health.healthy ? ExitCode.ok : ExitCode.partialFailure;
  const { output } = context;
  if (options.json) {
    output.json({
      healthy: health.healthy,
      problems: health.problems,
      lastRun: run ?? null,
      lastSuccessAt: health.lastSuccessAt,
      watches: { total: watches.length, enabled: watches.filter((w) => w.enabled).length },
      failingWatches: health.failingWatches.map((watch) => ({
        id: watch.id,
        name: watch.name,
        consecutiveFailures: watch.lastCheck.consecutiveFailures,
        errorKind: watch.lastCheck.errorKind,
        errorMessage: watch.lastCheck.errorMessage,
      })),
      notifications: outbox,
      held: held.map((entry) => ({ ...entry, target: mask(entry.target) })),
      deadNotifications: listDeadNotifications(db).map((row) => ({ ...row, target: mask(row.target) })),
    });
    return exitCode;
  }
  const { styles } = output;
  output.line(health.healthy ? styles.green('healthy') : styles.red('unhealthy'));
  for (const problem of health.problems) output.line(`  - ${problem}`);
  if (run) {
    const state = run.finishedAt === null ? 'did not finish' : `exit ${run.exitCode ?? '?'}`;
    output.line(
      `last run:      ${formatRelativeTime(run.startedAt, now)} (${state}; ${plural(run.watchesChecked, 'watch', 'watches')}, ${plural(run.newAds, 'new ad', 'new ads')}, ${run.watchesFailed} failed)`,
    );
  } else {
    output.line('last run:      never');
  }
  output.line(`last success:  ${formatRelativeTime(health.lastSuccessAt, now)}`);
  output.line(`watches:       ${watches.length} (${watches.filter((w) => w.enabled).length} enabled)`);
  output.line(`notifications: ${outbox.pending} pending, ${outbox.dead} dead, ${outbox.delivered} delivered`);
  for (const entry of held) {
    output.line(
      `held:          ${entry.notifications} for ${mask(entry.target)}, sent at the first check after ${formatLocalDateTime(entry.releasedAt, 'short')}`,
    );
  }
  return exitCode;
}
