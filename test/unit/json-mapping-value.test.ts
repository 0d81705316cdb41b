import { describe, expect, it } from 'vitest';
import { adFilter } from '../../src/config/filter-value.js';
import { notificationRules } from '../../src/config/rules-value.js';
import type { ValueContext, ValueType } from '../../src/config/value-types.js';

const at: ValueContext = { at: 'PYHABOT_RULES', secret: false };
const rules = notificationRules();
const filter = adFilter();
const fromText = (type: ValueType<unknown>, text: string, context = at) => {
  if (type.fromText === undefined) throw new Error('the setting reads no text');
  return type.fromText(text, context);
};

describe('settings that are a mapping in a file and JSON in a variable', () => {
  it('refuse text that is not JSON, with an example of the form they take', () => {
    expect(fromText(rules, 'minDrop=5%', at)).toEqual({
      ok: false,
      problems: ['PYHABOT_RULES: expected JSON, e.g. {"priceChanges":"all","minDrop":"5%"}'],
    });
    expect(fromText(filter, '{exclude: hibás}', { ...at, at: 'PYHABOT_FILTER' })).toEqual({
      ok: false,
      problems: ['PYHABOT_FILTER: expected JSON, e.g. {"exclude":["hibás"]}'],
    });
  });

  it('read the same value from a variable as from a file, and null as none', () => {
    expect(fromText(rules, '{"priceChanges":"all"}', at)).toEqual(rules.fromFile({ priceChanges: 'all' }, at));
    expect(fromText(rules, 'null', at)).toEqual({ ok: true, value: null });
    expect(filter.fromFile(null, at)).toEqual({ ok: true, value: null });
  });

  it('name the key of a bad value in either form', () => {
    const refused = fromText(rules, '{"priceChanges":"sometimes"}');
    expect(refused.ok).toBe(false);
    expect(refused).toEqual(rules.fromFile({ priceChanges: 'sometimes' }, at));
    expect(JSON.stringify(refused)).toContain('PYHABOT_RULES');
  });
});
