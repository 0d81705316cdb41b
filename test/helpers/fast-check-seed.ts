import fc from 'fast-check';

/**
 * Pins every property test to `FC_SEED` when it is set, so a failure fast-check reported ("seed: …") can be run
 * again exactly: `FC_SEED=<seed> npx vitest run <file>`. Each test keeps its own run count.
 */
const pinned = process.env.FC_SEED;
if (pinned !== undefined && pinned.trim() !== '') {
  const seed = Number(pinned);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${JSON.stringify(pinned)}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
