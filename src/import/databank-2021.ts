import { collectWatches } from './collect-watches.js';
import { FieldReader, isIntegerAtLeast, isRecord } from './file-shape.js';
import type { ImportPlan, PlannedWatch, PlanOptions } from './import-plan.js';
import { readNotifyOn } from './read-targets.js';

/** The 2021 bot's config.json, when one was found beside its databank. */
export type BotConfigFile = { path: string; text: string } | { path: string; error: string };

/**
 * Plan the import of the 2021 bot's `databank/viewers.json`:
 * `{"AI": <last id>, "list": {"<id>": {url, category_name, lastseen, notifyon}}}`.
 * `lastseen` (the highest ad id already reported) carries over as "seen up to", with the baseline done, so the
 * first check reports exactly the ads the old bot would have reported next.
 */
export function plan2021Databank(document: unknown, options: PlanOptions & { botConfig?: BotConfigFile }): ImportPlan {
  const root = FieldReader.of(options.source, '', document);
  const entries: PlannedWatch[] = root
    .object('list')
    .children()
    .map(({ key, reader }) => {
      const seenUpToId = readLastSeen(reader);
      return {
        entries: [key],
        url: reader.string('url'),
        name: reader.optionalString('category_name') ?? '',
        enabled: true,
        notifyExisting: null,
        maxPages: null,
        ...readNotifyOn(reader, 'notifyon'),
        seenUpToId,
        baselineDone: seenUpToId !== null,
        ads: [],
      };
    });
  const { watches, skipped } = collectWatches(entries, options);
  const notes = options.botConfig === undefined ? [] : [describeBotConfig(options.botConfig)];
  return { format: 'pyhabot-2021', watches, skipped, notes };
}

/** `lastseen`: the highest ad id already reported, or false (also 0 or missing) before the first scrape. */
function readLastSeen(entry: FieldReader): number | null {
  const value = entry.value('lastseen');
  if (value === undefined || value === null || value === false || value === 0) return null;
  if (!isIntegerAtLeast(value, 1)) throw entry.error('lastseen', 'an ad id (a whole number) or false');
  return value;
}

/** What the 2021 bot's config.json held, and why none of it is imported. */
export function describeBotConfig(file: BotConfigFile): string {
  if ('error' in file) return `could not read ${file.path} (${file.error}); nothing would be imported from it anyway`;
  let settings: unknown;
  try {
    settings = JSON.parse(file.text);
  } catch {
    return `${file.path} is not valid JSON; nothing would be imported from it anyway`;
  }
  const found: string[] = [];
  if (isRecord(settings)) {
    const prefix = settings.commands_prefix;
    const interval = settings.refresh_interval;
    if (typeof prefix === 'string') found.push(`command prefix ${JSON.stringify(prefix)}`);
    if (typeof interval === 'number') found.push(`refresh interval ${interval} s`);
  }
  const what = found.length === 0 ? 'no known settings' : found.join(', ');
  return (
    `read ${file.path}: ${what}. These are settings of the chat bot and are not imported: ` +
    'pyhabot has no commands in chat, and runs `pyhabot check` from cron or a timer at the interval you choose'
  );
}
