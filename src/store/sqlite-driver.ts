import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

/** An open database connection. */
export type Db = BetterSqlite3.Database;

// Loaded through `require`: importing the CommonJS package as ESM makes Node parse it for named exports first,
// a few milliseconds on every command that opens the database.
const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as typeof BetterSqlite3;

/**
 * The driver's compiled addon, where its build puts it. Named directly, it is loaded without the driver's search
 * through a dozen candidate paths; when it is elsewhere, the driver searches as usual.
 */
function nativeBindingOption(): { nativeBinding?: string } {
  const addon = join(dirname(require.resolve('better-sqlite3')), '..', 'build', 'Release', 'better_sqlite3.node');
  return existsSync(addon) ? { nativeBinding: addon } : {};
}

let driverOptions: { nativeBinding?: string } | undefined;

/** Opens a database file (or an in-memory copy of one) with the driver. */
export function openSqlite(source: string | Buffer, options: { readonly?: boolean } = {}): Db {
  driverOptions ??= nativeBindingOption();
  return new Database(source, { ...driverOptions, ...options });
}
