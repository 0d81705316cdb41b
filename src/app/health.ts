import type { Watch } from '../domain/watch.js';

/** Inputs of the health verdict, as `status` reads them from the database. */
export interface HealthInputs {
  now: Date;
  watches: Watch[];
  maxAgeMs: number | null;
  failureThreshold: number;
  deadRecently: number;
  /** The most recent check run, finished or not. */
  lastRun: { startedAt: string; finishedAt: string | null } | null;
  /** A check holds the lock right now, so an unfinished last run is simply still going. */
  checkRunning: boolean;
}

/** The health verdict: healthy, or the reasons it is not. */
export interface Health {
  healthy: boolean;
  problems: string[];
  lastSuccessAt: string | null;
  failingWatches: Watch[];
}

/**
 * Decide whether checks are succeeding: the last run finished, not every watch failed it, recent success, no
 * watch failing run after run, no recently dead notification.
 */
export function assessHealth(inputs: HealthInputs): Health {
  const enabled = inputs.watches.filter((watch) => watch.enabled);
  const problems: string[] = [];
  const successes = enabled.map((watch) => watch.lastCheck.lastSuccessAt).filter((at): at is string => at !== null);
  // ISO 8601 UTC strings sort chronologically.
  const lastSuccessAt = successes.sort().at(-1) ?? null;
  if (inputs.maxAgeMs !== null && enabled.length > 0) {
    // A watch added moments ago has had no chance to succeed yet; measure from its creation instead.
    const reference = lastSuccessAt ?? (enabled.map((watch) => watch.createdAt).sort()[0] as string);
    const age = inputs.now.getTime() - new Date(reference).getTime();
    if (age > inputs.maxAgeMs) {
      problems.push(
        lastSuccessAt === null
          ? `no check has succeeded since the first watch was added ${formatAge(age)} ago`
          : `the last successful check was ${formatAge(age)} ago (allowed: ${formatAge(inputs.maxAgeMs)})`,
      );
    }
  }
  const { lastRun } = inputs;
  if (lastRun !== null && lastRun.finishedAt === null && !inputs.checkRunning) {
    // A run stops without recording its end when storage fails under it (a full disk) or it is killed.
    const age = inputs.now.getTime() - new Date(lastRun.startedAt).getTime();
    problems.push(
      `the last check, started ${formatAge(Math.max(0, age))} ago, did not finish: a storage error (such as a full disk) or a kill stopped it; its log says which`,
    );
  }
  // A threshold of 0 turns the "failing run after run" verdict off, as it turns the alerts off.
  const failingWatches = enabled.filter(
    (watch) => inputs.failureThreshold > 0 && watch.lastCheck.consecutiveFailures >= inputs.failureThreshold,
  );
  const failedLast = enabled.filter((watch) => watch.lastCheck.consecutiveFailures > 0);
  // One watch failing once is weather; all of them failing at once is the site, the network or pyhabot.
  if (enabled.length > 0 && failedLast.length === enabled.length && failingWatches.length < enabled.length) {
    const kinds = [...new Set(failedLast.map((watch) => watch.lastCheck.errorKind ?? 'error'))].join(', ');
    problems.push(
      enabled.length === 1
        ? `the only enabled watch failed its last check: ${kinds}`
        : `every enabled watch (${enabled.length}) failed its last check: ${kinds}`,
    );
  }
  for (const watch of failingWatches) {
    problems.push(
      `watch ${watch.id} (${watch.name}) failed ${watch.lastCheck.consecutiveFailures} runs in a row: ${watch.lastCheck.errorKind ?? 'error'}`,
    );
  }
  if (inputs.deadRecently > 0) {
    problems.push(
      `${inputs.deadRecently} notification${inputs.deadRecently === 1 ? '' : 's'} could not be delivered in the last 24 h`,
    );
  }
  return { healthy: problems.length === 0, problems, lastSuccessAt, failingWatches };
}

/** "45 s", "12 min", "3.5 h", "2 days". */
export function formatAge(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 90) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round(hours / 24)} days`;
}
