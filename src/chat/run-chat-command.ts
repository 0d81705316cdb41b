import { describeFilter } from '../app/describe-filter.js';
import { displayText } from '../app/display-text.js';
import { applyFilterFlags, type FilterFlags } from '../app/filter-options.js';
import { assessHealth } from '../app/health.js';
import { isCheckRunning } from '../app/run-lock.js';
import { requireWatch } from '../app/watch-lookup.js';
import type { ResolvedConfig } from '../config/schema.js';
import { type ChatCommand, FILTER_RULE_NAMES } from '../domain/chat-command.js';
import { duplicateError } from '../domain/duplicate-watch.js';
import type { Watch } from '../domain/watch.js';
import { fitWatchName, validateWatchName } from '../domain/watch-name.js';
import { canonicalizeWatchUrl, defaultWatchName } from '../domain/watch-url.js';
import { getWatchFilter, setWatchFilter } from '../store/filters-repo.js';
import type { Db } from '../store/open-db.js';
import { countDeadSince, countOutbox } from '../store/outbox-repo.js';
import { lastRun } from '../store/runs-repo.js';
import { deleteWatches, findWatchByUrl, insertWatch, listWatches, updateWatch } from '../store/watches-repo.js';

/** What a chat command may read of the settings. */
export type ChatCommandSettings = Pick<
  ResolvedConfig,
  'notifyExisting' | 'filter' | 'failureThreshold' | 'lockStaleMs'
>;

/** The chat a command came from. */
export interface ChatOrigin {
  /** The notification target that reaches this chat, given to the watches it adds; null when there is none. */
  target: string | null;
}

const HOUR_MS = 3_600_000;

/**
 * Run one chat command against the database and return the answer's lines. Synchronous, so it runs inside the
 * transaction that also moves the chat's read position; a UserError thrown here is the CLI's own error.
 */
export function runChatCommand(
  db: Db,
  command: Exclude<ChatCommand, { kind: 'invalid' }>,
  context: { settings: ChatCommandSettings; origin: ChatOrigin; now: Date },
): string[] {
  switch (command.kind) {
    case 'help':
      return helpLines();
    case 'list':
      return listLines(listWatches(db));
    case 'status':
      return statusLines(db, context.settings, context.now);
    case 'show':
      return showLines(db, requireWatch(db, command.id), context);
    case 'add': {
      const url = canonicalizeWatchUrl(command.url);
      const name = command.name === undefined ? fitWatchName(defaultWatchName(url)) : validateWatchName(command.name);
      const existing = findWatchByUrl(db, url);
      if (existing) throw duplicateError(existing.id, existing.name);
      const { target } = context.origin;
      const watch = insertWatch(
        db,
        {
          name,
          url,
          enabled: true,
          notify: target === null ? [] : [target],
          notifyExisting: context.settings.notifyExisting,
          maxPages: null,
        },
        context.now,
      );
      const where = target === null ? "the config's notify targets" : 'this chat';
      return [`Added watch ${watch.id}: ${displayText(watch.name)}`, `New ads will be sent to ${where}.`];
    }
    case 'remove': {
      const watch = requireWatch(db, command.id);
      deleteWatches(db, [watch.id]);
      return [`Removed watch ${watch.id}: ${displayText(watch.name)}`];
    }
    case 'pause':
    case 'resume': {
      requireWatch(db, command.id);
      const updated = updateWatch(db, command.id, { enabled: command.kind === 'resume' }, context.now);
      return [`${command.kind === 'pause' ? 'Paused' : 'Resumed'} watch ${updated.id}: ${displayText(updated.name)}`];
    }
    case 'filter': {
      requireWatch(db, command.id);
      const filter = applyFilterFlags(getWatchFilter(db, command.id), command.flags as FilterFlags);
      setWatchFilter(db, command.id, filter);
      const described = describeFilter(filter.own);
      return [
        `Updated the filter of watch ${command.id}:`,
        ...(described.length === 0 ? ['(no filter)'] : described.map((part) => `- ${part}`)),
        ...(filter.useGlobal ? [] : ["The config's global filter is ignored for this watch."]),
      ];
    }
  }
}

function helpLines(): string[] {
  return [
    'pyhabot commands:',
    '/add <url> [name] - watch a HardverApró search',
    '/list - the watches',
    '/show <id> - one watch in full',
    '/pause <id>, /resume <id> - switch a watch off or on',
    '/remove <id> - forget a watch',
    '/filter <id> <rule> [value] - change a filter, e.g. /filter 1 exclude hibás, alkatr*',
    `  rules: ${FILTER_RULE_NAMES.join(', ')}`,
    '/status - is pyhabot healthy?',
  ];
}

function listLines(watches: Watch[]): string[] {
  if (watches.length === 0) return ['No watches yet. Add one with /add <url of a HardverApró search>'];
  return watches.map(
    (watch) => `${watch.id}. ${displayText(watch.name)}${watch.enabled ? '' : ' (paused)'} - ${describeCheck(watch)}`,
  );
}

function describeCheck(watch: Watch): string {
  const check = watch.lastCheck;
  if (check.status === null) return 'not checked yet';
  if (check.status === 'error') return `error: ${check.errorKind ?? 'unknown'}`;
  return check.status === 'baseline' ? 'baseline recorded' : `ok, ${check.adsSeen ?? 0} ads`;
}

function showLines(db: Db, watch: Watch, context: { settings: ChatCommandSettings; origin: ChatOrigin }): string[] {
  // Another chat's targets, and every token, stay out of the answer: only whether this chat is one of them.
  const own = context.origin.target !== null && watch.notify.includes(context.origin.target);
  const others = watch.notify.length - (own ? 1 : 0);
  const notify =
    watch.notify.length === 0
      ? "the config's notify targets"
      : [
          ...(own ? ['this chat'] : []),
          ...(others > 0 ? [`${others} other target${others === 1 ? '' : 's'}`] : []),
        ].join(' and ');
  const filter = getWatchFilter(db, watch.id);
  const ownFilter = describeFilter(filter.own);
  const global = context.settings.filter === null ? [] : describeFilter(context.settings.filter);
  return [
    `Watch ${watch.id}: ${displayText(watch.name)}`,
    `url: ${displayText(watch.url)}`,
    `enabled: ${watch.enabled ? 'yes' : 'no (paused)'}`,
    `notify: ${notify}`,
    `last check: ${watch.lastCheck.checkedAt ?? 'never'} (${describeCheck(watch)})`,
    `filter: ${ownFilter.length === 0 ? '(none)' : ownFilter.join('; ')}`,
    ...(global.length === 0 ? [] : [`global filter${filter.useGlobal ? '' : ' (ignored)'}: ${global.join('; ')}`]),
  ];
}

function statusLines(db: Db, settings: ChatCommandSettings, now: Date): string[] {
  const watches = listWatches(db);
  const health = assessHealth({
    now,
    watches,
    maxAgeMs: HOUR_MS,
    failureThreshold: settings.failureThreshold,
    deadRecently: countDeadSince(db, new Date(now.getTime() - 24 * HOUR_MS)),
    lastRun: lastRun(db) ?? null,
    checkRunning: isCheckRunning(db, { now, staleAfterMs: settings.lockStaleMs }),
  });
  const outbox = countOutbox(db);
  return [
    health.healthy ? 'healthy' : 'unhealthy',
    ...health.problems.map((problem) => `- ${displayText(problem)}`),
    `watches: ${watches.length} (${watches.filter((watch) => watch.enabled).length} enabled)`,
    `last success: ${health.lastSuccessAt ?? 'never'}`,
    `notifications: ${outbox.pending} pending, ${outbox.dead} dead`,
  ];
}
