import type { AppContext } from '../app/context.js';
import { requireWatches } from '../app/watch-lookup.js';
import type { DeliveryOutcome } from '../domain/delivery.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import { maskTarget, parseTarget } from '../domain/targets/parse-target.js';
import type { Watch } from '../domain/watch.js';

/** `pyhabot notify-test <target | watch id>`: send a sample ad through the real renderer and transport. */
export async function run(context: AppContext, args: unknown[], options: { json?: boolean }): Promise<ExitCode> {
  const subject = String(args[0]).trim();
  const { config } = await context.config();
  let targets: string[];
  if (/^\d+$/.test(subject)) {
    const db = await context.db();
    const [watch] = requireWatches(db, [Number(subject)]) as [Watch];
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
  const results: Array<{ target: string; outcomes: DeliveryOutcome[] }> = [];
  for (const raw of targets) {
    const secret = webhookSecretFor(config, raw);
    const outcomes = await sendNotifications(parseTarget(raw), buildSampleItems(context.now()), {
      language: config.language,
      linkPreview: config.telegramLinkPreview,
      userAgent: config.userAgent,
      timeoutMs: config.deliveryTimeoutMs,
      retryAfterMaxMs: config.retryAfterMaxMs,
      signal: context.signal,
      ...(secret === null ? {} : { secret }),
    });
    results.push({ target: maskTarget(raw), outcomes });
  }
  const allDelivered = results.every(
    ({ outcomes }) => outcomes.length > 0 && outcomes.every((outcome) => outcome.result.status === 'delivered'),
  );
  const { output } = context;
  if (options.json) {
    output.json(
      results.map(({ target, outcomes }) => ({ target, results: outcomes.map((outcome) => outcome.result) })),
    );
  } else {
    for (const { target, outcomes } of results) {
      for (const outcome of outcomes) {
        const ok = outcome.result.status === 'delivered';
        output.line(
          `${ok ? output.styles.green('ok') : output.styles.red('failed')}  ${target}: ${describeOutcome(outcome)}`,
        );
      }
    }
  }
  return allDelivered ? ExitCode.ok : ExitCode.partialFailure;
}
