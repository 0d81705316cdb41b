/**
 * Failure episodes: a watch failing check after check, or a target whose notifications die, is one episode from
 * its first failure to its next success. The decisions here are pure; the store keeps each episode's state in
 * the same transaction as the alert it causes, so an episode is alerted at most once whatever happens between runs.
 */

/** A watch's open episode, as stored. */
export interface WatchEpisode {
  /** When the first failed check of the episode ran (ISO 8601). */
  failingSince: string;
  /** Failed checks in a row so far. */
  failures: number;
  /** When the failing alert was recorded; null while below the threshold. */
  alertedAt: string | null;
}

/** What one check of a watch did: its consecutive failures count this check. */
export type WatchCheckOutcome = { ok: true } | { ok: false; failures: number };

/** The next state of a watch's episode and the alert to send, if any. */
export interface WatchEpisodeDecision {
  episode: WatchEpisode | null;
  alert: 'failing' | 'recovered' | null;
}

/**
 * Decide a watch's episode after one check. `threshold` 0 turns the failing alert off; a recovery still
 * follows an alert already sent, so no alert is left without its all-clear.
 */
export function decideWatchEpisode(
  previous: WatchEpisode | null,
  outcome: WatchCheckOutcome,
  threshold: number,
  now: Date,
): WatchEpisodeDecision {
  if (outcome.ok) {
    return { episode: null, alert: (previous?.alertedAt ?? null) !== null ? 'recovered' : null };
  }
  const episode: WatchEpisode = {
    failingSince: previous?.failingSince ?? now.toISOString(),
    failures: outcome.failures,
    alertedAt: previous?.alertedAt ?? null,
  };
  if (episode.alertedAt === null && threshold > 0 && episode.failures >= threshold) {
    return { episode: { ...episode, alertedAt: now.toISOString() }, alert: 'failing' };
  }
  return { episode, alert: null };
}

/** A target's open episode, as stored: it went dead and the other targets were told. */
export interface TargetEpisode {
  deadSince: string;
}

/** The next state of a target's episode and the alert to send, if any. */
export interface TargetEpisodeDecision {
  episode: TargetEpisode | null;
  alert: 'dead' | 'recovered' | null;
}

/** Decide a target's episode after one of its notifications died, or one was delivered. */
export function decideTargetEpisode(
  previous: TargetEpisode | null,
  outcome: 'dead' | 'delivered',
  now: Date,
): TargetEpisodeDecision {
  if (outcome === 'delivered') return { episode: null, alert: previous === null ? null : 'recovered' };
  if (previous !== null) return { episode: previous, alert: null };
  return { episode: { deadSince: now.toISOString() }, alert: 'dead' };
}
