import type { Statement } from 'better-sqlite3';
import type { Db } from './open-db.js';

const statementsByConnection = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql`, prepared once per connection. A check runs the same few statements for every watch,
 * and preparing them each time cost more than running them.
 */
export function prepared(db: Db, sql: string): Statement {
  let statements = statementsByConnection.get(db);
  if (statements === undefined) {
    statements = new Map();
    statementsByConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
