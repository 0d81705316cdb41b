import type { AdFilter } from '../domain/ad-filter.js';
import { formatForint } from '../domain/forint.js';
import { displayText } from './display-text.js';

/**
 * A filter in short phrases for people, one per setting ("exclude: hibás, alkatr*"); empty for no filter. Safe to
 * print: a filter may come from an imported file, and its words are shown with their controls escaped.
 */
export function describeFilter(filter: AdFilter): string[] {
  const parts: string[] = [];
  const list = (label: string, values: string[] | undefined) => {
    if (values?.length) parts.push(`${label}: ${values.join(', ')}`);
  };
  list('exclude', filter.exclude);
  list('require', filter.require);
  if (filter.minPrice !== undefined) parts.push(`price at least ${formatForint(filter.minPrice)}`);
  if (filter.maxPrice !== undefined) parts.push(`price at most ${formatForint(filter.maxPrice)}`);
  if (filter.keepUnpriced) parts.push('keep ads without a price');
  if (filter.dropWanted) parts.push('no wanted ads');
  if (filter.dropIced) parts.push('no iced ads');
  if (filter.dropPinned) parts.push('no promoted ads');
  if (filter.sellerKind) parts.push(`${filter.sellerKind} sellers only`);
  if (filter.minRating !== undefined) parts.push(`seller rating at least +${filter.minRating}`);
  list('blocked sellers', filter.blockSellers);
  list('only sellers', filter.allowSellers);
  list('only in', filter.cities);
  return parts.map(displayText);
}
