import pino, { type Logger } from 'pino';

/** A pino logger writing JSON lines synchronously to stderr, so nothing is lost when a cron run exits. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { name: 'pyhabot' } }, pino.destination({ fd: 2, sync: true }));
}
