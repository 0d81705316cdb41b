import type { AlertEvent } from '../domain/alert-events.js';
import type { Language } from './strings.js';

/** An alert in words, before any channel escapes or trims it. */
export interface AlertText {
  /** Problems and all-clears get different colours and tags. */
  tone: 'problem' | 'recovery';
  title: string;
  /** Detail lines: the error, what to do, how long it lasted. */
  lines: string[];
  /** The watch's search page, when the alert is about a watch. */
  link: string | null;
}

interface AlertWords {
  failingTitle(watch: string, failures: number): string;
  error: string;
  whatToDo: string;
  recoveredTitle(watch: string): string;
  recoveredDetail(failures: number, duration: string): string;
  deadTitle(target: string): string;
  deadDetail(watch: string, error: string): string;
  deadAdvice: string;
  targetRecoveredTitle(target: string): string;
  targetRecoveredDetail(duration: string): string;
  duration(minutes: number): string;
}

const alertWords = {
  en: {
    failingTitle: (watch, failures) => `${watch} is failing: ${failures} checks in a row`,
    error: 'Error',
    whatToDo: 'What to do',
    recoveredTitle: (watch) => `${watch} is being checked again`,
    recoveredDetail: (failures, duration) =>
      `It failed ${failures} ${failures === 1 ? 'check' : 'checks'} over ${duration}.`,
    deadTitle: (target) => `Notifications to ${target} are failing`,
    deadDetail: (watch, error) => `A notification for ${watch} was given up: ${error}`,
    deadAdvice: 'Check or replace that target; the other targets keep receiving notifications.',
    targetRecoveredTitle: (target) => `Notifications to ${target} are delivered again`,
    targetRecoveredDetail: (duration) => `They had been failing for ${duration}.`,
    duration: (minutes) => describeMinutes(minutes, ['min', 'h', 'day', 'days']),
  },
  hu: {
    failingTitle: (watch, failures) => `${watch}: ${failures} ellenőrzés sikertelen egymás után`,
    error: 'Hiba',
    whatToDo: 'Teendő',
    recoveredTitle: (watch) => `${watch}: az ellenőrzés újra működik`,
    recoveredDetail: (failures, duration) => `${failures} ellenőrzés volt sikertelen ${duration} alatt.`,
    deadTitle: (target) => `Nem sikerül értesítést küldeni ide: ${target}`,
    deadDetail: (watch, error) => `Egy értesítés (${watch}) nem ment ki: ${error}`,
    deadAdvice: 'Ellenőrizd vagy cseréld le ezt a célt; a többi cél továbbra is megkapja az értesítéseket.',
    targetRecoveredTitle: (target) => `Az értesítések újra megérkeznek ide: ${target}`,
    targetRecoveredDetail: (duration) => `${duration} óta nem érkeztek meg.`,
    duration: (minutes) => describeMinutes(minutes, ['perc', 'óra', 'nap', 'nap']),
  },
} satisfies Record<Language, AlertWords>;

/** "45 min", "3 h", "2 days": the length of an episode, rounded to what a reader cares about. */
function describeMinutes(minutes: number, [min, hour, day, days]: [string, string, string, string]): string {
  if (minutes < 90) return `${Math.max(1, Math.round(minutes))} ${min}`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours)} ${hour}`;
  const count = Math.round(hours / 24);
  return `${count} ${count === 1 ? day : days}`;
}

function minutesBetween(fromIso: string, toIso: string): number {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  return Number.isFinite(ms) ? Math.max(0, ms / 60_000) : 0;
}

/** Put one alert into words in the chosen language. */
export function describeAlert(event: AlertEvent, language: Language): AlertText {
  const words: AlertWords = alertWords[language];
  const watchName = event.watch.name.trim() === '' ? `#${event.watch.id}` : event.watch.name.trim();
  switch (event.type) {
    case 'watch_failing':
      return {
        tone: 'problem',
        title: words.failingTitle(watchName, event.failures),
        lines: [
          `${words.error}: ${event.error.kind}: ${event.error.message}`,
          ...(event.error.hint === undefined ? [] : [`${words.whatToDo}: ${event.error.hint}`]),
        ],
        link: event.watch.url,
      };
    case 'watch_recovered':
      return {
        tone: 'recovery',
        title: words.recoveredTitle(watchName),
        lines: [
          words.recoveredDetail(event.failures, words.duration(minutesBetween(event.failingSince, event.recoveredAt))),
        ],
        link: event.watch.url,
      };
    case 'target_dead':
      return {
        tone: 'problem',
        title: words.deadTitle(event.target),
        lines: [words.deadDetail(watchName, event.error), words.deadAdvice],
        link: null,
      };
    case 'target_recovered':
      return {
        tone: 'recovery',
        title: words.targetRecoveredTitle(event.target),
        lines: [words.targetRecoveredDetail(words.duration(minutesBetween(event.deadSince, event.recoveredAt)))],
        link: null,
      };
  }
}
