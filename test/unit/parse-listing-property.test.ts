import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListingPage } from '../../src/domain/listing.js';
import { parseListing } from '../../src/scrape/parse-listing.js';

const realPage = readFileSync(new URL('../fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url), 'utf8');
const pageUrl = 'https://hardverapro.hu/aprok/mobil/index.html';
const capturedAt = new Date('2025-12-19T16:30:00+01:00');

// Positions are fractions of the current length, so every mutation applies to whatever earlier ones left.
const position = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((millionths) => millionths / 1_000_000);
const sliceLength = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5_000 }));
const markupish = fc.stringMatching(/^[<>/="' a-z0-9!&#;:-]{0,30}$/);
const randomBytes = fc.string({ unit: 'binary', maxLength: 40 });

type Mutation = (html: string) => string;
const at = (html: string, fraction: number) => Math.floor(fraction * html.length);

function deleteSlice([from, length]: [number, number]): Mutation {
  return (html) => html.slice(0, at(html, from)) + html.slice(at(html, from) + length);
}

function duplicateSlice([from, length, to]: [number, number, number]): Mutation {
  return (html) => {
    const start = at(html, from);
    const insertAt = at(html, to);
    return html.slice(0, insertAt) + html.slice(start, start + length) + html.slice(insertAt);
  };
}

function insertText([where, text]: [number, string]): Mutation {
  return (html) => html.slice(0, at(html, where)) + text + html.slice(at(html, where));
}

function truncate(where: number): Mutation {
  return (html) => html.slice(0, at(html, where));
}

// Replaces the value of the first quoted attribute at or after the chosen point.
function flipAttribute([where, value]: [number, string]): Mutation {
  return (html) => {
    const open = html.indexOf('="', at(html, where));
    const close = open < 0 ? -1 : html.indexOf('"', open + 2);
    return close < 0 ? html : `${html.slice(0, open)}="${value}"${html.slice(close + 1)}`;
  };
}

const attributeValue = fc.oneof(markupish, randomBytes, fc.constantFrom('', 'media', 'uad-col-title', '#', '-1', 'x'));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(position, sliceLength).map(deleteSlice),
  fc.tuple(position, sliceLength, position).map(duplicateSlice),
  fc.tuple(position, fc.oneof(markupish, randomBytes)).map(insertText),
  position.map(truncate),
  fc.tuple(position, attributeValue).map(flipAttribute),
);

const isHttpUrl = (text: string) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);

/** What is wrong with a parse result; empty when nothing is. Plain checks keep a thousand runs quick. */
function problemsOf(page: ListingPage): string[] {
  const problems: string[] = [];
  if (!['results', 'empty', 'unrecognized'].includes(page.verdict)) problems.push(`verdict ${page.verdict}`);
  if (page.reason?.startsWith('internal parser error')) problems.push(page.reason);
  if (page.verdict === 'unrecognized' && typeof page.reason !== 'string') problems.push('no reason');
  if (page.verdict !== 'results' && page.ads.length > 0)
    problems.push(`${page.ads.length} ads on a ${page.verdict} page`);
  if (!Number.isSafeInteger(page.unreadableCards) || page.unreadableCards < 0) problems.push('unreadableCards');
  if (page.nextPage !== null && !isHttpUrl(page.nextPage)) problems.push(`nextPage ${page.nextPage}`);
  for (const ad of page.ads) {
    if (!Number.isSafeInteger(ad.id) || ad.id < 0) problems.push(`id ${ad.id}`);
    if (ad.title.trim() === '') problems.push(`empty title on ${ad.id}`);
    if (!isHttpUrl(ad.url) || new URL(ad.url).href !== ad.url) problems.push(`url ${ad.url} on ${ad.id}`);
  }
  return problems;
}

describe('parseListing on mutated pages', () => {
  it('never throws, and every ad it returns has an integer id, a title and an absolute http(s) URL', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const html = mutations.reduce((current, mutate) => mutate(current), realPage);
        expect(problemsOf(parseListing(html, pageUrl, capturedAt))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('survives arbitrary strings and page URLs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 60 }), (body, url) => {
        expect(problemsOf(parseListing(`<html>${body}</html>`, url, capturedAt))).toEqual([]);
        expect(problemsOf(parseListing(body, url, capturedAt))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
