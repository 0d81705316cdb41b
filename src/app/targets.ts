import { parseTarget } from '../domain/targets/parse-target.js';

/** Check notification targets given on the command line; throws a UserError for the first bad one. */
export function validateTargets(targets: string[]): string[] {
  return targets.map((target) => parseTarget(target).raw);
}
