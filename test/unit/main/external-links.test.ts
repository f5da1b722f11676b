import { describe, expect, it, vi } from 'vitest';
import { createOpenExternal } from '../../../main/external-links';

describe('createOpenExternal (the shell effect behind the contract\'s openExternal)', () => {
  it('hands an https link to the system browser, as parsed', async () => {
    const open = vi.fn(async () => {});
    const openExternal = createOpenExternal(open);
    await expect(openExternal('https://www.theguardian.com/world/2025/sep/25/microsoft-israel')).resolves.toBe(true);
    await expect(openExternal('https://www.aljazeera.net/news/2025/9/28/مايكروسوفت')).resolves.toBe(true);
    expect(open).toHaveBeenNthCalledWith(1, 'https://www.theguardian.com/world/2025/sep/25/microsoft-israel');
    expect(open).toHaveBeenNthCalledWith(2, new URL('https://www.aljazeera.net/news/2025/9/28/مايكروسوفت').href);
  });

  it.each([
    ['http://example.org/', 'http'],
    ['file:///etc/passwd', 'file'],
    ['javascript:alert(1)', 'javascript'],
    ['ms-msdt:/id PCWDiagnostic', 'a scheme that launches a program'],
    ['smb://evil.example/share', 'smb'],
    ['app://daftar/index.html', 'the app itself'],
    ['https://user:pw@example.org/', 'credentials'],
    ['https://example.org@evil.example/', 'a disguised host'],
    ['https://evil.example\u202e/moc.elgoog', 'a bidi override'],
    ['https://127.0.0.1/', 'an IP literal'],
    ['https://localhost/', 'localhost'],
    ['', 'empty'],
  ])('refuses %j (%s) without calling open', async (url, why) => {
    const open = vi.fn(async () => {});
    const log = vi.fn();
    await expect(createOpenExternal(open, log)(url), why).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('warn', expect.stringMatching(/^external-links: refused to open /));
  });

  it('lets a failure of the system browser surface to the service', async () => {
    const openExternal = createOpenExternal(async () => {
      throw new Error('no browser installed');
    });
    await expect(openExternal('https://example.org/')).rejects.toThrow('no browser installed');
  });
});
