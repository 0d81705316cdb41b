// Fills a pyhabot database directly, so benchmarks start from hundreds of watches or a million recorded ads in
// seconds instead of hours of checks. The rows have the shape the product itself writes.
import Database from 'better-sqlite3';

/** Add watches `first`..`first + count - 1` for `/aprok/w<n>/index.html` on `origin`, in one transaction. */
export function addWatches(dbPath, origin, { first, count }) {
  const db = new Database(dbPath);
  try {
    const at = new Date().toISOString();
    const insert = db.prepare(
      'INSERT INTO watches (name, url, enabled, notify_existing, created_at, updated_at) VALUES (?, ?, 1, 0, ?, ?)',
    );
    db.transaction(() => {
      for (let n = first; n < first + count; n += 1) insert.run(`w${n}`, `${origin}/aprok/w${n}/index.html`, at, at);
    })();
  } finally {
    db.close();
  }
}

/**
 * Record `total` extra ads spread evenly over every watch, as a long-running installation accumulates them: all
 * still active (a watch that reads only page 1 of a long search never sees an ad leave, so never marks it gone),
 * first seen over the past year, each with its first price and one in ten with a later price change. Ad ids lie
 * below the fixture page's, so none of them is on the page. One transaction, rows in key order; the journal is
 * off while seeding (a scratch database), and WAL mode is restored afterwards as the product expects.
 */
export function recordHistoricAds(dbPath, total, templateAd) {
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    const watchIds = db
      .prepare('SELECT id FROM watches ORDER BY id')
      .all()
      .map((row) => row.id);
    const insertAd = db.prepare(
      `INSERT INTO ads (watch_id, ad_id, title, url, price, price_kind, price_text, data, first_seen_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, 'fixed', ?, ?, ?, ?)`,
    );
    const insertHistory = db.prepare(
      `INSERT INTO price_history (watch_id, ad_id, price, price_kind, price_text, seen_at)
       VALUES (?, ?, ?, 'fixed', ?, ?)`,
    );
    const yearMs = 365 * 24 * 3600 * 1000;
    const weekMs = 7 * 24 * 3600 * 1000;
    const startMs = Date.now() - yearMs;
    const perWatch = Math.ceil(total / watchIds.length);
    db.transaction(() => {
      let n = 0;
      for (const watchId of watchIds) {
        for (let k = 0; k < perWatch && n < total; k += 1, n += 1) {
          const adId = 1_000_000 + n;
          const title = `${templateAd.title} #${n}`;
          const url = `https://hardverapro.hu/apro/hirdetes_${adId}/friss.html`;
          const price = 10_000 + (n % 500) * 1000;
          const priceText = formatForint(price);
          const firstSeenMs = startMs + Math.floor((k / perWatch) * yearMs);
          const firstSeen = new Date(firstSeenMs).toISOString();
          const lastSeen = new Date(firstSeenMs + weekMs).toISOString();
          const data = JSON.stringify({ ...templateAd, id: adId, title, url, price, priceText, priceKind: 'fixed' });
          insertAd.run(watchId, adId, title, url, price, priceText, data, firstSeen, lastSeen);
          if (n % 10 === 0) {
            insertHistory.run(watchId, adId, price + 5000, formatForint(price + 5000), firstSeen);
            insertHistory.run(watchId, adId, price, priceText, lastSeen);
          } else {
            insertHistory.run(watchId, adId, price, priceText, firstSeen);
          }
        }
      }
    })();
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/** "125 000 Ft", as the site writes prices. */
function formatForint(price) {
  return `${String(price).replace(/\B(?=(\d{3})+$)/g, ' ')} Ft`;
}

/** Row counts, to state what a benchmark ran against. */
export function countRows(dbPath) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const count = (table) => db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n;
    return { watches: count('watches'), ads: count('ads'), priceHistory: count('price_history') };
  } finally {
    db.close();
  }
}
