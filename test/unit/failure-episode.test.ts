import { describe, expect, it } from 'vitest';
import {
  decideTargetEpisode,
  decideWatchEpisode,
  type WatchCheckOutcome,
  type WatchEpisode,
} from '../../src/domain/failure-episode.js';

const start = new Date('2026-11-30T12:00:00Z');
const HOUR = 3_600_000;

/** Play a watch's checks through the decision, as the store would keep its state between runs. */
function play(outcomes: Array<'fail' | 'ok'>, threshold: number): Array<'failing' | 'recovered' | null> {
  let episode: WatchEpisode | null = null;
  let failures = 0;
  return outcomes.map((kind, index) => {
    failures = kind === 'fail' ? failures + 1 : 0;
    const outcome: WatchCheckOutcome = kind === 'fail' ? { ok: false, failures } : { ok: true };
    const decision = decideWatchEpisode(episode, outcome, threshold, new Date(start.getTime() + index * HOUR));
    episode = decision.episode;
    return decision.alert;
  });
}

describe('decideWatchEpisode', () => {
  it('alerts once on the third failure in a row, then stays silent while the watch keeps failing', () => {
    expect(play(['fail', 'fail', 'fail'], 3)).toEqual([null, null, 'failing']);
    expect(play(['fail', 'fail', 'fail', 'fail', 'fail'], 3)).toEqual([null, null, 'failing', null, null]);
  });

  it('sends one recovery on the first success after an alert, and nothing on the next', () => {
    expect(play(['fail', 'fail', 'fail', 'fail', 'ok', 'ok'], 3)).toEqual([
      null,
      null,
      'failing',
      null,
      'recovered',
      null,
    ]);
  });

  it('says nothing about failures that stopped below the threshold', () => {
    expect(play(['fail', 'fail', 'ok', 'fail', 'fail', 'ok'], 3)).toEqual([null, null, null, null, null, null]);
  });

  it('starts a new episode after a recovery: a second outage is alerted again', () => {
    expect(play(['fail', 'ok', 'fail', 'ok'], 1)).toEqual(['failing', 'recovered', 'failing', 'recovered']);
  });

  it('never alerts with threshold 0', () => {
    expect(play(['fail', 'fail', 'fail', 'fail', 'ok'], 0)).toEqual([null, null, null, null, null]);
  });

  it('still sends the recovery of an alert sent before alerts were turned off', () => {
    const alerted: WatchEpisode = { failingSince: start.toISOString(), failures: 4, alertedAt: start.toISOString() };
    expect(decideWatchEpisode(alerted, { ok: true }, 0, start)).toEqual({ episode: null, alert: 'recovered' });
  });

  it('keeps when the episode started and counts its failures, for the recovery message', () => {
    let episode: WatchEpisode | null = null;
    for (let failures = 1; failures <= 5; failures += 1) {
      episode = decideWatchEpisode(
        episode,
        { ok: false, failures },
        3,
        new Date(start.getTime() + failures * HOUR),
      ).episode;
    }
    expect(episode).toEqual({
      failingSince: new Date(start.getTime() + HOUR).toISOString(),
      failures: 5,
      alertedAt: new Date(start.getTime() + 3 * HOUR).toISOString(),
    });
  });

  it('alerts at once when a watch already past the threshold fails again for the first time on record', () => {
    // A database upgraded while a watch was failing: its count is already 7.
    expect(decideWatchEpisode(null, { ok: false, failures: 7 }, 3, start).alert).toBe('failing');
  });
});

describe('decideTargetEpisode', () => {
  it('alerts on the first death, stays silent on the next ones, and recovers once on a delivery', () => {
    const first = decideTargetEpisode(null, 'dead', start);
    expect(first).toEqual({ episode: { deadSince: start.toISOString() }, alert: 'dead' });
    const second = decideTargetEpisode(first.episode, 'dead', new Date(start.getTime() + HOUR));
    expect(second).toEqual({ episode: first.episode, alert: null });
    expect(decideTargetEpisode(second.episode, 'delivered', start)).toEqual({ episode: null, alert: 'recovered' });
  });

  it('says nothing when a healthy target delivers', () => {
    expect(decideTargetEpisode(null, 'delivered', start)).toEqual({ episode: null, alert: null });
  });
});
