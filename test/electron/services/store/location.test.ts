import { describe, expect, it } from 'vitest';
import { dataDirectory, defaultDatabasePath } from '../../../../electron/services/store/index';

describe('defaultDatabasePath', () => {
  it('is gmki.sqlite in the folder Electron uses for userData of "GMKI Studio" on each platform', () => {
    expect(defaultDatabasePath({ platform: 'linux', env: {}, home: '/home/ada' })).toBe('/home/ada/.config/GMKI Studio/gmki.sqlite');
    expect(defaultDatabasePath({ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, home: '/home/ada' })).toBe('/xdg/GMKI Studio/gmki.sqlite');
    expect(defaultDatabasePath({ platform: 'linux', env: { XDG_CONFIG_HOME: 'relative' }, home: '/home/ada' })).toBe('/home/ada/.config/GMKI Studio/gmki.sqlite');
    expect(defaultDatabasePath({ platform: 'darwin', env: {}, home: '/Users/ada' })).toBe('/Users/ada/Library/Application Support/GMKI Studio/gmki.sqlite');
    expect(defaultDatabasePath({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, home: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\GMKI Studio\\gmki.sqlite',
    );
    expect(defaultDatabasePath({ platform: 'win32', env: {}, home: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Roaming\\GMKI Studio\\gmki.sqlite');
  });

  it('is overridden by GMKI_DATA_DIR', () => {
    expect(defaultDatabasePath({ platform: 'linux', env: { GMKI_DATA_DIR: '/srv/gmki', XDG_CONFIG_HOME: '/xdg' }, home: '/home/ada' })).toBe('/srv/gmki/gmki.sqlite');
    expect(dataDirectory({ platform: 'darwin', env: { GMKI_DATA_DIR: '/tmp/d' }, home: '/Users/ada' })).toBe('/tmp/d');
  });
});
