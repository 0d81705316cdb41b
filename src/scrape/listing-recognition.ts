// Cheap string tests that tell a HardverApró listing page from anything else: a page of another
// kind, a consent or challenge wall, an old layout, a body cut short. They run on the raw source, before any parse.
import { findTag, findTagWithClass, hasClassToken, type OpeningTag, wholeSource } from './listing-markup-scan.js';
import { readTagAttribute } from './listing-markup-text.js';

/** The page-level markers every listing page carries, by the name a reason message uses for each. */
export type PageMarker = 'title "… - HardverApró"' | 'body.ha' | 'breadcrumb' | 'search form';

const HTML_START = /<(?:!doctype\s+html|html|head|body)[\s>]/i;
const CLOSING_HTML = /<\/html/gi;
const SITE_NAME_AT_END = /hardverapr(?:ó|o|&oacute;|&#0*243;|&#x0*f3;)\s*$/i;
const TITLE_CLOSE = /<\/title\s*>/i;
const SEARCH_ACTION = /keres\.php/i;
const NO_RESULTS = /nincs\s+egy\s+tal(?:á|a|&aacute;|&#0*225;|&#x0*e1;)lat/i;
// Signs of a consent wall (the site's TCF banner) or a bot challenge. The listing page itself loads the consent
// script too, so its name alone proves nothing.
const INTERSTITIAL =
  /qc-cmp2-|elfogadom|challenge-platform|cf-challenge|captcha|just a moment|checking if the site connection|enable javascript and cookies/i;

/** True when the body looks like an HTML document at all. */
export function looksLikeHtml(body: string): boolean {
  return HTML_START.test(body);
}

/** True when the body looks like a JSON document. */
export function looksLikeJson(body: string): boolean {
  const start = body.trimStart().charAt(0);
  return start === '{' || start === '[';
}

/** Index of the last `</html>` closing tag, or -1 when the body has none (a cut-off download). */
export function closingHtmlTagIndex(html: string): number {
  // One pass of the pattern over the original text: lower-casing a copy first could shift indexes (İ becomes two
  // characters), and a whole page takes a fraction of a millisecond.
  let last = -1;
  for (const match of html.matchAll(CLOSING_HTML)) last = match.index;
  return last;
}

/** The name of an older site layout whose markup the page carries, or null. Markup inside comments does not count. */
export function detectOldLayout(html: string): 'media-body' | 'global_list' | null {
  for (const token of ['global_list', 'global_list_gray', 'global_list_def']) {
    if (findTagWithClass(html, wholeSource(html), 'div', token) !== null) return 'global_list';
  }
  // The current layout keeps `<!--<div class="media-body">-->` as a comment in every card.
  if (findTagWithClass(html, wholeSource(html), 'div', 'media-body') !== null) return 'media-body';
  return null;
}

/** The page-level listing markers the page lacks (title, `body.ha`, breadcrumb, search form). */
export function missingPageMarkers(html: string): PageMarker[] {
  const missing: PageMarker[] = [];
  const title = readTitle(html);
  if (title === null || !SITE_NAME_AT_END.test(title)) missing.push('title "… - HardverApró"');
  const body = findTag(html, 'body');
  const bodyClass = body === null ? undefined : readTagAttribute(html, body, 'class');
  if (bodyClass === undefined || !hasClassToken(bodyClass, 'ha')) missing.push('body.ha');
  if (findTagWithClass(html, wholeSource(html), 'ol', 'breadcrumb') === null) missing.push('breadcrumb');
  if (!hasSearchForm(html)) missing.push('search form');
  return missing;
}

// The text of the first <title>, when it is closed and holds no markup. Untrimmed: blanks around it do not matter
// to the site-name pattern.
function readTitle(html: string): string | null {
  const title = findTag(html, 'title');
  if (title === null) return null;
  const close = TITLE_CLOSE.exec(html.slice(title.openEnd, title.openEnd + 1000));
  if (close === null) return null;
  const text = html.slice(title.openEnd, title.openEnd + close.index);
  return text.includes('<') ? null : text;
}

function hasSearchForm(html: string): boolean {
  for (let form = findTag(html, 'form'); form !== null; form = findTag(html, 'form', form.openEnd)) {
    if (isSearchForm(html, form)) return true;
  }
  return false;
}

function isSearchForm(html: string, form: OpeningTag): boolean {
  const action = readTagAttribute(html, form, 'action');
  // A split always has a first part: the path.
  return action !== undefined && SEARCH_ACTION.test(action.split(/[?#]/)[0] as string);
}

/** True when the page says the search found nothing ("…nincs egy találat sem."). */
export function hasNoResultsMessage(html: string): boolean {
  return NO_RESULTS.test(html);
}

/** True when the page mentions cookies, consent or a challenge: a hint for the reason message, never a verdict. */
export function looksLikeInterstitial(html: string): boolean {
  return INTERSTITIAL.test(html);
}
