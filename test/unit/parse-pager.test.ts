import { describe, expect, it } from 'vitest';
import { parsePager } from '../../src/scrape/parse-pager.js';

const PAGE = 'https://hardverapro.hu/aprok/mobil/index.html';

/** A pager bar with the given range menu items and next link. */
function pager(items: string, next = ''): string {
  return `<div class="pager-navbar"><ul><li class="dropdown nav-pager">${items}</li><li>${next}</li></ul></div>`;
}

describe('parsePager: the next page', () => {
  it.each([
    ['<a rel="next" href="?offset=100">', `${PAGE}?offset=100`],
    ['<a rel="nofollow  next" href="/aprok/mobil/index.html?offset=200">', `${PAGE}?offset=200`],
    ['<a rel="NEXT" href="https://hardverapro.hu/aprok/x/index.html">', 'https://hardverapro.hu/aprok/x/index.html'],
    ['<a rel="next" class="btn disabled" href="?offset=100">', null],
    ['<a rel="nextpage" href="?offset=100">', null],
    ['<a rel="prev" href="?offset=100">', null],
    ['<a href="?offset=100">', null],
    ['<span rel="next" href="?offset=100">', null],
    ['<a rel="next" href="#">', null],
    ['<a rel="next" href="javascript:void(0)">', null],
  ])('reads %s as %s', (link, nextPage) => {
    expect(parsePager(pager('', `${link}»</a>`), PAGE).nextPage).toBe(nextPage);
  });

  it('takes the first next link of the bar', () => {
    const bar = pager('', '<a rel="next" href="?offset=100">»</a><a rel="next" href="?offset=900">»</a>');
    expect(parsePager(bar, PAGE).nextPage).toBe(`${PAGE}?offset=100`);
  });
});

describe('parsePager: the total', () => {
  const item = (text: string, className = 'dropdown-item') => `<a class="${className}" href="#">${text}</a>`;

  it.each([
    [item('1 - 37'), 37],
    [item('1 – 37'), 37],
    [item('1-37'), 37],
    [`${item('101 - 200')}${item('4001 - 5299')}${item('1 - 100')}`, 5299],
    [item('4\u00a0001 - 5\u00a0299'), 5299],
    [item('4 001 - 5 299'), 5299],
    [item('4.001 - 5.299'), 5299],
    [item('1 - 100', 'btn dropdown-toggle'), 100],
    [`<div class="dropdown-menu">${item('1 - 100')}<div>${item('4001 - 5299')}</div></div>`, 5299],
    [`${item('1 - 100')}<a class="other" href="#">1 - 9000</a>`, 100],
    [`<span class="dropdown-item">1 - 9000</span>${item('1 - 100')}`, 100],
    [item('1 - 99999999999999999999'), null],
    [item('első - utolsó'), null],
    [item('37'), null],
    [item('<!-- 9001 - 9999 -->1 - 100'), 100],
    ['', null],
  ])('reads the range menu %s as %s ads', (items, total) => {
    expect(parsePager(pager(items), PAGE).total).toBe(total);
  });

  it('reads only the range menu, a li with the nav-pager class', () => {
    const elsewhere = '<div class="nav-pager"><a class="dropdown-item" href="#">1 - 100</a></div>';
    expect(parsePager(`<div class="pager-navbar">${elsewhere}</div>`, PAGE).total).toBeNull();
    const otherLi = '<ul><li class="nav-arrow"><a class="dropdown-item" href="#">1 - 100</a></li></ul>';
    expect(parsePager(otherLi, PAGE).total).toBeNull();
  });
});
