import { describe, expect, it } from 'vitest';
import { filteredAdRules, getWatchFilter, setWatchFilter } from '../../src/store/filters-repo.js';
import { openDb } from '../../src/store/open-db.js';
import { deleteWatches, insertWatch } from '../../src/store/watches-repo.js';

const now = new Date('2026-01-01T00:00:00Z');

describe('filters-repo', () => {
  it('gives an empty filter with the global one for a watch that has none, and replaces a stored one', () => {
    const db = openDb(':memory:');
    const watch = insertWatch(db, { name: 'w', url: 'https://hardverapro.hu/aprok/mobil/index.html' }, now);
    expect(getWatchFilter(db, watch.id)).toEqual({ own: {}, useGlobal: true });
    setWatchFilter(db, watch.id, { own: { exclude: ['hibás'], maxPrice: 5 }, useGlobal: false });
    setWatchFilter(db, watch.id, { own: { dropIced: true }, useGlobal: false });
    expect(getWatchFilter(db, watch.id)).toEqual({ own: { dropIced: true }, useGlobal: false });
    expect(filteredAdRules(db, watch.id).size).toBe(0);
    deleteWatches(db, [watch.id]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM watch_filters').get()).toEqual({ n: 0 });
    db.close();
  });
});
