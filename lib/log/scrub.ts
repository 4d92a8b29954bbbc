import { originAndPath, type VigieEventInput } from '../core/event';

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi;
/** North American numbers as people write them: 613-555-0100, (613) 555 0100, +1 613.555.0100. */
const PHONE = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b/g;

/**
 * Last line of defence before the log: whatever a caller built, the stored event keeps only a
 * URL's origin and redacted path, and free text loses anything shaped like an email address or a
 * phone number. Names cannot be recognised, which is why the schema has no field for page text.
 */
export function scrubEvent(input: VigieEventInput): VigieEventInput {
  const event = { ...input };
  if (event.origin !== undefined) event.origin = originOf(event.origin);
  if (event.path !== undefined) event.path = originAndPath(new URL(event.path, 'https://path.invalid').href).path;
  if (event.justification !== undefined) event.justification = scrubText(event.justification).slice(0, 2000);
  if (event.detail !== undefined) event.detail = scrubText(event.detail).slice(0, 300);
  if (event.senderDomain?.includes('@')) event.senderDomain = event.senderDomain.slice(event.senderDomain.lastIndexOf('@') + 1);
  return event;
}

export function scrubText(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

function originOf(value: string): string | undefined {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
