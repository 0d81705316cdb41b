import { UserError } from '../domain/errors.js';
import { maskTarget, parseTarget } from '../domain/targets/parse-target.js';
import type { FieldReader } from './file-shape.js';
import type { PlannedWatch } from './import-plan.js';

/** The notification targets an entry names: the ones pyhabot can use, the ones it cannot, and remarks. */
export type TargetReading = Pick<PlannedWatch, 'targets' | 'skippedTargets' | 'notes'>;

const CHAT_CHANNEL_REASON = "only the old bot's own token can post there; add a target of your own";

/** Nothing to notify. */
export function noTargets(): TargetReading {
  return { targets: [], skippedTargets: [], notes: [] };
}

/** The targets of several fields of one entry, in order. */
export function combineTargets(readings: readonly TargetReading[]): TargetReading {
  return {
    targets: readings.flatMap((reading) => reading.targets),
    skippedTargets: readings.flatMap((reading) => reading.skippedTargets),
    notes: readings.flatMap((reading) => reading.notes),
  };
}

/**
 * Read a `notifyon` field: the 2021 bot's `{"on": "webhook", "url"}` or `{"on": "integration", "integration", "id"}`,
 * or the 2025 fork's `{"integration", "channel_id"}`.
 */
export function readNotifyOn(entry: FieldReader, key: string): TargetReading {
  const notifyOn = entry.optionalObject(key);
  if (notifyOn === undefined) return noTargets();
  const on = notifyOn.optionalString('on');
  if (on === 'webhook') {
    // The 2021 bot posted Discord messages to its webhooks, whatever their host.
    return readTargetText(notifyOn.string('url'), { discordFormat: true });
  }
  const integration = notifyOn.optionalString('integration');
  // The 2025 fork keeps a webhook's URL in the entry's own `webhook` field, read separately.
  if (on === undefined && integration === 'webhook') return noTargets();
  if (on === 'integration' || (on === undefined && integration !== undefined)) {
    return {
      targets: [],
      skippedTargets: [{ target: describeChatChannel(integration), reason: CHAT_CHANNEL_REASON }],
      notes: [],
    };
  }
  if (on === undefined) throw notifyOn.error('on', '"webhook" or "integration"');
  return {
    targets: [],
    skippedTargets: [{ target: `"${on}" notification`, reason: 'the old bot has no such notification kind' }],
    notes: [],
  };
}

/** A target from a file (a webhook URL, or any target form); with `discordFormat`, web hooks get Discord messages. */
export function readTargetText(raw: string, options: { discordFormat: boolean }): TargetReading {
  const text = raw.trim();
  if (text === '') return noTargets();
  try {
    const target = parseTarget(text);
    if (!options.discordFormat || target.channel === 'discord' || !/^https?:\/\//i.test(text)) {
      return { targets: [target.raw], skippedTargets: [], notes: [] };
    }
    const discord = parseTarget(`discord+${text}`);
    return {
      targets: [discord.raw],
      skippedTargets: [],
      notes: [`the webhook ${discord.masked} gets Discord-format messages, as the old bot sent it`],
    };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const detail = error.message.replace(/^Invalid notification target: /, '').replace(/\.$/, '');
    return {
      targets: [],
      skippedTargets: [{ target: maskTarget(text), reason: `not a target pyhabot can use: ${detail}` }],
      notes: [],
    };
  }
}

function describeChatChannel(integration: string | undefined): string {
  switch (integration?.toLowerCase()) {
    case 'discord':
      return 'Discord channel of the old bot';
    case 'telegram':
      return 'Telegram chat of the old bot';
    case undefined:
    case '':
      return 'chat channel of the old bot';
    default:
      return `${integration} channel of the old bot`;
  }
}
