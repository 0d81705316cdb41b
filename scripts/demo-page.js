// Edits of a HardverApró listing page for the demo: the changes a real page goes through between two checks.
// Plain string edits on the page's markup, so the demo shows pyhabot reading the page the site sent, changed only
// where a new ad or a new price would change it.

const AD_CARD = /<li class="media[^"]*" data-uadid="(\d+)">[\s\S]*?<\/li>/g;
const TITLE_LINK = /(<h1>\s*<a href="[^"]*">)([^<]*)(<\/a>)/;
const PRICE = /(<span class="text-nowrap">)([^<]*)(<\/span>)/g;
// The list has a heading before the bumped ads and another before the ordinary ones; new ads appear first there.
const SECTION_HEADING = '<li><h3>';

/** The ads on the page, in page order: id, title and price text. */
export function listAds(html) {
  return [...html.matchAll(AD_CARD)].map(([card, id]) => ({
    id: Number(id),
    // As in the markup: entities such as &amp; stay encoded.
    title: TITLE_LINK.exec(card)?.[2]?.trim() ?? '',
    priceText: [...card.matchAll(PRICE)][0]?.[2]?.trim() ?? '',
  }));
}

/** The ads listed after the last section heading, below the bumped ones: ordinary ads, newest first. */
export function listOrdinaryAds(html) {
  const sectionStart = html.lastIndexOf(SECTION_HEADING);
  const ordinaryIds = new Set([...html.slice(sectionStart).matchAll(AD_CARD)].map(([, id]) => Number(id)));
  return listAds(html).filter((ad) => ordinaryIds.has(ad.id));
}

/** The page without its link to the next page, so that one page is the whole search. */
export function withoutNextPage(html) {
  return html.replace(/<a[^>]*\brel="next"[^>]*>/g, (tag) =>
    tag.replace(/\s*\brel="next"/, '').replace(/href="[^"]*"/, 'href="#"'),
  );
}

/** The page with another price text (e.g. "150 000 Ft") on ad `id`, in every place the card shows it. */
export function withPrice(html, id, priceText) {
  return html.replace(AD_CARD, (card, cardId) =>
    Number(cardId) === id ? card.replace(PRICE, `$1${priceText}$3`) : card,
  );
}

/**
 * The page with a new ad on top of the ordinary ads: a copy of ad `templateId`'s card with another id, title,
 * price and ad page address.
 */
export function withNewAd(html, { templateId, id, title, priceText }) {
  const template = [...html.matchAll(AD_CARD)].find(([, cardId]) => Number(cardId) === templateId)?.[0];
  if (template === undefined) throw new Error(`the page has no ad ${templateId} to copy`);
  const card = template
    .replaceAll(String(templateId), String(id))
    .replace(TITLE_LINK, `$1${escapeHtml(title)}$3`)
    .replace(PRICE, `$1${priceText}$3`)
    .replaceAll(/\/apro\/[^/"]+\/friss\.html/g, `/apro/${slugOf(title)}/friss.html`);
  const heading = html.lastIndexOf(SECTION_HEADING);
  const insertAt = html.indexOf('</li>', heading) + '</li>'.length;
  return `${html.slice(0, insertAt)}\n\t\t\t${card}${html.slice(insertAt)}`;
}

/** The page without ad `id`, as when the ad expires or is taken down. */
export function withoutAd(html, id) {
  return html.replace(AD_CARD, (card, cardId) => (Number(cardId) === id ? '' : card));
}

/** "Samsung Galaxy S24, bontatlan" → "samsung_galaxy_s24_bontatlan", the shape of the site's ad addresses. */
function slugOf(title) {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function escapeHtml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
