import { UserError } from '../domain/errors.js';

// The notification target rules span a module per channel; most runs configure no target, so they are loaded
// only when the settings hold one (loadConfig awaits `loadTargetRules` first), not by every command's start.

type TargetRules = typeof import('../domain/targets/parse-target.js');

let rules: TargetRules | undefined;

/** Loads the target rules that `checkTarget` and `maskTargetKey` use; call before checking settings that hold targets. */
export async function loadTargetRules(): Promise<void> {
  rules ??= await import('../domain/targets/parse-target.js');
}

function loaded(): TargetRules {
  if (rules === undefined) throw new Error('the notification target rules were used before loadTargetRules()');
  return rules;
}

/** Why a configured notification target cannot be used, naming it masked; undefined when it can. */
export function checkTarget(raw: string): string | undefined {
  const { parseTarget, maskTarget } = loaded();
  try {
    parseTarget(raw);
    return undefined;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const reason = error.message.replace(/^Invalid notification target: /, '').replace(/\.$/, '');
    return `${JSON.stringify(maskTarget(raw))} is not a notification target pyhabot can use: ${reason}`;
  }
}

/** A target used as a key (`webhookSecrets`), masked for a problem message. */
export function maskTargetKey(raw: string): string {
  return loaded().maskTarget(raw);
}
