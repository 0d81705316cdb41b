import { UserError } from '../domain/errors.js';

/**
 * The targets of `targets` that `given` names, each given as the target itself, its masked form exactly as `show`
 * prints it, or its 1-based number in that list. Throws a UserError for a name that matches none or several.
 */
export function pickTargets(
  targets: readonly string[],
  given: readonly string[],
  mask: (target: string) => string,
  watchId: number,
): string[] {
  const hint = `see its targets and their numbers with \`pyhabot show ${watchId}\``;
  return given.map((text) => {
    const wanted = text.trim();
    if (/^\d+$/.test(wanted)) {
      const target = targets[Number(wanted) - 1];
      if (target === undefined) {
        const count = targets.length === 1 ? '1 notification target' : `${targets.length} notification targets`;
        throw new UserError(`watch ${watchId} has ${count}; there is no number ${wanted}`, { hint });
      }
      return target;
    }
    if (targets.includes(wanted)) return wanted;
    const matches = targets.filter((target) => mask(target) === wanted);
    const [match] = matches;
    if (match !== undefined && matches.length === 1) return match;
    if (matches.length > 1) {
      throw new UserError(`${JSON.stringify(wanted)} stands for ${matches.length} targets of watch ${watchId}`, {
        hint: `give the number of the one to remove instead; ${hint}`,
      });
    }
    // A masked text is shown as typed; anything else might be a secret, so it is masked.
    const shown = wanted.includes('****') ? wanted : mask(wanted);
    throw new UserError(`watch ${watchId} has no notification target ${JSON.stringify(shown)}`, { hint });
  });
}
