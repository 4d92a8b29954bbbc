import PostalMime, { type Address, type Email } from 'postal-mime';
import type { EmailInput } from '../core/email/check-email';

/** A file that cannot be checked as an email; its message is one line for stderr. */
export class BadEmailFile extends Error {
  override name = 'BadEmailFile';
}

export interface EmailFile {
  input: EmailInput;
  /** .eml carries its sender; a bare .html or .txt body does not. */
  senderKnown: boolean;
}

const FORMATS: Record<string, 'eml' | 'html' | 'text'> = { eml: 'eml', html: 'html', htm: 'html', txt: 'text' };

/** Reads an .eml (MIME: multipart, base64, quoted-printable, charsets), .html or .txt file. */
export async function readEmailFile(path: string, bytes: Uint8Array): Promise<EmailFile> {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const kind = FORMATS[ext];
  if (!kind) throw new BadEmailFile(`${path}: unsupported file type ".${ext}" (expected .eml, .html or .txt)`);
  const utf16 = kind === 'eml' ? undefined : utf16Text(bytes);
  if (utf16 === undefined && looksBinary(bytes)) throw new BadEmailFile(`${path}: not an email (binary content)`);
  if (kind !== 'eml') return { input: { from: '', subject: '', body: utf16 ?? decodeText(bytes), format: kind }, senderKnown: false };

  let email: Email;
  try {
    email = await PostalMime.parse(bytes);
  } catch (error) {
    throw new BadEmailFile(`${path}: unreadable email (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!email.headers.some((h) => MESSAGE_HEADERS.has(h.key))) throw new BadEmailFile(`${path}: not an email message (no mail headers)`);
  const body = email.html !== undefined ? { body: email.html, format: 'html' as const } : { body: email.text ?? '', format: 'text' as const };
  return { input: { from: senderOf(email.from), subject: email.subject ?? '', ...body }, senderKnown: true };
}

const MESSAGE_HEADERS = new Set(['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'content-type', 'received']);

function senderOf(from: Address | undefined): string {
  const mailbox = from?.group ? from.group[0] : from;
  if (!mailbox?.address) return '';
  return mailbox.name ? `${mailbox.name} <${mailbox.address}>` : mailbox.address;
}

/** File signatures of formats people might pick by mistake: PNG, JPEG, GIF, PDF, ZIP (docx), gzip. */
const MAGIC = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0x25, 0x50, 0x44, 0x46], [0x50, 0x4b, 0x03, 0x04], [0x1f, 0x8b]];

/** Binary if it starts with a known signature, holds a NUL byte, or is more than 5% control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((sig) => sig.every((b, i) => bytes[i] === b))) return true;
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return head.length > 0 && control / head.length > 0.05;
}

/** A file saved as UTF-16 by Windows Notepad starts with a byte-order mark; its NUL bytes are not binary. */
function utf16Text(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return undefined;
}

/** UTF-8 (BOM dropped), else Windows-1252, the usual encoding of a file saved on Windows. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
