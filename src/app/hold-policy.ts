import type { ResolvedConfig } from '../config/schema.js';
import { type DigestSchedule, holdUntil, parseQuietHours } from '../domain/quiet-hours.js';
import type { Db } from '../store/open-db.js';
import { getWatchRules } from '../store/rules-repo.js';

/** The settings that decide whether a notification waits; all optional, so a run without them sends at once. */
export type HoldSettings = Partial<Pick<ResolvedConfig, 'quietHours' | 'timeZone' | 'digests'>>;

/** The time zone quiet hours and digests are read in when none is set. */
export const DEFAULT_TIME_ZONE = 'Europe/Budapest';

/**
 * For one watch's events created at `now`: until when each target's notification waits. The watch's own digest
 * choice wins over the target's (`off` sends at once even to a digest target); quiet hours apply to both.
 */
export function holdForWatch(
  db: Db,
  settings: HoldSettings,
  watchId: number,
  now: Date,
): ((target: string) => Date | null) | undefined {
  const parsed = settings.quietHours ? parseQuietHours(settings.quietHours) : null;
  // The config already refused a range that cannot be read.
  const quietHours = parsed?.ok ? parsed.value : null;
  const targetDigests = settings.digests ?? {};
  const watchDigest = getWatchRules(db, watchId).digest;
  if (quietHours === null && watchDigest === undefined && Object.keys(targetDigests).length === 0) return undefined;
  const timeZone = settings.timeZone ?? DEFAULT_TIME_ZONE;
  return (target) => {
    const choice = watchDigest ?? targetDigests[target] ?? 'off';
    const digest: DigestSchedule | null = choice === 'off' ? null : choice;
    return holdUntil(now, { quietHours, timeZone, digest });
  };
}
