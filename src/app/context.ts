import type { Logger } from 'pino';
import type { LoadedConfig } from '../config/load-config.js';
import type { Db } from '../store/open-db.js';
import type { Output } from './output.js';

/** Options every command accepts, from the command line. */
export interface GlobalOptions {
  db?: string;
  config?: string;
  logLevel?: string;
  verbose: boolean;
  debug: boolean;
}

/** What a command gets to work with; heavy parts are created on first use. */
export interface AppContext {
  version: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  homedir: string;
  globals: GlobalOptions;
  output: Output;
  now(): Date;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
  config(): Promise<LoadedConfig>;
  /**
   * The database, opened on first use. A command that will write asks for 'write': the file is then checked for
   * corruption before its first write.
   */
  db(access?: 'read' | 'write'): Promise<Db>;
  logger(): Promise<Logger>;
}
