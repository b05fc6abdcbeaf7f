import { afterEach, describe, expect, it, vi } from 'vitest';
import { iconAllowed } from './icons';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('iconAllowed', () => {
  it('allows same-origin and data URLs, and the render service by default', () => {
    expect(iconAllowed(null)).toBe(false);
    expect(iconAllowed('data:image/png;base64,AAAA')).toBe(true);
    expect(iconAllowed(`${window.location.origin}/icons/guardian.png`)).toBe(true);
    expect(iconAllowed('https://render.guildwars2.com/file/x.png')).toBe(true);
    expect(iconAllowed('http://render.guildwars2.com/file/x.png')).toBe(false);
    expect(iconAllowed('https://example.org/x.png')).toBe(false);
  });

  it('takes the origins a build lists instead, or none', () => {
    vi.stubEnv('VITE_ICON_ORIGINS', 'https://example.org, https://icons.example.net/');
    expect(iconAllowed('https://icons.example.net/x.png')).toBe(true);
    expect(iconAllowed('https://render.guildwars2.com/file/x.png')).toBe(false);

    vi.stubEnv('VITE_ICON_ORIGINS', 'none');
    expect(iconAllowed('https://render.guildwars2.com/file/x.png')).toBe(false);
    expect(iconAllowed('data:image/png;base64,AAAA')).toBe(true);
  });
});
