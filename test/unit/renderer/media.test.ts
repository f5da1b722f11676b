import { describe, expect, it } from 'vitest';
import { figureImageUrl } from '../../../renderer/reader/media';

describe('figureImageUrl', () => {
  it('serves archive media beside the UI in Electron, per archive', () => {
    expect(figureImageUrl('media/ab12.png', 'bundled', 'electron')).toBe('archive/bundled/media/ab12.png');
    expect(figureImageUrl('media/ab12.jpg', 'user', 'electron')).toBe('archive/user/media/ab12.jpg');
  });
  it('uses the same path over the HTTP host, and none before app info arrived', () => {
    expect(figureImageUrl('media/ab12.png', 'bundled', 'http')).toBe('archive/bundled/media/ab12.png');
    expect(figureImageUrl('media/ab12.png', 'bundled', undefined)).toBeNull();
  });
  const hostile = [
    undefined,
    '',
    'media/',
    '../media/x.png',
    'media/../../etc/passwd',
    'media/..png',
    '/media/x.png',
    'https://evil.example/x.png',
    '//evil.example/x.png',
    'media/x.png?y=1',
    'media/sub/x.png',
    'javascript:alert(1)',
    'media/x y.png',
  ];
  it.each(hostile)('refuses %j', (src) => expect(figureImageUrl(src, 'bundled', 'electron')).toBeNull());
});
