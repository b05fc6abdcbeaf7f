/**
 * The official render service, where the game API's icon URLs (professions, specializations,
 * traits) point. The server's CSP allows exactly this origin in `img-src`.
 */
export const RENDER_SERVICE_ORIGIN = 'https://render.guildwars2.com';

/**
 * Origins icons may load from besides the app itself: the render service by default. A build
 * may list others in VITE_ICON_ORIGINS (comma-separated; the server's CSP must allow them
 * too), or `none` for letter tiles only.
 */
function iconOrigins(): string[] {
  const configured = String(import.meta.env.VITE_ICON_ORIGINS ?? '').trim();
  if (configured === '') return [RENDER_SERVICE_ORIGIN];
  if (configured === 'none') return [];
  return configured
    .split(',')
    .map((entry) => entry.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/**
 * Whether the app may load an icon from this URL: same origin, data URLs, and the origins
 * above. Anything else would be blocked by the CSP (a console error each), so it shows as a
 * letter tile without trying; an allowed icon that fails to load (offline) falls back too.
 */
export function iconAllowed(url: string | null | undefined): url is string {
  if (!url) return false;
  if (url.startsWith('data:')) return true;
  let origin: string;
  try {
    origin = new URL(url, window.location.href).origin;
  } catch {
    return false;
  }
  return origin === window.location.origin || iconOrigins().includes(origin);
}
