import type { Logger } from 'pino';
import type { LoadedConfig } from '../config/load-config.js';
import type { Db } from '../store/open-db.js';
import type { AppContext, GlobalOptions } from './context.js';
import type { Output } from './output.js';

/** What a context is made of: its plain fields as given, and a clock for tests (the system's by default). */
export type ContextOptions = Pick<
  AppContext,
  'version' | 'env' | 'cwd' | 'homedir' | 'globals' | 'output' | 'signal'
> & {
  now?: AppContext['now'];
};

/** Build a context whose config, database and logger load lazily; `dispose` closes what was opened. */
export function createContext(options: ContextOptions): { context: AppContext; dispose(): void } {
  let configPromise: Promise<LoadedConfig> | undefined;
  let dbPromise: Promise<Db> | undefined;
  let verifiedDb = false;
  let openedDb: Db | undefined;
  let loggerPromise: Promise<Logger> | undefined;
  const { globals } = options;

  const config = (): Promise<LoadedConfig> => {
    configPromise ??= import('../config/load-config.js').then(({ loadConfig }) =>
      loadConfig({
        env: options.env,
        cwd: options.cwd,
        homedir: options.homedir,
        version: options.version,
        ...(globals.config === undefined ? {} : { configFile: globals.config }),
        flags: {
          ...(globals.db === undefined ? {} : { db: globals.db }),
          ...(effectiveLogLevel(globals) === undefined ? {} : { logLevel: effectiveLogLevel(globals) }),
        },
      }).then((loaded) => {
        // Said once per run, when the settings are first read.
        for (const warning of loaded.warnings) options.output.note(`pyhabot: warning: ${warning}`);
        return loaded;
      }),
    );
    return configPromise;
  };

  const { now = () => new Date(), ...fields } = options;
  const context: AppContext = {
    ...fields,
    now,
    config,
    db(access = 'read') {
      dbPromise ??= (async () => {
        const loaded = await config();
        const { openDb } = await import('../store/open-db.js');
        openedDb = openDb(loaded.config.db, { verify: access === 'write', readOnly: access === 'read' });
        verifiedDb = access === 'write';
        await warnAboutExposedFiles(loaded.config.db, options.output);
        return openedDb;
      })();
      const opened = dbPromise;
      if (access === 'read' || verifiedDb) return opened;
      // Opened for reading first: check the file now, before this caller's first write.
      return opened.then(async (db) => {
        const { verifyDb, assertWritable } = await import('../store/open-db.js');
        assertWritable(db, (await config()).config.db);
        verifyDb(db, db.name);
        verifiedDb = true;
        return db;
      });
    },
    logger() {
      loggerPromise ??= (async () => {
        const loaded = await config();
        // pino is loaded only by commands that log, so `--version` and `--help` stay quick.
        const { default: pino } = await import('pino');
        // JSON lines written synchronously to stderr, so nothing is lost when a cron run exits.
        return pino(
          { level: loaded.config.logLevel, base: { name: 'pyhabot' } },
          pino.destination({ fd: 2, sync: true }),
        );
      })();
      return loggerPromise;
    },
  };
  return {
    context,
    dispose() {
      if (openedDb?.open) openedDb.close();
    },
  };
}

/** Says once per run when the database (which holds notification tokens) can be read by other users. */
async function warnAboutExposedFiles(path: string, output: Output): Promise<void> {
  if (path === ':memory:') return;
  const { exposedDatabaseFiles } = await import('../store/file-modes.js');
  const exposed = exposedDatabaseFiles(path);
  const [first] = exposed;
  if (first === undefined) return;
  const mode = first.mode.toString(8).padStart(4, '0');
  const files = exposed.map((file) => file.path).join(' ');
  output.note(
    `pyhabot: warning: ${first.path} can be read by other users (mode ${mode}) and holds notification tokens; run \`chmod 600 ${files}\``,
  );
}

/** `--log-level` wins over `--verbose`, which means `info` (`debug` with `--debug`). */
function effectiveLogLevel(globals: GlobalOptions): string | undefined {
  if (globals.logLevel !== undefined) return globals.logLevel;
  if (globals.debug) return 'debug';
  if (globals.verbose) return 'info';
  return undefined;
}
