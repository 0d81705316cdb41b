// Cheap string tests that tell a HardverApró listing page from anything else: a page of another
// kind, a consent or challenge wall, an old layout, a body cut short. They run on the raw source, before any parse.
import { findOpeningTagWithClass, hasClassToken } from './listing-markup-scan.js';

/** The page-level markers every listing page carries, by the name a reason message uses for each. */
export type PageMarker = 'title "… - HardverApró"' | 'body.ha' | 'breadcrumb' | 'search form';

const HTML_START = /<(?:!doctype\s+html|html|head|body)[\s>]/i;
const CLOSING_HTML = /<\/html/gi;
const TITLE = /<title\b[^>]*>([^<]*)<\/title\s*>/i;
const SITE_NAME_AT_END = /hardverapr(?:ó|o|&oacute;|&#0*243;|&#x0*f3;)\s*$/i;
const BODY_TAG = /<body\b([^>]*)>/i;
const CLASS_ATTRIBUTE = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const SEARCH_FORM = /<form\b[^>]*\saction\s*=\s*["']?[^"'\s>]*keres\.php/i;
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
  // The tag sits at the very end of a whole page, so look there first and only scan everything when it is not.
  const tailStart = Math.max(0, html.length - 4096);
  const inTail = html.slice(tailStart).toLowerCase().lastIndexOf('</html');
  if (inTail >= 0) return tailStart + inTail;
  let last = -1;
  for (const match of html.matchAll(CLOSING_HTML)) last = match.index;
  return last;
}

/** The name of an older site layout whose markup the page carries, or null. Markup inside comments does not count. */
export function detectOldLayout(html: string): 'media-body' | 'global_list' | null {
  for (const token of ['global_list', 'global_list_gray', 'global_list_def']) {
    if (findOpeningTagWithClass(html, 'div', token) !== null) return 'global_list';
  }
  // The current layout keeps `<!--<div class="media-body">-->` as a comment in every card.
  if (findOpeningTagWithClass(html, 'div', 'media-body') !== null) return 'media-body';
  return null;
}

/** The page-level listing markers the page lacks (title, `body.ha`, breadcrumb, search form). */
export function missingPageMarkers(html: string): PageMarker[] {
  const missing: PageMarker[] = [];
  const title = TITLE.exec(html)?.[1]?.trim() ?? '';
  if (!SITE_NAME_AT_END.test(title)) missing.push('title "… - HardverApró"');
  const bodyAttributes = BODY_TAG.exec(html)?.[1] ?? '';
  const bodyClass = CLASS_ATTRIBUTE.exec(bodyAttributes);
  const bodyClassValue = bodyClass?.[1] ?? bodyClass?.[2] ?? bodyClass?.[3] ?? '';
  if (!hasClassToken(bodyClassValue, 'ha')) missing.push('body.ha');
  if (findOpeningTagWithClass(html, 'ol', 'breadcrumb') === null) missing.push('breadcrumb');
  if (!SEARCH_FORM.test(html)) missing.push('search form');
  return missing;
}

/** True when the page says the search found nothing ("…nincs egy találat sem."). */
export function hasNoResultsMessage(html: string): boolean {
  return NO_RESULTS.test(html);
}

/** True when the page mentions cookies, consent or a challenge: a hint for the reason message, never a verdict. */
export function looksLikeInterstitial(html: string): boolean {
  return INTERSTITIAL.test(html);
}
