import { describe, expect, it } from 'vitest';
import { folderOf, isAbsolutePath } from '../../../renderer/src/problem/paths';

describe('paths typed in a browser', () => {
  it('accepts absolute POSIX and Windows paths only', () => {
    expect(isAbsolutePath('/home/me/p.gmki.json')).toBe(true);
    expect(isAbsolutePath('C:\\Users\\me')).toBe(true);
    expect(isAbsolutePath('\\\\server\\share')).toBe(true);
    expect(isAbsolutePath('models/m.mjs')).toBe(false);
    expect(isAbsolutePath('~/p.json')).toBe(false);
  });

  it('takes the folder of a file with either separator', () => {
    expect(folderOf('/home/me/p.gmki.json')).toBe('/home/me');
    expect(folderOf('C:\\work\\p.gmki.json')).toBe('C:\\work');
    expect(folderOf('/p.gmki.json')).toBe('/');
  });
});
