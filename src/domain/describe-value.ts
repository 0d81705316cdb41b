/**
 * Describes a value read from a file or the environment, for a message. Strings are quoted only when `quote` is
 * set (and cut at 60 characters); otherwise, as for any value that may be a secret, they are named by kind.
 */
export function describeValue(value: unknown, options: { quote: boolean }): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  switch (typeof value) {
    case 'string':
      if (!options.quote) return value === '' ? 'an empty string' : 'a string';
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'a non-finite number';
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}
