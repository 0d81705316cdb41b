import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import type { WatchFilter } from '../../src/domain/ad-filter.js';
import { maskTarget } from '../../src/domain/targets/parse-target.js';
import type { Watch } from '../../src/domain/watch.js';
import type { WatchRules } from '../../src/domain/watch-rules.js';
import { collectWrites, type ExistingWatch, reconcileImport } from '../../src/import/decide-import.js';
import type { ImportPlan, PlannedWatch } from '../../src/import/import-plan.js';
import { buildImportReport, FILTER_KEPT_NOTE, RULES_KEPT_NOTE } from '../../src/import/import-report.js';
import type { SeenAd } from '../../src/store/import-repo.js';

const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const DISCORD = 'https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const NTFY = 'ntfy://pyhabot-phones';

function seen(id: number, gone = false): SeenAd {
  const ad: Ad = {
    id,
    title: `ad ${id}`,
    url: `https://hardverapro.hu/apro/ad_${id}/friss.html`,
    price: 1000,
    priceText: '1 000 Ft',
    priceKind: 'fixed',
    cities: [],
    timeText: '',
    postedAt: null,
    pinned: false,
    featured: false,
    iced: false,
    ribbon: null,
    seller: { name: '', url: null, rating: null, business: false },
    image: null,
    imageLarge: null,
  };
  return { ad, previousPrices: [], gone };
}

function planned(fields: Partial<PlannedWatch> = {}): PlannedWatch {
  return {
    entries: ['1'],
    url: MOBIL,
    name: 'mobil',
    enabled: true,
    notifyExisting: null,
    maxPages: null,
    targets: [],
    skippedTargets: [],
    seenUpToId: null,
    baselineDone: false,
    ads: [],
    notes: [],
    ...fields,
  };
}

function existing(
  fields: Partial<Watch> = {},
  adIds: number[] = [],
  filter: WatchFilter = { own: {}, useGlobal: true },
  rules: WatchRules = {},
): ExistingWatch {
  const watch: Watch = {
    id: 7,
    name: 'phones',
    url: MOBIL,
    enabled: true,
    notify: [],
    notifyExisting: false,
    maxPages: null,
    seenUpToId: null,
    createdAt: '2025-12-19T15:30:00.000Z',
    updatedAt: '2025-12-19T15:30:00.000Z',
    lastCheck: {
      baselineDone: false,
      checkedAt: null,
      status: null,
      adsSeen: null,
      events: null,
      errorKind: null,
      errorMessage: null,
      consecutiveFailures: 0,
      lastSuccessAt: null,
    },
    ...fields,
  };
  return { watch, filter, rules, adIds: new Set(adIds) };
}

function planOf(...watches: PlannedWatch[]): ImportPlan {
  return { format: 'pyhabot-2025', watches, skipped: [], notes: [] };
}

describe('reconcileImport', () => {
  it('creates a watch whose URL is not watched yet, with the config default for notifyExisting', () => {
    const plan = planOf(planned({ targets: [DISCORD], seenUpToId: 500, baselineDone: true, ads: [seen(1)] }));
    const decisions = reconcileImport(plan, () => undefined, { notifyExisting: true });
    expect(decisions.map((decision) => decision.kind)).toEqual(['create']);
    expect(collectWrites(decisions)).toEqual({
      create: [
        {
          name: 'mobil',
          url: MOBIL,
          enabled: true,
          notify: [DISCORD],
          notifyExisting: true,
          maxPages: null,
          seenUpToId: 500,
          baselineDone: true,
          ads: [seen(1)],
        },
      ],
      merge: [],
    });
  });

  it('adds to an existing watch only what it lacks, keeping its own settings', () => {
    const plan = planOf(
      planned({ targets: [DISCORD, NTFY], seenUpToId: 900, baselineDone: true, ads: [seen(1), seen(2, true)] }),
    );
    const decisions = reconcileImport(plan, () => existing({ notify: [DISCORD], seenUpToId: 800 }, [1]), {
      notifyExisting: false,
    });
    expect(decisions).toEqual([
      expect.objectContaining({
        kind: 'merge',
        addTargets: [NTFY],
        ads: [seen(2, true)],
        seenUpToId: 900,
        markBaselineDone: true,
      }),
    ]);
    expect(collectWrites(decisions)).toEqual({
      create: [],
      merge: [
        expect.objectContaining({
          watchId: 7,
          addTargets: [NTFY],
          ads: [seen(2, true)],
          seenUpToId: 900,
          markBaselineDone: true,
        }),
      ],
    });
  });

  it.each([
    [
      'everything is already there',
      planned({ targets: [DISCORD], seenUpToId: 800, ads: [seen(1)] }),
      existing({ notify: [DISCORD], seenUpToId: 800 }, [1]),
    ],
    [
      'the watch saw further than the file',
      planned({ seenUpToId: 700, baselineDone: true }),
      existing({ seenUpToId: 800, lastCheck: { ...existing().watch.lastCheck, baselineDone: true } }),
    ],
    ['the file has nothing for it', planned(), existing()],
  ])('leaves an existing watch unchanged when %s, so a second import is a no-op', (_label, plannedWatch, found) => {
    const decisions = reconcileImport(planOf(plannedWatch), () => found, { notifyExisting: false });
    expect(decisions.map((decision) => decision.kind)).toEqual(['unchanged']);
    expect(collectWrites(decisions)).toEqual({ create: [], merge: [] });
  });

  it('never lowers "seen up to" nor redoes the baseline of a watch that was checked', () => {
    const checked = existing({ seenUpToId: 800, lastCheck: { ...existing().watch.lastCheck, baselineDone: true } });
    const [decision] = reconcileImport(
      planOf(planned({ targets: [NTFY], seenUpToId: 10, baselineDone: true })),
      () => checked,
      { notifyExisting: false },
    );
    expect(decision).toMatchObject({ kind: 'merge', seenUpToId: null, markBaselineDone: false });
  });
});

describe('reconcileImport with filters', () => {
  const FILTER: WatchFilter = { own: { exclude: ['hibás'], maxPrice: 150_000 }, useGlobal: false };

  it("gives a new watch the file's filter to write", () => {
    const decisions = reconcileImport(planOf(planned({ filter: FILTER })), () => undefined, { notifyExisting: false });
    expect(collectWrites(decisions).create).toEqual([expect.objectContaining({ filter: FILTER })]);
    const report = buildImportReport(planOf(planned({ filter: FILTER })), decisions, {
      source: 'x',
      dryRun: false,
      createdIds: [3],
      mask: maskTarget,
    });
    expect(report.watches[0]).toMatchObject({ result: 'created', filter: FILTER, notes: [] });
  });

  it('leaves a new watch without a filter when the file gives none', () => {
    const decisions = reconcileImport(planOf(planned()), () => undefined, { notifyExisting: false });
    expect(collectWrites(decisions).create[0]).not.toHaveProperty('filter');
  });

  it('keeps the filter of a watch already there, changes nothing for it, and says so', () => {
    const own: WatchFilter = { own: { dropIced: true }, useGlobal: true };
    const plan = planOf(planned({ filter: FILTER }));
    const decisions = reconcileImport(plan, () => existing({}, [], own), { notifyExisting: false });
    expect(decisions).toEqual([expect.objectContaining({ kind: 'unchanged', filterKept: true })]);
    expect(collectWrites(decisions)).toEqual({ create: [], merge: [] });
    const report = buildImportReport(plan, decisions, { source: 'x', dryRun: false, createdIds: [], mask: maskTarget });
    expect(report.watches[0]).toMatchObject({ result: 'unchanged', filter: null, notes: [FILTER_KEPT_NOTE] });
  });

  it('says nothing about a filter the watch already has, however its lists are ordered or repeated', () => {
    const same: WatchFilter = { own: { maxPrice: 150_000, exclude: ['hibás', 'hibás'] }, useGlobal: false };
    const plan = planOf(planned({ filter: FILTER, targets: [NTFY] }));
    const decisions = reconcileImport(plan, () => existing({}, [], same), { notifyExisting: false });
    expect(decisions).toEqual([expect.objectContaining({ kind: 'merge', filterKept: false, addTargets: [NTFY] })]);
    const report = buildImportReport(plan, decisions, { source: 'x', dryRun: false, createdIds: [], mask: maskTarget });
    expect(report.watches[0]?.notes).toEqual([]);
  });

  it('notes a kept filter on a watch that only gains targets too', () => {
    const plan = planOf(planned({ filter: FILTER, targets: [NTFY] }));
    const decisions = reconcileImport(plan, () => existing(), { notifyExisting: false });
    expect(decisions).toEqual([expect.objectContaining({ kind: 'merge', filterKept: true })]);
    const report = buildImportReport(plan, decisions, { source: 'x', dryRun: false, createdIds: [], mask: maskTarget });
    expect(report.watches[0]?.notes).toEqual([FILTER_KEPT_NOTE]);
  });
});

describe('reconcileImport with rules', () => {
  const RULES: WatchRules = { minDrop: { percent: 5 }, below: 150_000, lifecycle: { gone: true }, digest: 'daily' };
  const report = (plan: ImportPlan, decisions: ReturnType<typeof reconcileImport>, createdIds: number[] = []) =>
    buildImportReport(plan, decisions, { source: 'x', dryRun: false, createdIds, mask: maskTarget });

  it("gives a new watch the file's rules to write, and reports them", () => {
    const plan = planOf(planned({ rules: RULES }));
    const decisions = reconcileImport(plan, () => undefined, { notifyExisting: false });
    expect(collectWrites(decisions).create).toEqual([expect.objectContaining({ rules: RULES })]);
    expect(report(plan, decisions, [3]).watches[0]).toMatchObject({ result: 'created', rules: RULES, notes: [] });
  });

  it('leaves a new watch without rules when the file gives none', () => {
    const plan = planOf(planned());
    const decisions = reconcileImport(plan, () => undefined, { notifyExisting: false });
    expect(collectWrites(decisions).create[0]).not.toHaveProperty('rules');
    expect(report(plan, decisions, [3]).watches[0]).toMatchObject({ rules: null });
  });

  it('keeps the rules of a watch already there, writes nothing for it, and says so', () => {
    const plan = planOf(planned({ rules: RULES }));
    const decisions = reconcileImport(plan, () => existing({}, [], undefined, { priceChanges: 'all' }), {
      notifyExisting: false,
    });
    expect(decisions).toEqual([expect.objectContaining({ kind: 'unchanged', rulesKept: true, filterKept: false })]);
    expect(collectWrites(decisions)).toEqual({ create: [], merge: [] });
    expect(report(plan, decisions).watches[0]).toMatchObject({ rules: null, notes: [RULES_KEPT_NOTE] });
  });

  it('says so too for a watch without rules of its own that only gains targets', () => {
    const plan = planOf(planned({ rules: RULES, targets: [NTFY] }));
    const decisions = reconcileImport(plan, () => existing(), { notifyExisting: false });
    expect(decisions).toEqual([expect.objectContaining({ kind: 'merge', rulesKept: true, addTargets: [NTFY] })]);
    expect(collectWrites(decisions).merge[0]).not.toHaveProperty('rules');
    expect(report(plan, decisions).watches[0]?.notes).toEqual([RULES_KEPT_NOTE]);
  });

  it('says nothing about rules the watch already has, however their keys are ordered', () => {
    const same: WatchRules = { digest: 'daily', lifecycle: { gone: true }, below: 150_000, minDrop: { percent: 5 } };
    const plan = planOf(planned({ rules: RULES }));
    const decisions = reconcileImport(plan, () => existing({}, [], undefined, same), { notifyExisting: false });
    expect(decisions).toEqual([expect.objectContaining({ kind: 'unchanged', rulesKept: false })]);
    expect(report(plan, decisions).watches[0]?.notes).toEqual([]);
  });

  it('names both when a watch keeps its filter and its rules', () => {
    const plan = planOf(planned({ rules: RULES, filter: { own: { dropIced: true }, useGlobal: true } }));
    const decisions = reconcileImport(plan, () => existing(), { notifyExisting: false });
    expect(report(plan, decisions).watches[0]?.notes).toEqual([FILTER_KEPT_NOTE, RULES_KEPT_NOTE]);
  });
});

describe('buildImportReport', () => {
  it('reports each watch with its fate, masked targets and the entries left out, in file order', () => {
    const plan: ImportPlan = {
      format: 'pyhabot-2021',
      watches: [
        planned({ entries: ['3'], targets: [DISCORD], seenUpToId: 500, baselineDone: true }),
        planned({
          entries: ['1'],
          url: 'https://hardverapro.hu/aprok/hardver/index.html',
          skippedTargets: [{ target: 'Discord channel of the old bot', reason: 'needs the token' }],
          ads: [seen(1), seen(2, true)],
        }),
      ],
      skipped: [
        { entry: '2', url: 'https://example.com/aprok/x/index.html', reason: 'example.com is not HardverApró' },
      ],
      notes: ['a note'],
    };
    const decisions = reconcileImport(
      plan,
      (url) => (url === MOBIL ? undefined : existing({ id: 4, name: 'hw', url })),
      { notifyExisting: false },
    );
    const report = buildImportReport(plan, decisions, {
      source: 'viewers.json',
      dryRun: false,
      createdIds: [12],
      mask: maskTarget,
    });
    expect(report).toMatchObject({
      source: 'viewers.json',
      format: 'pyhabot-2021',
      dryRun: false,
      notes: ['a note'],
      summary: { created: 1, merged: 1, unchanged: 0, skipped: 1, targetsAdded: 1, targetsSkipped: 1, adsAdded: 2 },
    });
    expect(report.watches.map((item) => [item.entries, item.result, item.watchId, item.reason])).toEqual([
      [['1'], 'merged', 4, 'already watched as watch 4'],
      [['2'], 'skipped', null, 'example.com is not HardverApró'],
      [['3'], 'created', 12, null],
    ]);
    expect(report.watches[2]?.targets.added).toEqual(['https://discord.com/api/webhooks/1122…/****']);
    expect(report.watches[0]?.seen).toEqual({ upToId: null, baselineDone: false, ads: 1, goneAds: 1 });
    expect(JSON.stringify(report)).not.toContain('AbCdEfGh');
  });

  it('gives no id to a watch a dry run would create', () => {
    const plan = planOf(planned());
    const report = buildImportReport(
      plan,
      reconcileImport(plan, () => undefined, { notifyExisting: false }),
      {
        source: 'x',
        dryRun: true,
        createdIds: [],
        mask: maskTarget,
      },
    );
    expect(report.watches[0]).toMatchObject({ result: 'created', watchId: null });
  });
});
