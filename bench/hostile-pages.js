// Listing pages built to be as expensive as possible for the parser: every class token and tag it searches for,
// repeated inside attributes, unclosed tags and comments, deep nesting, a huge attribute, a flood of cards. Each
// is wrapped in a shell that carries every page marker, so every scan of the parser runs over the hostile part.
// Shared by the parser benchmark and the hostile-page fault test.

/** Every class token, tag and marker text the parser looks for. */
const SEARCHED_TOKENS = [
  'uad-list',
  'pager-navbar',
  'breadcrumb',
  'media-body',
  'global_list',
  'global_list_gray',
  'global_list_def',
  'media',
  'featured',
  'uad-col-title',
  'uad-col-price',
  'uad-col-info',
  'uad-price',
  'text-nowrap',
  'uad-time',
  'uad-cities',
  'uad-image',
  'uad-user-text',
  'uad-rating',
  'nav-pager',
  'dropdown-item',
  'keres.php',
  'data-uadid',
];

const CARD =
  '<li class="media" data-uadid="1"><div class="uad-col uad-col-title"><h1><a href="/apro/a/friss.html">Ad</a></h1>' +
  '<div class="uad-price"><span class="text-nowrap">1 000 Ft</span></div></div></li>';

/** Repeat `unit` until the result is about `bytes` long. */
function fill(unit, bytes) {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

/** A page with every listing marker around `list` (the inside of `div.uad-list`) and `beforeList`. */
function shell(beforeList, list, pager = '<a rel="next" href="?offset=100">next</a>') {
  return (
    '<!DOCTYPE html><html><head><title>Mobil - HardverApró</title></head><body class="uadindex ha">' +
    '<ol class="breadcrumb"><li class="breadcrumb-item">x</li></ol><form action="/aprok/keres.php"></form>' +
    `${beforeList}<div class="uad-list"><ul class="list-unstyled">${list}</ul></div>` +
    `<div class="pager-navbar">${pager}</div></body></html>`
  );
}

/** The hostile pages, by name, each about `bytes` long; `verdict` is what the parser must say about it. */
export function hostilePages(bytes) {
  const half = Math.floor(bytes / 2);
  return [
    {
      name: '"uad-list " repeated in one attribute',
      verdict: 'results',
      html: shell(`<div data-x="${fill('uad-list ', bytes)}"></div>`, CARD),
    },
    {
      name: 'every searched token repeated in an attribute of its own, before the list and in a card',
      verdict: 'results',
      html: shell(
        SEARCHED_TOKENS.map((token) => `<div data-x="${fill(`${token} `, half / SEARCHED_TOKENS.length)}"></div>`).join(
          '',
        ),
        `${CARD}<li class="media" data-uadid="2"><div class="uad-col-title"><h1><a href="/b">B</a></h1></div>${SEARCHED_TOKENS.map((token) => `<h2 class="x ${fill(`${token} `, half / SEARCHED_TOKENS.length)}">`).join('')}</li>`,
      ),
    },
    {
      name: 'searched class tokens repeated in class attributes, unclosed tags',
      verdict: 'unrecognized',
      html: shell(
        `${fill('<div class="uad-list pager-navbar breadcrumb <ul <li class="media" data-uadid="1" ', bytes)}>`,
        '',
      ),
    },
    {
      name: 'unclosed tags of every searched name, without a single >',
      verdict: 'unrecognized',
      html: shell(
        '',
        `${CARD}<li class="media" data-uadid="2">${fill('<div <ul <li <a <h1 <span <form <title <body <time ', bytes)}></li>`,
      ),
    },
    {
      name: 'unclosed comments and attribute quotes',
      verdict: 'unrecognized',
      html: shell(
        '',
        `${CARD}<li class="media" data-uadid="2" title="${fill('<!-- <a class=" data-uadid=\' ', bytes)}"></li>`,
      ),
    },
    {
      name: 'deep nesting inside a card',
      verdict: 'results',
      html: shell(
        '',
        `${CARD}<li class="media" data-uadid="2">${fill('<div class="uad-col-title"><span>', bytes)}</li>`,
      ),
    },
    {
      name: 'a pager full of digits, unclosed elements and nesting',
      verdict: 'results',
      html: shell(
        '',
        CARD,
        `<ul><li class="nav-pager"><a class="dropdown-item">${fill('1 ', half)}</a>${fill('<div><span class="dropdown-item">', half / 2)}${fill('</span></div>', half / 2)}</li></ul>`,
      ),
    },
    {
      name: 'a flood of minimal cards',
      verdict: 'unrecognized',
      html: shell('', fill(CARD, bytes)),
    },
  ];
}
