import { describe, expect, it } from 'vitest';
import { defaultDbPath, resolveDataDir, resolveUserConfigDir } from '../../src/config/paths.js';

const base = { cwd: '/work/dir', homedir: '/home/account' };

describe('resolveDataDir', () => {
  it.each([
    [
      '$PERSISTENT_DATA_PATH first, as the earlier container used it',
      { PERSISTENT_DATA_PATH: '/data', XDG_DATA_HOME: '/xdg' },
      '/data',
    ],
    [
      'a relative $PERSISTENT_DATA_PATH against the working directory',
      { PERSISTENT_DATA_PATH: 'state' },
      '/work/dir/state',
    ],
    ['$XDG_DATA_HOME/pyhabot next', { XDG_DATA_HOME: '/xdg' }, '/xdg/pyhabot'],
    ['~/.local/share/pyhabot last', {}, '/home/account/.local/share/pyhabot'],
    ['$HOME over the account home', { HOME: '/home/cron' }, '/home/cron/.local/share/pyhabot'],
    [
      'no relative $XDG_DATA_HOME, as the XDG specification says',
      { XDG_DATA_HOME: 'xdg' },
      '/home/account/.local/share/pyhabot',
    ],
    [
      'empty variables as unset',
      { PERSISTENT_DATA_PATH: '', XDG_DATA_HOME: '', HOME: '' },
      '/home/account/.local/share/pyhabot',
    ],
  ])('takes %s', (_rule, env, expected) => {
    expect(resolveDataDir({ ...base, env })).toBe(expected);
  });
});

describe('defaultDbPath', () => {
  it('is pyhabot.db in the data directory', () => {
    expect(defaultDbPath({ ...base, env: { PERSISTENT_DATA_PATH: '/data' } })).toBe('/data/pyhabot.db');
  });
});

describe('resolveUserConfigDir', () => {
  it.each([
    [{ XDG_CONFIG_HOME: '/cfg' }, '/cfg/pyhabot'],
    [{ XDG_CONFIG_HOME: 'relative' }, '/home/account/.config/pyhabot'],
    [{ HOME: '/home/cron' }, '/home/cron/.config/pyhabot'],
    [{}, '/home/account/.config/pyhabot'],
  ])('%o → %s', (env, expected) => {
    expect(resolveUserConfigDir({ ...base, env })).toBe(expected);
  });
});
