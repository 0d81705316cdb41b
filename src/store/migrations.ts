/**
 * Numbered schema migrations. Each runs once, in order, inside one transaction with the
 * `PRAGMA user_version` bump, so a database is always at exactly one known version.
 * Never edit a released migration: add a new one.
 */
export const migrations: ReadonlyArray<{ version: number; description: string; sql: string }> = [
  {
    version: 1,
    description: 'watches, their targets, ads seen with price history, check runs, events, outbox, run lock',
    sql: `
      CREATE TABLE watches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        url TEXT NOT NULL UNIQUE,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        notify_existing INTEGER NOT NULL DEFAULT 0 CHECK (notify_existing IN (0, 1)),
        max_pages INTEGER,
        seen_up_to_id INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        baseline_done INTEGER NOT NULL DEFAULT 0 CHECK (baseline_done IN (0, 1)),
        last_check_at TEXT,
        last_status TEXT CHECK (last_status IN ('ok', 'baseline', 'error')),
        last_ads_seen INTEGER,
        last_events INTEGER,
        last_error_kind TEXT,
        last_error_message TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_success_at TEXT
      );

      CREATE TABLE watch_targets (
        watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        target TEXT NOT NULL,
        PRIMARY KEY (watch_id, target)
      ) WITHOUT ROWID;

      CREATE TABLE ads (
        watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
        ad_id INTEGER NOT NULL,
        title TEXT NOT NULL,
        url TEXT NOT NULL,
        price INTEGER,
        price_kind TEXT NOT NULL,
        price_text TEXT NOT NULL,
        data TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        missed_runs INTEGER NOT NULL DEFAULT 0,
        gone_at TEXT,
        PRIMARY KEY (watch_id, ad_id)
      ) WITHOUT ROWID;

      CREATE TABLE price_history (
        id INTEGER PRIMARY KEY,
        watch_id INTEGER NOT NULL,
        ad_id INTEGER NOT NULL,
        price INTEGER,
        price_kind TEXT NOT NULL,
        price_text TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        FOREIGN KEY (watch_id, ad_id) REFERENCES ads(watch_id, ad_id) ON DELETE CASCADE
      );
      CREATE INDEX price_history_by_ad ON price_history (watch_id, ad_id, id);

      CREATE TABLE check_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        pid INTEGER NOT NULL,
        watches_checked INTEGER NOT NULL DEFAULT 0,
        watches_failed INTEGER NOT NULL DEFAULT 0,
        new_ads INTEGER NOT NULL DEFAULT 0,
        price_changes INTEGER NOT NULL DEFAULT 0,
        deliveries_failed INTEGER NOT NULL DEFAULT 0,
        exit_code INTEGER
      );

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
        run_id INTEGER REFERENCES check_runs(id) ON DELETE SET NULL,
        type TEXT NOT NULL CHECK (type IN ('new_ad', 'price_changed')),
        ad_id INTEGER NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX events_by_watch ON events (watch_id, id);

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT,
        UNIQUE (event_id, target)
      );
      CREATE INDEX outbox_pending ON outbox (status, next_attempt_at) WHERE status = 'pending';

      CREATE TABLE run_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        owner TEXT NOT NULL,
        pid INTEGER NOT NULL,
        hostname TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: "each watch's ad filter, and the rule that held back an ad's notification",
    sql: `
      CREATE TABLE watch_filters (
        watch_id INTEGER PRIMARY KEY REFERENCES watches(id) ON DELETE CASCADE,
        filter TEXT NOT NULL,
        use_global INTEGER NOT NULL DEFAULT 1 CHECK (use_global IN (0, 1))
      );

      ALTER TABLE ads ADD COLUMN filtered_rule TEXT;
    `,
  },
  {
    version: 3,
    description: "every event kind (ad lifecycle, re-posts, alerts without an ad), and each watch's notification rules",
    sql: `
      CREATE TABLE events_v3 (
        id INTEGER PRIMARY KEY,
        watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
        run_id INTEGER REFERENCES check_runs(id) ON DELETE SET NULL,
        type TEXT NOT NULL CHECK (type IN (
          'new_ad', 'price_changed', 'reactivated', 'reappeared', 'gone', 'reposted',
          'watch_failing', 'watch_recovered', 'target_dead'
        )),
        ad_id INTEGER,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      INSERT INTO events_v3 (id, watch_id, run_id, type, ad_id, idempotency_key, payload, created_at)
        SELECT id, watch_id, run_id, type, ad_id, idempotency_key, payload, created_at FROM events;
      DROP TABLE events;
      ALTER TABLE events_v3 RENAME TO events;
      CREATE INDEX events_by_watch ON events (watch_id, id);

      CREATE TABLE watch_rules (
        watch_id INTEGER PRIMARY KEY REFERENCES watches(id) ON DELETE CASCADE,
        rules TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    description: 'notifications held for quiet hours or a digest, and when they are released',
    sql: `
      ALTER TABLE outbox ADD COLUMN held_until TEXT;
      CREATE INDEX outbox_held ON outbox (target, held_until) WHERE held_until IS NOT NULL AND status = 'pending';
    `,
  },
  {
    version: 5,
    description: 'chat control: where each chat transport stopped reading, and the strangers already logged',
    sql: `
      CREATE TABLE chat_cursors (
        transport TEXT PRIMARY KEY,
        position TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE chat_strangers (
        transport TEXT NOT NULL,
        sender TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        PRIMARY KEY (transport, sender)
      );
    `,
  },
  {
    version: 6,
    description: 'failure episodes of watches and notification targets, and the all-clear after a dead target',
    sql: `
      CREATE TABLE watch_alert_episodes (
        watch_id INTEGER PRIMARY KEY REFERENCES watches(id) ON DELETE CASCADE,
        failing_since TEXT NOT NULL,
        failures INTEGER NOT NULL,
        alerted_at TEXT
      );

      CREATE TABLE target_alert_episodes (
        target TEXT PRIMARY KEY,
        watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
        dead_since TEXT NOT NULL
      );

      CREATE TABLE events_v6 (
        id INTEGER PRIMARY KEY,
        watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
        run_id INTEGER REFERENCES check_runs(id) ON DELETE SET NULL,
        type TEXT NOT NULL CHECK (type IN (
          'new_ad', 'price_changed', 'reactivated', 'reappeared', 'gone', 'reposted',
          'watch_failing', 'watch_recovered', 'target_dead', 'target_recovered'
        )),
        ad_id INTEGER,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      INSERT INTO events_v6 (id, watch_id, run_id, type, ad_id, idempotency_key, payload, created_at)
        SELECT id, watch_id, run_id, type, ad_id, idempotency_key, payload, created_at FROM events;
      DROP TABLE events;
      ALTER TABLE events_v6 RENAME TO events;
      CREATE INDEX events_by_watch ON events (watch_id, id);
    `,
  },
  {
    version: 7,
    description: 'ads by seller (re-posts) and by first sighting with their price (price context); re-post links',
    sql: `
      -- The seller name is the one the listing card shows, compared case-insensitively.
      CREATE INDEX ads_by_seller ON ads (watch_id, lower(json_extract(data, '$.seller.name')), first_seen_at);
      ALTER TABLE ads ADD COLUMN reposted_from INTEGER;
      -- The price sample: read from this narrow index instead of every stored card of the watch.
      CREATE INDEX ads_priced ON ads (watch_id, first_seen_at, price) WHERE price_kind = 'fixed' AND price > 0;
    `,
  },
  {
    version: 8,
    description: 'whether each ad was iced when last seen, so its return to active can be told',
    sql: `
      ALTER TABLE ads ADD COLUMN iced INTEGER NOT NULL DEFAULT 0 CHECK (iced IN (0, 1));
      UPDATE ads SET iced = 1 WHERE json_extract(data, '$.iced') = 1;
    `,
  },
];

/** The schema version this build writes. */
export const LATEST_SCHEMA_VERSION = migrations.reduce((latest, m) => Math.max(latest, m.version), 0);
