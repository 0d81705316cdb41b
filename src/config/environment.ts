/** Environment variables as passed in by the caller (never read from `process.env` here). */
export type Env = Readonly<Record<string, string | undefined>>;

/** The inputs every path rule depends on, so the rules stay pure. */
export interface PathContext {
  readonly env: Env;
  readonly cwd: string;
  /** The account's home directory (`os.homedir()`); `HOME` in `env` takes precedence. */
  readonly homedir: string;
}

/**
 * The value of an environment variable, or undefined when it is unset or empty:
 * docker-compose passes `VAR=` for a host variable that is not set, which must not count as a value.
 */
export function readEnv(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The user's home directory: `$HOME` when given, else the account's home directory. */
export function homeOf(context: Pick<PathContext, 'env' | 'homedir'>): string {
  return readEnv(context.env, 'HOME') ?? context.homedir;
}
