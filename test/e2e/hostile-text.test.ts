import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const MOBIL = '/aprok/mobil/index.html';
const AD_ID = 7316117;
// An OSC that retitles the terminal, an SGR that recolours it, a bidi override and a C1 CSI that clears the screen.
const TITLE = 'Xiaomi \u001b]0;pwned\u0007 \u001b[31mRED\u001b[0m \u202eevil\u202c \u009b2J end';
const SELLER = 'Eladó\u001b]2;x\u0007 65';
const CITIES = 'Budapest\u2066x\u2069, Dunaharaszti\u200b';
// Every control character but the line feed, C1 controls, bidi controls and zero-width characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not reach the terminal
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function hostilePage(): ListingPage {
  const page = new ListingPage().withoutNextPage();
  page.html = page.html
    .replace('Xiaomi Redmi Note 11 Pro 5G - 6/128 - kék</a>', `${TITLE}</a>`)
    .replace(`>Eladó 65</a>`, `>${SELLER}</a>`)
    .replace('<div class="uad-cities">Budapest, Dunaharaszti</div>', `<div class="uad-cities">${CITIES}</div>`);
  return page;
}

describe('text from the site never reaches the terminal raw', () => {
  it('escapes controls and drops invisible formatting in check, ads and parse; --json keeps the exact text', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'requestDelayMs: 0\nnewestFirst: false\nmaxRetries: 0\n');
    site.serve(MOBIL, hostilePage());
    const url = site.urlFor(MOBIL);
    expect((await sandbox.run(['add', url, '--allow-any-host', '--notify-existing'])).code).toBe(0);

    const check = await sandbox.run(['check']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('Xiaomi \\u001b]0;pwned\\u0007 \\u001b[31mRED\\u001b[0m evil \\u009b2J end');
    expect(check.stdout).toContain('Eladó\\u001b]2;x\\u0007 65');
    const human = [check, await sandbox.run(['ads', '1', '--limit', '0']), await sandbox.run(['parse', url])];
    for (const run of human) {
      expect(run.stdout).toContain('Xiaomi');
      expect(run.stdout).not.toMatch(UNSAFE);
      expect(run.stderr).not.toMatch(UNSAFE);
    }

    const ads = JSON.parse((await sandbox.run(['ads', '1', '--limit', '0', '--json'])).stdout);
    expect(ads.find((ad: { id: number }) => ad.id === AD_ID)).toMatchObject({ title: TITLE });
    const parsed = JSON.parse((await sandbox.run(['parse', url, '--json'])).stdout);
    expect(parsed.ads.find((ad: { id: number }) => ad.id === AD_ID)).toMatchObject({
      title: TITLE,
      seller: { name: SELLER },
    });
    expect((await sandbox.run(['rescrape', '1'])).code).toBe(0);
    const records = (await sandbox.run(['check', '--json'])).stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.find((record) => record.ad?.id === AD_ID)?.ad).toMatchObject({ title: TITLE });
  });
});
