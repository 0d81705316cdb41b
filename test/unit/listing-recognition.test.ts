import { describe, expect, it } from 'vitest';
import {
  closingHtmlTagIndex,
  detectOldLayout,
  hasNoResultsMessage,
  looksLikeHtml,
  looksLikeInterstitial,
  looksLikeJson,
  missingPageMarkers,
} from '../../src/scrape/listing-recognition.js';

describe('looksLikeHtml', () => {
  it.each<[string, boolean]>([
    ['<!DOCTYPE html><html>', true],
    ['<!doctype   html>', true],
    ['\n<html lang="hu">', true],
    ['<HEAD>', true],
    ['<body class="ha">', true],
    ['<body>', true],
    ['<bodyguard>', false],
    ['<htmlx>', false],
    ['<!doctype xml>', false],
    ['<div>', false],
    ['{"html": 1}', false],
    ['', false],
  ])('%j → %s', (body, html) => {
    expect(looksLikeHtml(body)).toBe(html);
  });
});

describe('looksLikeJson', () => {
  it.each<[string, boolean]>([
    ['{"a":1}', true],
    ['  \n[1, 2]', true],
    ['<html>{', false],
    ['x{', false],
    ['', false],
  ])('%j → %s', (body, json) => {
    expect(looksLikeJson(body)).toBe(json);
  });
});

describe('closingHtmlTagIndex', () => {
  it('finds the closing tag near the end, whatever its case', () => {
    expect(closingHtmlTagIndex('<html></html>')).toBe(6);
    expect(closingHtmlTagIndex('<html></HTML>\n')).toBe(6);
    expect(closingHtmlTagIndex('<html></html></html>')).toBe(13);
  });

  it('finds the last closing tag further back than the last 4,096 characters', () => {
    const tail = 'x'.repeat(5000);
    expect(closingHtmlTagIndex(`<html></html>${tail}`)).toBe(6);
    expect(closingHtmlTagIndex(`<html></HTML></Html>${tail}`)).toBe(13);
  });

  it('finds a closing tag at the very start of the body', () => {
    const page = `</html>${'x'.repeat(4089)}`;
    expect(closingHtmlTagIndex(page)).toBe(0);
    expect(closingHtmlTagIndex(`y${page}`)).toBe(1);
  });

  it('gives the index in the page as it is, with letters that lower-case to two characters before the tag', () => {
    // "İ" lower-cases to "i" and a combining dot: an index read in a lower-cased copy would be one too far.
    expect(closingHtmlTagIndex('<html><p>İSTANBUL</p></html>')).toBe(21);
    expect(closingHtmlTagIndex(`<html>İ${'x'.repeat(5000)}</html>`)).toBe(5007);
  });

  it('says -1 for a body cut before it', () => {
    expect(closingHtmlTagIndex('<html><body>')).toBe(-1);
    expect(closingHtmlTagIndex(`<html>${'x'.repeat(5000)}`)).toBe(-1);
  });
});

describe('detectOldLayout', () => {
  it.each<[string, 'media-body' | 'global_list' | null]>([
    ['<div class="global_list">', 'global_list'],
    ['<div class="x global_list_gray">', 'global_list'],
    ['<div class="global_list_def">', 'global_list'],
    ['<div class="media-body">', 'media-body'],
    ['<div class="media-body"><div class="global_list">', 'global_list'],
    ['<!--<div class="media-body">--><div class="uad-col">', null],
    ['<span class="media-body">', null],
    ['<div class="global_listing">', null],
    ['', null],
  ])('%j → %s', (html, layout) => {
    expect(detectOldLayout(html)).toBe(layout);
  });
});

describe('missingPageMarkers', () => {
  const TITLE = '<title>Mobiltelefon - HardverApró</title>';
  const BODY = '<body class="x ha">';
  const CRUMB = '<ol class="breadcrumb">';
  const FORM = '<form action="/aprok/keres.php?x=1">';
  const page = (parts: Partial<Record<'title' | 'body' | 'crumb' | 'form', string>>) =>
    `<html><head>${parts.title ?? TITLE}</head>${parts.body ?? BODY}${parts.crumb ?? CRUMB}${parts.form ?? FORM}</body>`;

  it('finds nothing missing on a listing page', () => {
    expect(missingPageMarkers(page({}))).toEqual([]);
  });

  it.each([
    ['Mobiltelefon - hardverapro'],
    ['Mobil - HARDVERAPRÓ  '],
    ['Mobil - HardverApr&oacute;'],
    ['Mobil - HardverApr&#243;'],
    ['Mobil - HardverApr&#0243;'],
    ['Mobil - HardverApr&#xf3;'],
    ['Mobil - HardverApr&#x00F3;'],
  ])('accepts the title %j', (title) => {
    expect(missingPageMarkers(page({ title: `<title>${title}</title >` }))).toEqual([]);
  });

  it.each([
    ['HardverApró - Mobil'],
    ['Mobil - HardverAprók'],
    ['Mobil - <b>HardverApró</b>'],
    ['Mobil - HardverApr&#244;'],
  ])('refuses the title %j', (title) => {
    expect(missingPageMarkers(page({ title: `<title>${title}</title>` }))).toEqual(['title "… - HardverApró"']);
  });

  it('looks for the closing title tag within 1,000 characters only', () => {
    const text = (length: number) => `${' '.repeat(length - 'Mobil - HardverApró'.length)}Mobil - HardverApró`;
    // 992 characters and "</title>" are exactly 1,000.
    expect(missingPageMarkers(page({ title: `<title>${text(992)}</title>` }))).toEqual([]);
    expect(missingPageMarkers(page({ title: `<title>${text(993)}</title>` }))).toEqual(['title "… - HardverApró"']);
    expect(missingPageMarkers(page({ title: '<meta>' }))).toEqual(['title "… - HardverApró"']);
    expect(missingPageMarkers(page({ title: '<title>Mobil - HardverApró' }))).toEqual(['title "… - HardverApró"']);
  });

  it('names each marker that is missing, in order', () => {
    expect(
      missingPageMarkers(page({ body: '<body class="hardver">', crumb: '<ol class="crumbs">', form: '' })),
    ).toEqual(['body.ha', 'breadcrumb', 'search form']);
    expect(missingPageMarkers('')).toEqual(['title "… - HardverApró"', 'body.ha', 'breadcrumb', 'search form']);
  });

  it('reads the body class and the form action by name, whatever comes first', () => {
    expect(missingPageMarkers(page({ body: '<body id="top" class="ha" data-x="y">' }))).toEqual([]);
    expect(missingPageMarkers(page({ form: '<form method="get" action="/aprok/keres.php">' }))).toEqual([]);
    expect(missingPageMarkers(page({ body: '<body id="ha">' }))).toEqual(['body.ha']);
  });

  it('finds the search form among other forms, by the path of its action alone', () => {
    const login = '<form action="/muvelet/belepes.php">';
    expect(missingPageMarkers(page({ form: `${login}</form>${FORM}` }))).toEqual([]);
    expect(missingPageMarkers(page({ form: '<form action="/aprok/KERES.PHP">' }))).toEqual([]);
    expect(missingPageMarkers(page({ form: '<form action="/login.php?next=keres.php">' }))).toEqual(['search form']);
    expect(missingPageMarkers(page({ form: '<form action="/login.php#keres.php">' }))).toEqual(['search form']);
    expect(missingPageMarkers(page({ form: '<form action="/aprok/keresXphp">' }))).toEqual(['search form']);
    expect(missingPageMarkers(page({ form: '<form>' }))).toEqual(['search form']);
  });
});

describe('hasNoResultsMessage', () => {
  it.each<[string, boolean]>([
    ['A keresésnek nincs egy találata sem.', true],
    ['nincs  egy\ntalálat', true],
    ['NINCS EGY TALALAT', true],
    ['nincs egy tal&aacute;lat', true],
    ['nincs egy tal&#225;lat', true],
    ['nincs egy tal&#x0e1;lat', true],
    ['nincs egy tal&#xe1;lat', true],
    ['nincs egy tal&#x00E1;lat', true],
    ['nincs egy  \t találat', true],
    ['nincsegy találat', false],
    ['nincs egy tal&#226;lat', false],
    ['van egy találat', false],
  ])('%j → %s', (html, empty) => {
    expect(hasNoResultsMessage(html)).toBe(empty);
  });
});

describe('looksLikeInterstitial', () => {
  it.each<[string, boolean]>([
    ['<div class="qc-cmp2-container">', true],
    ['Elfogadom', true],
    ['/cdn-cgi/challenge-platform/h/b', true],
    ['<div id="cf-challenge-running">', true],
    ['hCaptcha', true],
    ['Just a moment...', true],
    ['Checking if the site connection is secure', true],
    ['Enable JavaScript and cookies to continue', true],
    ['<script src="/consent.js">', false],
    ['a listing page', false],
  ])('%j → %s', (html, wall) => {
    expect(looksLikeInterstitial(html)).toBe(wall);
  });
});
