import { describe, expect, it } from 'vitest';
import {
  contentOf,
  findElement,
  hasAttribute,
  readAttribute,
  readText,
  wholeSource,
} from '../../src/scrape/listing-markup-query.js';
import {
  completeElement,
  findTagWithClass,
  hasClassToken,
  locateElementWithClass,
  type SourceRange,
} from '../../src/scrape/listing-markup-scan.js';

import { readTagAttribute, removeComments, removeTags } from '../../src/scrape/listing-markup-text.js';
import { listItems } from '../../src/scrape/parse-ad-list.js';

const findOpeningTagWithClass = (html: string, tagName: string, token: string, range?: SourceRange) =>
  findTagWithClass(html, range ?? wholeSource(html), tagName, token);

describe('page-level scanning', () => {
  it('matches whole class tokens only', () => {
    expect(hasClassToken('media featured', 'featured')).toBe(true);
    expect(hasClassToken('media\tfeatured\n', 'featured')).toBe(true);
    expect(hasClassToken('media featured-like', 'featured')).toBe(false);
    expect(hasClassToken('media uad-price-iced', 'uad-price')).toBe(false);
    expect(hasClassToken('global_list_gray', 'global_list')).toBe(false);
  });

  it('tells markup inside comments from real markup', () => {
    const html = '<li><!--<div class="media-body">--><div class="uad-col">x</div><!--</div>--></li>';
    expect(findOpeningTagWithClass(html, 'div', 'media-body')).toBeNull();
    const realDiv = html.indexOf('<div class="uad-col"');
    expect(findOpeningTagWithClass(html, 'div', 'uad-col')).toMatchObject({
      tagName: 'div',
      start: realDiv,
      openEnd: realDiv + '<div class="uad-col">'.length,
    });
  });

  it('finds a class token only in a class attribute of the right tag', () => {
    const html = '<button data-target=".uad-list">v</button><ul class="uad-list"></ul><div class=\'x uad-list\'>';
    expect(findOpeningTagWithClass(html, 'div', 'uad-list')?.start).toBe(html.indexOf("<div class='x"));
    expect(findOpeningTagWithClass(html, 'DIV', 'uad-list')?.start).toBe(html.indexOf("<div class='x"));
    expect(findOpeningTagWithClass('<div class=uad-list>', 'div', 'uad-list')?.start).toBe(0);
    expect(findOpeningTagWithClass('<div data-class="uad-list">', 'div', 'uad-list')).toBeNull();
  });

  it('finds the matching closing tag across nesting, comments and scripts', () => {
    const html = '<div class="a"><div>x</div><!-- </div> --><script>"</div>"</script></div><p>after</p>';
    expect(locateElementWithClass(html, 'div', 'a')?.end).toBe(html.indexOf('<p>'));
  });

  it('reports an element that never closes, ending it where the search ends', () => {
    const open = { tagName: 'div', start: 0, openEnd: 15 };
    expect(completeElement('<div class="a"><div></div>', open, 26)).toMatchObject({ closed: false, end: 26 });
    expect(completeElement('<div class="a"><!-- </div>', open, 26)).toMatchObject({ closed: false, end: 26 });
    expect(completeElement('<div class="a"></div>', open, 21)).toMatchObject({ closed: true, innerEnd: 15, end: 21 });
  });
});

describe('card-level queries', () => {
  const card =
    '<li class="media featured" data-uadid="42"><div class="uad-col uad-col-title"><h1><a href="/apro/x/friss.html?a=1&amp;b=2">Cím &quot;idézet&quot;</a><small>– <time>ma 16:20</time></small></h1>' +
    '<div class="uad-price uad-price-iced"><span class="text-nowrap">49&nbsp;000 Ft</span><small class="text-nowrap ml-1"> jegelve</small></div></div>' +
    "<div class='uad-col uad-col-info'><img src=//cdn.rios.hu/x.jpg/100 alt=''><div class=uad-cities>Budapest, Érd</div></div></li>";

  it('finds elements by tag and class token inside a parent', () => {
    const title = findElement(card, wholeSource(card), '*', 'uad-col-title');
    expect(title?.tagName).toBe('div');
    const heading = title === null ? null : findElement(card, contentOf(title), 'h1');
    const link = heading === null ? null : findElement(card, contentOf(heading), 'a');
    expect(link === null ? null : readText(card, link)).toBe('Cím "idézet"');
    expect(link === null ? null : readAttribute(card, link, 'href')).toBe('/apro/x/friss.html?a=1&b=2');
  });

  it('reads the text of one span, not of its siblings', () => {
    const price = findElement(card, wholeSource(card), 'span', 'text-nowrap');
    expect(price === null ? null : readText(card, price)).toBe('49 000 Ft');
    expect(findElement(card, wholeSource(card), 'span', 'ml-1')).toBeNull();
    expect(findElement(card, wholeSource(card), 'small', 'ml-1')).not.toBeNull();
    expect(findElement(card, wholeSource(card), '*', 'uad-price-iced')?.tagName).toBe('div');
  });

  it('reads unquoted and single-quoted attributes and void elements', () => {
    const info = findElement(card, wholeSource(card), 'div', 'uad-col-info');
    const img = info === null ? null : findElement(card, contentOf(info), 'img');
    expect(img === null ? null : readAttribute(card, img, 'src')).toBe('//cdn.rios.hu/x.jpg/100');
    expect(img === null ? null : readAttribute(card, img, 'alt')).toBe('');
    expect(img === null ? null : readAttribute(card, img, 'data-retina-url')).toBeUndefined();
    const cities = findElement(card, wholeSource(card), '*', 'uad-cities');
    expect(cities === null ? null : readText(card, cities)).toBe('Budapest, Érd');
  });

  it('tells attributes apart from longer names that end the same way', () => {
    const tag = '<img data-src="a" src="b">';
    const img = findElement(tag, wholeSource(tag), 'img');
    expect(img === null ? null : readAttribute(tag, img, 'src')).toBe('b');
    const li = findElement(card, wholeSource(card), 'li');
    expect(li !== null && hasAttribute(card, li, 'data-uadid')).toBe(true);
    expect(li !== null && hasAttribute(card, li, 'uadid')).toBe(false);
  });

  it('does not take <abbr> for <a> or <h10> for <h1>', () => {
    const html = '<abbr>x</abbr><a href="/y">y</a>';
    expect(findElement(html, wholeSource(html), 'a')?.start).toBe(html.indexOf('<a '));
  });

  it('ends an unclosed element where its search range ends', () => {
    const html = '<div class="outer"><span class="x">open<b>bold</b></div>';
    const outer = findElement(html, wholeSource(html), 'div', 'outer');
    const span = outer === null ? null : findElement(html, contentOf(outer), 'span', 'x');
    expect(span === null ? null : readText(html, span)).toBe('openbold');
  });
});

describe('list items', () => {
  it('splits a list into its outermost items', () => {
    const list =
      '<ul><li><h3>Fejléc</h3></li><li class="media">a<ul><li>nested</li></ul>b</li><!--<li>x</li>--><li>c</li></ul>';
    const items = listItems(list).map((item) => list.slice(item.start, item.end));
    expect(items).toEqual([
      '<li><h3>Fejléc</h3></li>',
      '<li class="media">a<ul><li>nested</li></ul>b</li>',
      '<li>c</li>',
    ]);
  });

  it('closes an item left open at the next item or at the end of the list', () => {
    const list = '<ul><li>one<li>two</ul><p>after</p>';
    const items = listItems(list).map((item) => list.slice(item.start, item.end));
    expect(items).toEqual(['<li>one', '<li>two']);
  });
});

describe('forward-only reading of hostile markup', () => {
  it('drops comments, running an unclosed one to the end', () => {
    expect(removeComments('a<!-- x -->b<!-- y')).toBe('ab');
    expect(removeComments('<!--<!--<!-- x')).toBe('');
  });

  it('drops tags from text and keeps a < that starts none', () => {
    expect(removeTags('1 < 2 <b>bold</b> <a href="x">y')).toBe('1 < 2 bold y');
    expect(removeTags('x <a <a <a')).toBe('x <a <a <a');
  });

  it('reads attributes the way a browser does, whatever the quoting', () => {
    const tag = '<li title=" data-uadid=&quot;1&quot;" data-uadid=\'42\' class=media data-uadid="7" hidden>';
    const opening = { tagName: 'li', start: 0, nameEnd: 3, openEnd: tag.length };
    expect(readTagAttribute(tag, opening, 'data-uadid')).toBe('42');
    expect(readTagAttribute(tag, opening, 'class')).toBe('media');
    expect(readTagAttribute(tag, opening, 'hidden')).toBe('');
    expect(readTagAttribute(tag, opening, 'href')).toBeUndefined();
    const unterminated = '<li class="media data-uadid="1>';
    expect(readTagAttribute(unterminated, { ...opening, openEnd: unterminated.length }, 'data-uadid')).toBeUndefined();
  });

  it('judges a tag full of class tokens once and finds the real element after it', () => {
    const html = `<div data-x="${'uad-list '.repeat(50_000)}"></div><!-- <div class="uad-list"> --><div class="uad-list">`;
    expect(findOpeningTagWithClass(html, 'div', 'uad-list')?.start).toBe(html.lastIndexOf('<div'));
  });

  it('does not take a class token inside a script for an element', () => {
    const html = '<script>x = "<div class=\'uad-list\'>";</script><p>y</p>';
    expect(findOpeningTagWithClass(html, 'div', 'uad-list')).toBeNull();
  });
});
