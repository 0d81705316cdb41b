#!/usr/bin/env node
// `npm run demo`: pyhabot from first watch to first price drop, offline, in a few seconds.
//
// A fake HardverApró on 127.0.0.1 serves a real listing page (anonymised, test/fixtures/hardverapro/), and the
// built CLI (bin/pyhabot.js) runs against it in a temporary directory that is removed at the end: add a watch,
// check (the baseline), let a new ad appear and a price drop, check again, show the Discord message a local webhook
// received, let a seller re-post an ad and check once more (the re-post is recognised, and every new price is set
// against the watch's recorded prices), then the newest ads and `status`.
// Exits 0 when every step did what it should, 1 otherwise.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatJson } from './demo-json.js';
import { listOrdinaryAds, withNewAd, withoutAd, withoutNextPage, withPrice } from './demo-page.js';

const repoRoot = resolve(import.meta.dirname, '..');
const bin = join(repoRoot, 'bin', 'pyhabot.js');
const listingFile = join(repoRoot, 'test', 'fixtures', 'hardverapro', 'listing-2025-12-mobil.html');
const STEP_TIMEOUT_MS = 30_000;
const watchName = 'Demo: mobiles';
const newAd = { title: 'Samsung Galaxy S24 128GB, bontatlan, 2 év garancia', priceText: '219 000 Ft' };

/** A step whose outcome was not what a user would expect: the demo fails with this message. */
class DemoFailure extends Error {}

const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
const bold = (text) => (color ? `\u001b[1m${text}\u001b[22m` : text);

function heading(text) {
  process.stdout.write(`\n${bold(`=== ${text}`)}\n`);
}

function note(text) {
  process.stdout.write(`${text}\n`);
}

/** "170 000 Ft" → 170000; null for prices that are not in forints. */
function forints(priceText) {
  const match = /^(\d{1,3}(?: \d{3})*) Ft$/.exec(priceText);
  return match ? Number(match[1].replaceAll(' ', '')) : null;
}

/** 153000 → "153 000 Ft", the way the site writes prices. */
function formatForints(amount) {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} Ft`;
}

/** Serve `page()` at every path on an ephemeral port of 127.0.0.1. */
async function startFakeSite(page) {
  const server = createServer((_request, response) => {
    const body = Buffer.from(page(), 'utf8');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}

/**
 * A Discord webhook on an ephemeral port of 127.0.0.1 that keeps what it receives and answers as Discord does with
 * `?wait=true`: 200 and the message it stored.
 */
async function startDiscordReceiver() {
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ method: request.method, path: request.url, body: text });
      const answer = Buffer.from(JSON.stringify({ id: String(received.length), type: 0 }), 'utf8');
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
      response.end(answer);
    });
  });
  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    received,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}

/**
 * Run the built CLI as a user would type `pyhabot <args>`, show what it printed, and return it. With `toTerminal`,
 * a demo run on a terminal lets the step write to that terminal itself, so that tables are laid out for its width
 * as they are for a user; the step's output is then not returned.
 */
function pyhabot(args, env, { toTerminal = false } = {}) {
  note(commandLine(args));
  const direct = toTerminal && process.stdout.isTTY === true;
  return new Promise((resolveRun, rejectRun) => {
    const stdio = ['ignore', direct ? 'inherit' : 'pipe', 'pipe'];
    const child = spawn(process.execPath, [bin, ...args], { env, stdio });
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.on('error', rejectRun);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolveRun(stripAnsi(stdout));
      else rejectRun(new DemoFailure(`pyhabot ${args[0]} ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}

/** `$ pyhabot <args>` as a user would type it; a line too long for 80 columns continues before each option. */
function commandLine(args) {
  const line = `$ pyhabot ${args.map(quoteForShell).join(' ')}`;
  if (line.length <= 80) return line;
  return `$ pyhabot ${args.map((arg) => (arg.startsWith('--') ? `\\\n    ${arg}` : quoteForShell(arg))).join(' ')}`;
}

function quoteForShell(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}

function stripAnsi(text) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function expectInOutput(output, text, what) {
  if (!output.includes(text)) throw new DemoFailure(`expected the output to show ${what} ("${text}")`);
}

/** Only what the demo needs: the user's own settings, data and notification targets must not take part. */
function demoEnvironment(dir) {
  const home = join(dir, 'home');
  mkdirSync(home);
  const configFile = join(dir, 'pyhabot.yaml');
  // The default pause between requests, as on the real site; the fake site ignores the sort-order cookie.
  writeFileSync(configFile, 'newestFirst: false\n');
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: process.env.LANG ?? 'C.UTF-8',
    PYHABOT_CONFIG: configFile,
    PERSISTENT_DATA_PATH: join(dir, 'data'),
  };
  if (process.env.TZ) env.TZ = process.env.TZ;
  if (color) env.FORCE_COLOR = '1';
  return env;
}

async function runDemo(dir) {
  const env = demoEnvironment(dir);
  let page = withoutNextPage(readFileSync(listingFile, 'utf8'));
  const site = await startFakeSite(() => page);
  const discord = await startDiscordReceiver();
  try {
    const ordinaryAds = listOrdinaryAds(page);
    const dropping = ordinaryAds.find((ad) => forints(ad.priceText) !== null && !ad.title.includes('&'));
    const template = ordinaryAds[0];
    const reposting = ordinaryAds.find(
      (ad) => ad !== dropping && ad !== template && forints(ad.priceText) !== null && !ad.title.includes('&'),
    );
    if (dropping === undefined || template === undefined || reposting === undefined) {
      throw new DemoFailure(`${listingFile} has no ads to use`);
    }
    const listingUrl = `${site.url}/aprok/mobil/index.html`;
    // The `discord+` form sends Discord's payload to any URL: here, the local receiver instead of discord.com.
    const target = `discord+${discord.url}/api/webhooks/1234567890/demo-token`;

    heading('pyhabot demo');
    note(`A fake HardverApró at ${site.url} serves a real, anonymised`);
    note('listing page (Mobil, tablet, December 2025).');
    note(`A fake Discord webhook at ${discord.url} receives the notifications.`);
    note(`pyhabot keeps its data in ${env.PERSISTENT_DATA_PATH} (removed at the end).`);

    heading('1. Watch a search, with Discord notifications');
    await pyhabot(['add', listingUrl, '--allow-any-host', '--name', watchName, '--notify', target], env);

    heading('2. First check: the ads listed now are the baseline, none is reported as new');
    const baseline = await pyhabot(['check'], env);
    expectInOutput(baseline, 'baseline', 'the baseline');
    if (discord.received.length !== 0) throw new DemoFailure('the baseline sent a notification');

    const oldPrice = forints(dropping.priceText);
    const newPriceText = formatForints(Math.round((oldPrice * 0.9) / 1000) * 1000);
    const newAdId = Math.max(...ordinaryAds.map((ad) => ad.id)) + 1;
    page = withNewAd(page, { templateId: template.id, id: newAdId, ...newAd });
    page = withPrice(page, dropping.id, newPriceText);
    heading('3. The site changes');
    note(`- a new ad appears: "${newAd.title}", ${newAd.priceText}`);
    note(`- "${dropping.title}" drops from ${dropping.priceText} to ${newPriceText}`);

    heading('4. Second check: exactly the new ad and the price drop are reported');
    const changes = await pyhabot(['check'], env);
    expectInOutput(changes, newAd.title, 'the new ad');
    expectInOutput(changes, dropping.title, 'the ad whose price dropped');
    expectInOutput(changes, newPriceText, 'the new price');

    heading('5. The notification, as the Discord webhook received it');
    showReceived(discord.received, [newAd.title, newPriceText]);

    const repostPriceText = formatForints(Math.round((forints(reposting.priceText) * 0.85) / 1000) * 1000);
    const repostId = newAdId + 1;
    page = withNewAd(page, {
      templateId: reposting.id,
      id: repostId,
      title: reposting.title,
      priceText: repostPriceText,
    });
    page = withoutAd(page, reposting.id);
    heading('6. A seller lets an ad expire and posts it again, cheaper, under a new id');
    note(`- "${reposting.title}" (${reposting.priceText}) is gone,`);
    note(`  and the same seller lists it again at ${repostPriceText}`);

    heading('7. Third check: the re-post is labelled with its first listing, and its price set in context');
    const repostCheck = await pyhabot(['check'], env);
    expectInOutput(
      repostCheck,
      `re-posted; first listed today at ${reposting.priceText}, now ${repostPriceText}`,
      'the re-post',
    );
    expectInOutput(repostCheck, 'the median of', 'the price context');

    heading('8. The newest ads the watch has seen');
    // Piped, pyhabot keeps full rows; the demo's own page is 80 columns wide, so it asks for that width.
    const adsEnv = process.stdout.isTTY === true ? env : { ...env, COLUMNS: env.COLUMNS ?? '80' };
    await pyhabot(['ads', '1', '--limit', '5'], adsEnv, { toTerminal: true });

    heading('9. Health, as the container healthcheck asks for it');
    await pyhabot(['status', '--max-age', '20m'], env);

    heading('10. What such ads cost, from the prices the watch recorded');
    const stats = await pyhabot(['stats', '1'], adsEnv, { toTerminal: true });
    expectInOutput(stats, 'median', 'the median price');

    heading('11. The same news as a feed, for a feed reader');
    const feed = await pyhabot(['feed', '1', '--format', 'rss'], env);
    expectInOutput(feed, newAd.title, 'the new ad in the feed');
    expectInOutput(feed, 're-posted; first listed', 'the re-post in the feed');

    heading('Done');
    note('Try it on the real site: pyhabot add <a HardverApró search URL>, then pyhabot check');
    note('(see README.md).');
  } finally {
    await Promise.all([site.close(), discord.close()]);
  }
}

/** Print the one message the receiver got, its JSON body pretty-printed; fail unless it carries `expected`. */
function showReceived(received, expected) {
  if (received.length !== 1) throw new DemoFailure(`the webhook received ${received.length} messages, not 1`);
  const [message] = received;
  let body;
  try {
    body = JSON.parse(message.body);
  } catch {
    throw new DemoFailure(`the webhook received a body that is not JSON: ${message.body.slice(0, 80)}`);
  }
  note(`${message.method} ${message.path}`);
  note(formatJson(body));
  // Notifications keep a price's digits together with no-break spaces; the demo's own texts use plain ones.
  const text = JSON.stringify(body).replaceAll('\u00a0', ' ');
  for (const part of expected) expectInOutput(text, part, 'the notification');
}

const dir = mkdtempSync(join(tmpdir(), 'pyhabot-demo-'));
const removeDir = () => rmSync(dir, { recursive: true, force: true });
// An interrupted demo still removes its directory; the CLI step it was running is interrupted too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    removeDir();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
try {
  await runDemo(dir);
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`\ndemo failed: ${error instanceof DemoFailure ? error.message : (error?.stack ?? error)}\n`);
} finally {
  removeDir();
}
