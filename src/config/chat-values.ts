import { describeValue } from '../domain/describe-value.js';
import type { Checked, ValueContext, ValueType } from './value-types.js';

const ID = /^-?\d{1,25}$/;

function describeProblem(context: ValueContext, expected: string, got: unknown): string {
  return `${context.at}: expected ${expected}, got ${describeValue(got, { quote: true })}`;
}

function problem(context: ValueContext, expected: string, got: unknown): Checked<never> {
  return { ok: false, problems: [describeProblem(context, expected, got)] };
}

function checkIds(items: readonly unknown[], context: ValueContext): Checked<string[]> {
  const problems: string[] = [];
  const ids: string[] = [];
  items.forEach((item, index) => {
    const text = typeof item === 'number' && Number.isSafeInteger(item) ? String(item) : item;
    if (typeof text === 'string' && ID.test(text.trim())) ids.push(text.trim());
    else problems.push(describeProblem({ ...context, at: `${context.at}[${index}]` }, 'a numeric id', item));
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: ids };
}

/**
 * A list of chat or user ids (numbers, or digit strings: Discord's ids are too long for a JSON number); text is
 * split at spaces and commas.
 */
export function idList(): ValueType<string[]> {
  const expected = 'a list of numeric ids';
  return {
    expected,
    fromFile(value, context) {
      return Array.isArray(value) ? checkIds(value, context) : problem(context, expected, value);
    },
    fromText(text, context) {
      return checkIds(
        text.split(/[\s,]+/).filter((item) => item !== ''),
        context,
      );
    },
  };
}

/** One numeric id (a Discord channel), or null when not set. */
export function optionalId(): ValueType<string | null> {
  const expected = 'a numeric id or null';
  const check = (value: unknown, context: ValueContext): Checked<string | null> => {
    if (value === null) return { ok: true, value: null };
    const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    return typeof text === 'string' && /^\d{1,25}$/.test(text.trim())
      ? { ok: true, value: text.trim() }
      : problem(context, expected, value);
  };
  return { expected, fromFile: check, fromText: check };
}

/** The base URL of a chat service's API (http or https), kept without a trailing slash. */
export function apiBaseUrl(): ValueType<string> {
  const expected = 'an http(s) URL';
  const check = (value: unknown, context: ValueContext): Checked<string> => {
    if (typeof value !== 'string') return problem(context, expected, value);
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      return problem(context, expected, value);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') {
      return problem(context, `${expected} without a user name or password`, value);
    }
    return { ok: true, value: url.href.replace(/\/+$/, '') };
  };
  return { expected, fromFile: check, fromText: check };
}
