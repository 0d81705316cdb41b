#!/usr/bin/env node
// Writes the listing-parser fixtures in test/fixtures/hardverapro/ from the real pages kept outside the repository
// (default: ../shared/fixtures/hardverapro next to the repository; pass another folder as the first argument).
//
// The real pages hold other people's nicknames, profile links, avatars and phone numbers. Every one of them is
// replaced by a neutral value derived from its position ("the 3rd distinct seller" → "Eladó 03", elado_03), so
// this script holds no personal data itself. The markup is otherwise left as the server sent it; only script
// and style bodies, the sidebar and the bottom advert slot are emptied to keep the files small.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = resolve(process.argv[2] ?? join(repoRoot, '..', 'shared', 'fixtures', 'hardverapro'));
const targetDir = join(repoRoot, 'test', 'fixtures', 'hardverapro');

const SELLER_LINK =
  /(<a href=")(\/tag\/|\/aprok\/hirdeto\/)([^/".?]+)((?:\.html|\/index\.html)\?uadid=\d+">)([^<]*)(<\/a>)/g;
const AVATAR = /(\/\/cdn\.rios\.hu\/dl\/faces\/small\/)([^"]+?)(\.gif)/g;
const PHONE = /(?:\+36|\b06)[ \-/]?\(?(?:1|[2-9]\d)\)?[ \-/]?\d{3}[ \-/]?\d{3,4}\b/g;
const TEXT_BETWEEN_TAGS = />([^<]+)</g;

/** Hands out "the Nth distinct value" numbers, two digits wide. */
function numbering() {
  const numbers = new Map();
  return (key) => {
    if (!numbers.has(key)) numbers.set(key, String(numbers.size + 1).padStart(2, '0'));
    return numbers.get(key);
  };
}

function anonymizer() {
  const sellerNumber = numbering();
  const avatarNumber = numbering();
  const phoneNumber = numbering();
  const replacePhones = (text) =>
    text.replace(PHONE, (phone) => `+36 30 000 00${phoneNumber(phone.replace(/\D/g, ''))}`);
  return {
    sellerSlug: (slug) => `elado_${sellerNumber(slug.toLowerCase())}`,
    sellerName: (slug) => `Eladó ${sellerNumber(slug.toLowerCase())}`,
    replacePhones,
    /** Anonymise a current-layout page or excerpt. */
    page(html) {
      return html
        .replace(SELLER_LINK, (_, open, path, slug, rest, name, close) => {
          const shownName = name.trim() === '' ? name : name.replace(name.trim(), this.sellerName(slug));
          return `${open}${path}${this.sellerSlug(slug)}${rest}${shownName}${close}`;
        })
        .replace(AVATAR, (_, prefix, file, suffix) => `${prefix}avatar_${avatarNumber(file)}${suffix}`)
        .replace(TEXT_BETWEEN_TAGS, (_, text) => `>${replacePhones(text)}<`);
    },
  };
}

/** End index (after the closing tag) of the div that opens at `start`, counting nested divs and skipping comments. */
function divEnd(html, start) {
  const pattern = /<!--[\s\S]*?-->|<(\/?)div\b[^>]*>/gi;
  pattern.lastIndex = html.indexOf('>', start) + 1;
  let depth = 1;
  for (let match = pattern.exec(html); match !== null; match = pattern.exec(html)) {
    if (match[0].startsWith('<!--')) continue;
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  throw new Error(`unclosed div at ${start}`);
}

/** Empty the content of the div whose opening tag starts with `openingTagStart`. */
function emptyDiv(html, openingTagStart) {
  const start = html.indexOf(openingTagStart);
  if (start < 0) throw new Error(`not found: ${openingTagStart}`);
  const openEnd = html.indexOf('>', start) + 1;
  return `${html.slice(0, openEnd)}</div>${html.slice(divEnd(html, start))}`;
}

function trimPage(html) {
  let trimmed = html
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2')
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, '$1$2')
    .replace(/src="data:text\/javascript;base64,[^"]*"/g, 'src="data:text/javascript;base64,"')
    .replace(/(name="fidentifier" value=")[0-9a-f]+(")/g, (_, open, close) => `${open}${'0'.repeat(64)}${close}`);
  trimmed = emptyDiv(trimmed, '<div id="right"');
  trimmed = emptyDiv(trimmed, '<div id="bottom"');
  return trimmed;
}

function anonymizeExpected(expected, anonymize) {
  return {
    meta: {
      ...expected.meta,
      note: `${expected.meta.note} Anonymised for this repository by scripts/make-fixtures.mjs: seller names, seller link slugs and phone numbers in titles replaced.`,
    },
    ads: expected.ads.map((ad) => {
      const link = /^(\/tag\/|\/aprok\/hirdeto\/)([^/".?]+)(.*)$/.exec(ad.seller_href);
      if (link === null) throw new Error(`unexpected seller link ${ad.seller_href}`);
      return {
        ...ad,
        title: anonymize.replacePhones(ad.title),
        seller_name: anonymize.sellerName(link[2]),
        seller_href: `${link[1]}${anonymize.sellerSlug(link[2])}${link[3]}`,
      };
    }),
  };
}

/** The 2018 excerpt links sellers as `tag/<slug>` and repeats the nickname in the avatar's alt text. */
function anonymizeOldExcerpt(html) {
  const sellerNumber = numbering();
  const avatarNumber = numbering();
  const names = new Map();
  for (const match of html.matchAll(/alt="([^"]+)"\s*\/><span><a href="tag\/([^"]+)">([^<]*)<\/a>/g)) {
    names.set(match[1], match[2]);
    names.set(match[3], match[2]);
  }
  return html
    .replace(/(<img src="https:\/\/prohardver\.hu\/dl\/faces\/small\/)([^"]+?)(\.gif")/g, (_, a, file, b) => {
      return `${a}avatar_${avatarNumber(file)}${b}`;
    })
    .replace(/alt="([^"]+)"/g, (all, name) => (names.has(name) ? `alt="Eladó ${sellerNumber(names.get(name))}"` : all))
    .replace(/href="tag\/([^"]+)"/g, (_, slug) => `href="tag/elado_${sellerNumber(slug)}"`)
    .replace(/(<a href="tag\/elado_\d+">)([^<]*)(<\/a>)/g, (all, open, name, close) =>
      names.has(name) ? `${open}Eladó ${sellerNumber(names.get(name))}${close}` : all,
    );
}

/**
 * Check that no seller link, nickname, avatar or phone number of the source survives in the output. Shops'
 * names inside their own ad titles and ad links are ad content and stay.
 */
function assertNoneLeft(label, output, source) {
  const leftovers = new Set();
  const shownTexts = new Set([...output.matchAll(/>([^<]*)</g)].map((match) => match[1].trim()));
  for (const match of source.matchAll(SELLER_LINK)) {
    const slug = match[3];
    const name = match[5].trim();
    if (output.includes(`${match[2]}${slug}.`) || output.includes(`${match[2]}${slug}/`)) leftovers.add(slug);
    if (shownTexts.has(name) || output.includes(`"seller_name": ${JSON.stringify(name)}`)) leftovers.add(name);
  }
  for (const match of source.matchAll(/faces\/small\/([^"]+?)\.gif/g)) {
    if (output.includes(`faces/small/${match[1]}.gif`)) leftovers.add(match[1]);
  }
  for (const match of source.matchAll(PHONE)) {
    if (output.includes(match[0])) leftovers.add(match[0]);
  }
  if (leftovers.size > 0) throw new Error(`${label}: ${leftovers.size} personal value(s) left after anonymising`);
}

/** The anonymised page with every ad card removed from the list, block headers kept. */
function withoutCards(page) {
  const listStart = page.indexOf('<div class="uad-list');
  const listEnd = divEnd(page, listStart);
  const list = page.slice(listStart, listEnd).replace(/\s*<li class="media[^"]*" data-uadid="\d+">[\s\S]*?<\/li>/g, '');
  return `${page.slice(0, listStart)}${list}${page.slice(listEnd)}`;
}

/** The anonymised page with the list replaced by the site's "no hits" sentence. */
function withNoResultsMessage(page) {
  const listStart = page.indexOf('<div class="uad-list');
  const listEnd = divEnd(page, listStart);
  const message = '<div class="alert alert-info">Sajnos a megadott keresési feltételekkel nincs egy találat sem.</div>';
  return `${page.slice(0, listStart)}${message}${page.slice(listEnd)}`;
}

// The layout used up to January 2025 ("media-body"), as other scrapers' selectors of that time describe it.
// No real page of that era survives, so these cards are invented; only their shape follows the description.
const MEDIA_BODY_CARDS = `
			<li class="media " data-uadid="6500001">
				<a class="uad-image align-self-center" href="https://hardverapro.hu/apro/pelda_telefon_128gb/hsz_1-50.html">
					<img class="d-block d-md-none" src="//cdn.rios.hu/dl/uad/2024-05/6500001/pelda.jpg/100" data-retina-url="//cdn.rios.hu/dl/uad/2024-05/6500001/pelda.jpg" alt="" />
				</a>
				<div class="media-body">
					<div class="uad-title">
						<h1><a href="https://hardverapro.hu/apro/pelda_telefon_128gb/hsz_1-50.html">Példa telefon 128GB</a> – <span class="uad-ultralight">3 perce</span></h1>
					</div>
					<div class="uad-info">
						<div class="uad-price">69 000 Ft</div>
						<div class="uad-light">Budapest</div>
						<div class="uad-ultralight">ma 19:41</div>
					</div>
					<div class="uad-misc">
						<div class="uad-light"><a href="/tag/elado_01.html">Eladó 01</a></div>
						<div class="uad-light"><span class="text-nowrap"><span class="uad-rating uad-rating-positive" title="12 pozitív, 0 negatív">+12</span></span></div>
					</div>
				</div>
			</li>
			<li class="media featured" data-uadid="6500002">
				<a class="uad-image align-self-center" href="https://hardverapro.hu/apro/pelda_tablet/hsz_1-50.html">
					<img class="d-block d-md-none" src="//cdn.rios.hu/dl/uad/2024-05/6500002/tablet.jpg/100" alt="" />
				</a>
				<div class="media-body">
					<div class="uad-title">
						<h1><a href="https://hardverapro.hu/apro/pelda_tablet/hsz_1-50.html">Példa tablet</a> – <span class="uad-ultralight">Előresorolt hirdetés</span></h1>
					</div>
					<div class="uad-info">
						<div class="uad-price">Csere</div>
						<div class="uad-light"><span title="Békéscsaba, Gyula">Békéscsaba, ...</span></div>
						<div class="uad-ultralight">Előresorolt hirdetés</div>
					</div>
					<div class="uad-misc">
						<div class="uad-light"><a href="/tag/elado_02.html">Eladó 02</a></div>
						<div class="uad-light"><span class="text-nowrap"><span class="uad-rating uad-rating-positive" title="3 pozitív, 0 negatív">+3</span></span></div>
					</div>
				</div>
			</li>
`;

/** The anonymised page with its cards replaced by invented era-1 cards. */
function withMediaBodyCards(page) {
  const empty = withoutCards(page);
  const firstHeaderEnd = empty.indexOf('</h3></li>', empty.indexOf('<div class="uad-list')) + '</h3></li>'.length;
  return `${empty.slice(0, firstHeaderEnd)}${MEDIA_BODY_CARDS}${empty.slice(firstHeaderEnd)}`;
}

function main() {
  mkdirSync(targetDir, { recursive: true });
  const write = (name, text) => {
    writeFileSync(join(targetDir, name), text);
    console.log(`wrote test/fixtures/hardverapro/${name} (${Buffer.byteLength(text)} bytes)`);
  };

  const pageSource = readFileSync(join(sourceDir, 'listing-2025-12-mobil.html'), 'utf8');
  const anonymize = anonymizer();
  const page = anonymize.page(trimPage(pageSource));
  assertNoneLeft('listing page', page, pageSource);
  write('listing-2025-12-mobil.html', page);

  const expected = JSON.parse(readFileSync(join(sourceDir, 'listing-2025-12-mobil.expected.json'), 'utf8'));
  const expectedText = `${JSON.stringify(anonymizeExpected(expected, anonymize), null, 1)}\n`;
  assertNoneLeft('expected reading', expectedText, pageSource);
  write('listing-2025-12-mobil.expected.json', expectedText);

  write('listing-empty.html', withoutCards(page));
  write('listing-empty-message.html', withNoResultsMessage(page));
  write('listing-media-body-layout.html', withMediaBodyCards(page));

  const excerptSource = readFileSync(join(sourceDir, 'excerpt-2026-09-alaplap-3cards.html'), 'utf8');
  // The saved excerpt opens with its saver's own note; the README here says where it came from instead.
  const excerpt = anonymizer().page(excerptSource.replace(/^\s*<!--[\s\S]*?-->\s*/, ''));
  assertNoneLeft('2026 excerpt', excerpt, excerptSource);
  write('excerpt-2026-09-alaplap-3cards.html', excerpt);

  const oldSource = readFileSync(join(sourceDir, 'excerpt-2018-02-old-layout.html'), 'utf8');
  const old = anonymizeOldExcerpt(oldSource);
  for (const match of oldSource.matchAll(/href="tag\/([^"]+)"/g)) {
    if (old.toLowerCase().includes(match[1].toLowerCase())) {
      throw new Error('2018 excerpt: a nickname is left after anonymising');
    }
  }
  write('excerpt-2018-02-old-layout.html', old);
}

main();
