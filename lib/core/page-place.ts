// No zod here: content scripts import this to log where a decision was taken.

/**
 * Keeps only the origin and path of a URL: the query and fragment may carry member data. Path
 * segments that look like an email address or a phone number (`/people/jane@x.org/edit`) are
 * replaced by `[email]` or `[phone]`, since some platforms put a person's address in the path.
 */
export function originAndPath(url: string): { origin?: string; path?: string } {
  try {
    const u = new URL(url);
    const path = u.pathname
      .split('/')
      .map((segment) => {
        const decoded = safeDecode(segment);
        if (/[^\s@/]+@[^\s@/]+\.[a-z]{2,}/i.test(decoded)) return '[email]';
        if (looksLikePhone(decoded)) return '[phone]';
        return segment;
      })
      .join('/');
    return { origin: u.origin, path: path.slice(0, 300) };
  } catch {
    return {};
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * 10–15 digits written with nothing but digits, spaces and `+ - . ( )`. A bare id that long is
 * also caught: losing an id from the log costs less than keeping a member's number.
 */
function looksLikePhone(segment: string): boolean {
  if (!/^\+?[\d\s().-]+$/.test(segment)) return false;
  const digits = segment.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15;
}
