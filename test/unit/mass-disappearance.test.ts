import { describe, expect, it } from 'vitest';
import {
  believesMassDisappearance,
  describeMassDisappearance,
  MASS_DISAPPEARANCE_HELD_RUNS,
  MASS_DISAPPEARANCE_MIN_ACTIVE,
} from '../../src/domain/mass-disappearance.js';

describe('believesMassDisappearance', () => {
  it.each<[string, string | null, number, boolean]>([
    ['held on the last two runs', 'suspected_layout_change', 2, false],
    ['held on the last three runs', 'suspected_layout_change', 3, true],
    ['held on the last five runs', 'suspected_layout_change', 5, true],
    ['never held', null, 0, false],
    ['failing three runs in a row for another reason', 'network', 3, false],
    ['failing ten runs in a row because the page was not a listing', 'layout_changed', 10, false],
  ])('%s: believed is %s', (_label, errorKind, consecutiveFailures, believed) => {
    expect(believesMassDisappearance({ errorKind, consecutiveFailures })).toBe(believed);
  });

  it('holds a disappearance for three runs, from four active ads up', () => {
    expect(MASS_DISAPPEARANCE_HELD_RUNS).toBe(3);
    expect(MASS_DISAPPEARANCE_MIN_ACTIVE).toBe(4);
  });
});

describe('describeMassDisappearance', () => {
  it('says how many ads are missing, that nothing was marked gone, and when it will be believed', () => {
    expect(describeMassDisappearance({ missing: 7, active: 9 })).toBe(
      '7 of 9 ads are missing from the page at once: suspected layout change, nothing marked gone ' +
        '(believed after 3 runs in a row)',
    );
  });
});
