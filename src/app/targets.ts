/** Check notification targets given on the command line or in a config; throws a UserError for the first bad one. */
export async function validateTargets(targets: string[]): Promise<string[]> {
  const { parseTarget } = await import('../notify/targets.js');
  return targets.map((target) => parseTarget(target).raw);
}

/** The masker for showing targets: loaded lazily so listing commands stay light. */
export async function loadTargetMasker(): Promise<(raw: string) => string> {
  const { maskTarget } = await import('../notify/targets.js');
  return maskTarget;
}
