/**
 * Which mailbox a webmail page shows, as a key to remember the person's answer about its sender:
 * the host and the account part of the path, never an address typed by the person. Gmail numbers
 * its signed-in accounts (`/mail/u/2/`), Outlook.com its sessions (`/mail/0/`); a shared mailbox
 * opened by its address (`/mail/<address>/`) is keyed by that address (it is the sender anyway).
 */
export function mailboxKey(url: string): string {
  const { host, pathname } = new URL(url);
  const account = /^\/mail(?:\/u\/\d+|\/\d+|\/[^/]+@[^/]+)?/.exec(pathname)?.[0] ?? '';
  return `${host}${account}`.toLowerCase();
}

/** The address of a mailbox named in the path: `/mail/<address>/…` (Outlook's shared and delegated mailboxes). */
export function mailboxInPath(pathname: string, prefixes: readonly string[]): string | undefined {
  for (const prefix of prefixes) {
    if (!pathname.startsWith(prefix)) continue;
    const segment = pathname.slice(prefix.length).split('/')[0] ?? '';
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A malformed escape is not an address.
    }
    if (/^[^@\s/]+@[\w-]+(?:\.[\w-]+)+$/.test(decoded)) return decoded.toLowerCase();
  }
  return undefined;
}
