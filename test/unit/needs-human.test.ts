import { describe, expect, it } from 'vitest';
import { needsHuman, type ScrapeErrorKind } from '../../src/domain/errors.js';

describe('needsHuman', () => {
  it.each<[ScrapeErrorKind, number | undefined, boolean]>([
    ['unrecognized_page', undefined, true],
    ['search_dropped', undefined, true],
    ['http_status', 403, true],
    ['http_status', 401, true],
    ['http_status', 404, false],
    ['http_status', 500, false],
    ['rate_limited', 429, false],
    ['network', undefined, false],
    ['timeout', undefined, false],
    ['too_large', undefined, false],
    ['redirect_loop', undefined, false],
    ['off_site_redirect', 302, false],
  ])('%s %s → %s', (kind, status, expected) => {
    expect(needsHuman({ kind, status })).toBe(expected);
  });
});
