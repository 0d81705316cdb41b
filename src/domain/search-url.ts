import { UserError } from './errors.js';

/** What `add --search` asks the site for. */
export interface SearchRequest {
  text: string;
  /** Category path as in the site's URLs, e.g. "hardver/videokartya"; every category when absent. */
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  /** Words the site itself leaves out ("Kerülendő szavak"). */
  excludeWords?: string;
  /** Hide iced ads ("Jegelteket ne listázza"). */
  noIced?: boolean;
  /** Search the titles only ("Csak címben keressen"). */
  titleOnly?: boolean;
  /** Only ads that can be shipped ("Csomagküldéssel is"). */
  shipping?: boolean;
  /** Offered ads only: leave out wanted ads ("Keres"). */
  offeredOnly?: boolean;
}

const SITE = 'https://hardverapro.hu';
const CATEGORY = /^[a-z0-9_]+(?:\/[a-z0-9_]+)*$/;

/**
 * The search URL the site's own form would send, with every field the browser includes (empty ones too): the site
 * is said to drop searches that lack its form's fields, redirecting them to the plain category page.
 */
export function buildSearchUrl(request: SearchRequest): string {
  const text = request.text.trim().replace(/\s+/g, ' ');
  if (text === '') throw new UserError('the search text is empty', { hint: "e.g. pyhabot add --search 'rtx 3080'" });
  const category = (request.category ?? '')
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .replace(/^aprok\//, '');
  if (category !== '' && !CATEGORY.test(category)) {
    throw new UserError(`"${request.category}" is not a HardverApró category path`, {
      hint: "write it as in the site's addresses, e.g. hardver/videokartya or mobil/mobil/iphone",
    });
  }
  const bound = (value: number | undefined) => (value === undefined ? '' : String(value));
  const params: Array<[string, string]> = [
    ['stext', text],
    ['stcid_text', ''],
    ['stcid', ''],
    ['stmid_text', ''],
    ['stmid', ''],
    ['minprice', bound(request.minPrice)],
    ['maxprice', bound(request.maxPrice)],
    ['cmpid_text', ''],
    ['cmpid', ''],
    ['usrid_text', ''],
    ['usrid', ''],
    ...(request.offeredOnly ? [] : [['__buying', '1'] as [string, string]]),
    ['__buying', '0'],
    ['stext_none', (request.excludeWords ?? '').trim()],
  ];
  if (request.noIced) params.push(['noiced', '1']);
  params.push(['__brandnew', '1'], ['__brandnew', '0']);
  if (request.titleOnly) params.push(['search_title', '1']);
  if (request.shipping) params.push(['shipping', '1']);
  const path = category === '' ? '/aprok/keres.php' : `/aprok/${category}/keres.php`;
  return `${SITE}${path}?${new URLSearchParams(params).toString()}`;
}
