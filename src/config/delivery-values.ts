import { describeValue } from '../domain/describe-value.js';
import { type DigestSchedule, formatQuietHours, parseQuietHours } from '../domain/quiet-hours.js';
import { isKnownTimeZone } from '../domain/zoned-time.js';
import { type Checked, isPlainObject, type ValueContext, type ValueType } from './value-types.js';

function problem(context: ValueContext, text: string): Checked<never> {
  return { ok: false, problems: [`${context.at}: ${text}`] };
}

/** `HH:MM-HH:MM` (ranges over midnight welcome), kept as text in its tidy form (`7:00` → `07:00`), or null. */
export function quietHoursValue(): ValueType<string | null> {
  const expected = 'a time range HH:MM-HH:MM (e.g. 23:00-07:00) or null';
  const fromText = (text: string, context: ValueContext): Checked<string | null> => {
    const parsed = parseQuietHours(text);
    return parsed.ok
      ? { ok: true, value: formatQuietHours(parsed.value) }
      : problem(context, `${parsed.reason}, got ${describeValue(text, { quote: !context.secret })}`);
  };
  return {
    expected,
    fromFile(value, context) {
      if (value === null) return { ok: true, value: null };
      if (typeof value !== 'string')
        return problem(context, `expected ${expected}, got ${describeValue(value, { quote: !context.secret })}`);
      return fromText(value, context);
    },
    fromText,
  };
}

/** An IANA time zone name Intl knows (`Europe/Budapest`, `UTC`). */
export function timeZoneValue(): ValueType<string> {
  const expected = 'an IANA time zone name such as Europe/Budapest';
  const check = (value: unknown, context: ValueContext): Checked<string> =>
    typeof value === 'string' && value.trim() !== '' && isKnownTimeZone(value.trim())
      ? { ok: true, value: value.trim() }
      : problem(context, `expected ${expected}, got ${describeValue(value, { quote: !context.secret })}`);
  return { expected, fromFile: check, fromText: check };
}

/** A mapping from target to `hourly` or `daily`, only ever written in a file; keys are shown masked. */
export function digestMapValue(describeKey: (key: string) => string): ValueType<Record<string, DigestSchedule>> {
  const expected = 'a mapping of notification targets to hourly or daily';
  return {
    expected,
    fromFile(value, context) {
      if (!isPlainObject(value))
        return problem(context, `expected ${expected}, got ${describeValue(value, { quote: !context.secret })}`);
      const problems: string[] = [];
      const entries: Record<string, DigestSchedule> = {};
      for (const [key, schedule] of Object.entries(value)) {
        if (schedule === 'hourly' || schedule === 'daily') entries[key] = schedule;
        else
          problems.push(
            `${context.at}[${JSON.stringify(describeKey(key))}]: expected hourly or daily, got ${describeValue(schedule, { quote: true })}`,
          );
      }
      return problems.length > 0 ? { ok: false, problems } : { ok: true, value: entries };
    },
    fromText: undefined,
  };
}
