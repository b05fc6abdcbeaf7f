/**
 * Whether the app may load an icon from this URL. The app's CSP allows images from itself
 * only (`img-src 'self' data:`), so the API's render.guildwars2.com icons would be blocked
 * (and each block logs a console error). A deployment that adds their origin to `img-src`
 * lists it in VITE_ICON_ORIGINS (comma-separated) at build time; otherwise icons show as text.
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
  if (origin === window.location.origin) return true;
  const allowed = String(import.meta.env.VITE_ICON_ORIGINS ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return allowed.includes(origin);
}
