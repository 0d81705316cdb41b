import { describeValue } from '../domain/describe-value.js';
import { UserError } from '../domain/errors.js';

/** A plain JSON object, as read from a file. */
export type FileRecord = Record<string, unknown>;

const HINT = 'the file does not have the layout its format prescribes; fix or remove that entry and import again';

/** The error for a field that does not have the type its format prescribes. */
export function shapeError(source: string, where: string, expected: string, value: unknown): UserError {
  const found = value === undefined ? 'it is missing' : `not ${describeValue(value, { quote: false })}`;
  return new UserError(`${source}: ${where} should be ${expected}, ${found}`, { hint: HINT });
}

/** The error for a file that breaks its format's layout in some other way; `problem` names the place. */
export function layoutError(source: string, problem: string): UserError {
  return new UserError(`${source}: ${problem}`, { hint: HINT });
}

/** True for a JSON object (not null, not a list). */
export function isRecord(value: unknown): value is FileRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the fields of one object of a file, naming the exact field in errors. */
export class FieldReader {
  constructor(
    readonly source: string,
    readonly where: string,
    readonly record: FileRecord,
  ) {}

  /** A reader for an object of the file (required); `where` is its path, '' for the whole file. */
  static of(source: string, where: string, value: unknown): FieldReader {
    if (!isRecord(value)) throw shapeError(source, where === '' ? 'the file' : where, 'an object', value);
    return new FieldReader(source, where, value);
  }

  /** The path of a field of this object, for messages. */
  path(key: string): string {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$|^\d+$/.test(key)) return `${this.where}[${JSON.stringify(key)}]`;
    return this.where === '' ? key : `${this.where}.${key}`;
  }

  /** The raw value of a field. */
  value(key: string): unknown {
    return this.record[key];
  }

  /** A required string. */
  string(key: string): string {
    const value = this.record[key];
    if (typeof value !== 'string') throw this.error(key, 'a string');
    return value;
  }

  /** A string, or undefined when the field is missing or null. */
  optionalString(key: string): string | undefined {
    const value = this.record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw this.error(key, 'a string');
    return value;
  }

  /** A boolean, or undefined when the field is missing or null. */
  optionalBoolean(key: string): boolean | undefined {
    const value = this.record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw this.error(key, 'true or false');
    return value;
  }

  /** A finite number, or undefined when the field is missing or null. */
  optionalNumber(key: string): number | undefined {
    const value = this.record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw this.error(key, 'a number');
    return value;
  }

  /** A whole number of at least `min`, or undefined when the field is missing or null. */
  optionalInteger(key: string, min: number): number | undefined {
    const value = this.record[key];
    if (value === undefined || value === null) return undefined;
    if (!isIntegerAtLeast(value, min)) throw this.error(key, `a whole number of at least ${min}`);
    return value;
  }

  /** A required nested object. */
  object(key: string): FieldReader {
    return FieldReader.of(this.source, this.path(key), this.record[key]);
  }

  /** The nested objects of each field of this object, in numeric key order. */
  children(): Array<{ key: string; reader: FieldReader }> {
    return numericKeyOrder(this.record).map((key) => ({ key, reader: this.object(key) }));
  }

  /** A nested object, or undefined when the field is missing or null. */
  optionalObject(key: string): FieldReader | undefined {
    const value = this.record[key];
    if (value === undefined || value === null) return undefined;
    return FieldReader.of(this.source, this.path(key), value);
  }

  /** The error for a field of this object. */
  error(key: string, expected: string): UserError {
    return shapeError(this.source, this.path(key), expected, this.record[key]);
  }
}

/** A safe whole number of at least `min`. */
export function isIntegerAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** The keys of an object ordered as numbers when they are numbers (TinyDB and the 2021 bot key entries by id). */
export function numericKeyOrder(record: FileRecord): string[] {
  return Object.keys(record).sort((a, b) => {
    const left = /^\d+$/.test(a) ? Number(a) : Number.POSITIVE_INFINITY;
    const right = /^\d+$/.test(b) ? Number(b) : Number.POSITIVE_INFINITY;
    return left === right ? a.localeCompare(b) : left - right;
  });
}
