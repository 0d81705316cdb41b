import type { AppContext } from '../app/context.js';
import { displayText } from '../app/display-text.js';
import { feedHistoryReader } from '../app/feed-history.js';
import { requireWatch } from '../app/watch-lookup.js';
import type { DeliveryOutcome } from '../domain/delivery.js';
import { UserError } from '../domain/errors.js';
import type { AdEvent } from '../domain/events.js';
import { ExitCode } from '../domain/exit-codes.js';
import { maskTarget, parseTarget } from '../domain/targets/parse-target.js';

/** `pyhabot notify-test <target | watch id>`: send a sample ad through the real renderer and transport. */
export async function run(
  context: AppContext,
  [targetOrId]: [targetOrId: string],
  options: { json?: boolean },
): Promise<ExitCode> {
  const subject = targetOrId.trim();
  const { config } = await context.config();
  let targets: string[];
  if (/^\d+$/.test(subject)) {
    const db = await context.db();
    const watch = requireWatch(db, Number(subject));
    targets = watch.notify.length > 0 ? watch.notify : config.notify;
    if (targets.length === 0) {
      throw new UserError(`watch ${watch.id} has no notification targets, and the config's notify list is empty`, {
        hint: `add one with \`pyhabot edit ${watch.id} --add-notify <target>\``,
      });
    }
  } else {
    targets = [parseTarget(subject).raw];
  }
  const [{ buildSampleItems, describeOutcome, sendNotifications }, { webhookSecretFor }] = await Promise.all([
    import('../notify/index.js'),
    import('../config/webhook-secret.js'),
  ]);
  const samples = buildSampleItems(context.now());
  // A feed file keeps what it holds, with the samples on top, rather than becoming a feed of samples alone.
  const feedHistory = targets.some((raw) => parseTarget(raw).channel === 'file')
    ? feedHistoryReader(await context.db())
    : undefined;
  const results: Array<{ target: string; samples: SampleResult[] }> = [];
  for (const raw of targets) {
    const secret = webhookSecretFor(config, raw);
    const outcomes = await sendNotifications(parseTarget(raw), samples, {
      language: config.language,
      linkPreview: config.telegramLinkPreview,
      userAgent: config.userAgent,
      timeoutMs: config.deliveryTimeoutMs,
      retryAfterMaxMs: config.retryAfterMaxMs,
      signal: context.signal,
      ...(feedHistory === undefined ? {} : { feedHistory }),
      ...(secret === null ? {} : { secret }),
    });
    results.push({
      target: maskTarget(raw),
      samples: samples.map((item) => ({
        sample: SAMPLE_NAMES[item.event.type],
        // Several samples may travel in one message; each is reported with that message's outcome.
        outcome: outcomes.find((outcome) => outcome.itemIds.includes(item.id)) ?? null,
      })),
    });
  }
  const allDelivered = results.every(({ samples: sent }) =>
    sent.every(({ outcome }) => outcome?.result.status === 'delivered'),
  );
  const { output } = context;
  if (options.json) {
    output.json(
      results.map(({ target, samples: sent }) => ({
        target,
        samples: sent.map(({ sample, outcome }) => ({ sample, result: outcome?.result ?? null })),
      })),
    );
  } else {
    for (const { target, samples: sent } of results) {
      for (const { sample, outcome } of sent) {
        const ok = outcome?.result.status === 'delivered';
        const what = outcome === null ? 'not sent (interrupted)' : displayText(describeOutcome(outcome));
        output.line(`${ok ? output.styles.green('ok') : output.styles.red('failed')}  ${target}  ${sample}: ${what}`);
      }
    }
  }
  return allDelivered ? ExitCode.ok : ExitCode.partialFailure;
}

/** How each sample is named in the report; one sample per kind of event. */
const SAMPLE_NAMES = {
  new_ad: 'sample new ad',
  price_changed: 'sample price drop',
  reactivated: 'sample reactivated ad',
  reappeared: 'sample reappeared ad',
  gone: 'sample gone ad',
  reposted: 'sample re-post',
} satisfies Record<AdEvent['type'], string>;

interface SampleResult {
  sample: string;
  outcome: DeliveryOutcome | null;
}
