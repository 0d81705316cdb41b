import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The anonymised real listing page: 100 ads, next page `?offset=100`. */
export const LISTING_FIXTURE = resolve(import.meta.dirname, '../fixtures/hardverapro/listing-2025-12-mobil.html');

const CARD = /<li class="media[^"]*" data-uadid="(\d+)">[\s\S]*?<\/li>/g;

/** A listing page that tests change between runs: ads appear, prices change, ads vanish. */
export class ListingPage {
  html: string;

  constructor(html: string = readFileSync(LISTING_FIXTURE, 'utf8')) {
    this.html = html;
  }

  /** The ad ids on the page, in page order. */
  adIds(): number[] {
    return [...this.html.matchAll(CARD)].map((match) => Number(match[1]));
  }

  /** Keep only the first `count` ads. */
  keepFirst(count: number): this {
    const keep = new Set(this.adIds().slice(0, count));
    return this.mapCards((card, id) => (keep.has(id) ? card : ''));
  }

  /** Remove these ads. */
  remove(...ids: number[]): this {
    const drop = new Set(ids);
    return this.mapCards((card, id) => (drop.has(id) ? '' : card));
  }

  /** Set the price text of an ad in both price columns, e.g. "150 000 Ft". */
  setPrice(id: number, priceText: string): this {
    return this.mapCards((card, cardId) =>
      cardId === id ? card.replace(/(<span class="text-nowrap">)[^<]*(<\/span>)/g, `$1${priceText}$2`) : card,
    );
  }

  /** Ice an ad ("jegelve") or make it active again, the way the site marks it in the card and its price blocks. */
  setIced(id: number, iced: boolean): this {
    return this.mapCards((card, cardId) => {
      if (cardId !== id) return card;
      const thawed = card
        .replace(/ uad-status-iced"/, '"')
        .replaceAll(' uad-price-iced', '')
        .replaceAll(/\s*<small[^>]*><span class="fas fa-snowflake"[^>]*><\/span> jegelve<\/small>/g, '');
      if (!iced) return thawed;
      return thawed
        .replace(/^<li class="media([^"]*)"/, '<li class="media$1 uad-status-iced"')
        .replaceAll('class="uad-price"', 'class="uad-price uad-price-iced"');
    });
  }

  /** Add a new ad, a copy of `templateId` with another id and title, as the first card after the pinned block. */
  addAd(templateId: number, id: number, title: string): this {
    const template = [...this.html.matchAll(CARD)].find((match) => Number(match[1]) === templateId)?.[0];
    if (!template) throw new Error(`no ad ${templateId} on the page`);
    const card = template
      .replaceAll(String(templateId), String(id))
      .replace(/(<h1>\s*<a href="[^"]*">)[^<]*(<\/a>)/, `$1${title}$2`)
      .replaceAll(/\/apro\/[^/"]+\/friss\.html/g, `/apro/new_ad_${id}/friss.html`);
    const firstNormal = this.html.indexOf('<li><h3>', this.html.indexOf('<li><h3>') + 1);
    const insertAt = this.html.indexOf('</li>', firstNormal) + '</li>'.length;
    this.html = `${this.html.slice(0, insertAt)}\n${card}${this.html.slice(insertAt)}`;
    return this;
  }

  /** Drop the pager's next-page link, so one page is the whole search (a complete scrape). */
  withoutNextPage(): this {
    this.html = this.html.replace(/<a[^>]*rel="next"[^>]*>/g, (tag) =>
      tag.replace(/\s*rel="next"/, '').replace(/href="[^"]*"/, 'href="#"'),
    );
    return this;
  }

  /** Rename a class everywhere, as a redesign of the site would. */
  renameClass(from: string, to: string): this {
    this.html = this.html.replaceAll(from, to);
    return this;
  }

  clone(): ListingPage {
    return new ListingPage(this.html);
  }

  private mapCards(change: (card: string, id: number) => string): this {
    this.html = this.html.replace(CARD, (card, id: string) => change(card, Number(id)));
    return this;
  }
}
