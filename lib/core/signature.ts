import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { fromBase64Url, toBase64Url, utf8 } from './base64url';
import { InvalidDocumentError } from './errors';
import { grantStatus, parseGrant, type Grant } from './grant';
import { parsePolicy, type Policy } from './policy';
import type { Text } from './text';

/** `sites`: a site pack (lib/core/site-pack.ts), signed by the same keys as the policy. */
export type DocumentKind = 'policy' | 'grant' | 'sites';

/**
 * A signed document: the payload, and an Ed25519 signature over canonical JSON of {kind, payload}.
 * Strict: a field the format does not have is refused, not ignored ("modified" means "refused").
 */
export const SignedEnvelope = z.strictObject({
  vigie: z.literal('signed/1'),
  kind: z.enum(['policy', 'grant', 'sites']),
  payload: z.record(z.string(), z.unknown()),
  signature: z.strictObject({ alg: z.literal('Ed25519'), keyId: z.string().min(1), value: z.string().min(1) }),
});
export type SignedEnvelope = z.infer<typeof SignedEnvelope>;

export interface TrustedKey {
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: string;
  label: string;
  source: 'builtin' | 'managed' | 'demo';
}

export type RefusalCode =
  | 'malformed'
  | 'wrong-kind'
  | 'invalid'
  | 'unknown-key'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'revoked'
  | 'wrong-organisation'
  | 'rollback'
  | 'other-policy';

const REFUSALS: Record<RefusalCode, Text> = {
  malformed: { fr: 'Le document signé est illisible (format inattendu).', en: 'The signed document cannot be read (unexpected format).' },
  'wrong-kind': { fr: 'Ce document signé n’est pas du bon type.', en: 'This signed document is not of the expected kind.' },
  invalid: { fr: 'Le contenu du document est invalide.', en: 'The document’s content is invalid.' },
  'unknown-key': { fr: 'Ce document ne vient pas d’une source que votre organisation a approuvée.', en: 'This document does not come from a source your organisation approved.' },
  'bad-signature': { fr: 'La signature ne correspond pas\u00a0: le document a été modifié ou forgé.', en: 'The signature does not match: the document was altered or forged.' },
  expired: { fr: 'L’autorisation d’accès a expiré.', en: 'The access authorization has expired.' },
  'not-yet-valid': { fr: 'L’autorisation d’accès n’est pas encore en vigueur.', en: 'The access authorization is not in force yet.' },
  revoked: { fr: 'L’autorisation d’accès a été révoquée.', en: 'The access authorization has been revoked.' },
  'wrong-organisation': { fr: 'L’autorisation d’accès vient d’une autre organisation que la politique.', en: 'The access authorization belongs to another organisation than the policy’s.' },
  rollback: { fr: 'Cette politique est plus ancienne que celle déjà en vigueur.', en: 'This policy is older than the one already in force.' },
  'other-policy': {
    fr: "Cette politique n’est pas celle retenue pour votre organisation (autre identifiant)\u00a0: elle est refusée.",
    en: 'This policy is not the one set for your organisation (another id): it is refused.',
  },
};

/** A refused signed document; `code` says which refusal, `message` says it in French and English. */
export class SignatureRefusal extends Error {
  readonly code: RefusalCode;
  readonly text: Text;
  readonly problems: string[];
  constructor(code: RefusalCode, detail?: string, problems: string[] = []) {
    super(`${code}: ${REFUSALS[code].en}${detail ? ` (${detail})` : ''}`);
    this.name = 'SignatureRefusal';
    this.code = code;
    this.text = REFUSALS[code];
    this.problems = problems;
  }
}

/** Key id: the first 16 base64url characters of SHA-256 over the raw public key. */
export async function keyIdOf(publicKeyRaw: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKeyRaw as BufferSource));
  return toBase64Url(digest).slice(0, 16);
}

export interface KeyPairFile {
  keyId: string;
  publicKey: string;
  /** PKCS#8 private key, base64url. Keep it secret; only the privacy officer's machine holds it. */
  privateKey: string;
}

export async function generateKeyPair(): Promise<KeyPairFile> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { keyId: await keyIdOf(raw), publicKey: toBase64Url(raw), privateKey: toBase64Url(pkcs8) };
}

function signingInput(kind: DocumentKind, payload: unknown): Uint8Array {
  return utf8(canonicalJson({ kind, payload }));
}

export async function signDocument(kind: DocumentKind, payload: Record<string, unknown>, key: KeyPairFile): Promise<SignedEnvelope> {
  const privateKey = await crypto.subtle.importKey('pkcs8', fromBase64Url(key.privateKey) as BufferSource, { name: 'Ed25519' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, signingInput(kind, payload) as BufferSource));
  return { vigie: 'signed/1', kind, payload, signature: { alg: 'Ed25519', keyId: key.keyId, value: toBase64Url(sig) } };
}

/** A grant token is the envelope's canonical JSON in base64url, prefixed, so it pastes as one line. */
export const TOKEN_PREFIX = 'vigie1.';

export function toToken(envelope: SignedEnvelope): string {
  return TOKEN_PREFIX + toBase64Url(utf8(canonicalJson(envelope)));
}

/** Reads a signed document from JSON text, a parsed object or a token; throws `malformed`. */
export function readEnvelope(input: unknown): SignedEnvelope {
  let value = input;
  try {
    if (typeof value === 'string') {
      const text = value.trim();
      value = text.startsWith(TOKEN_PREFIX)
        ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(text.slice(TOKEN_PREFIX.length))))
        : JSON.parse(text);
    }
  } catch (error) {
    throw new SignatureRefusal('malformed', error instanceof Error ? error.message : undefined);
  }
  const proto = protoMember(value);
  if (proto !== undefined) throw new SignatureRefusal('malformed', `a "__proto__" member at ${proto}`);
  const parsed = SignedEnvelope.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SignatureRefusal('malformed', issue ? `${issue.path.join('.') || '(document)'}: ${issue.message}` : undefined);
  }
  return parsed.data;
}

/** Deeper than any policy or grant: a document nested further is not one of ours. */
const MAX_DEPTH = 32;

/**
 * Where a document holds a member named `__proto__` (JSON.parse makes it an own member), if it
 * does. Inert for the signature, but a parser that copies members by assignment would change an
 * object's prototype with it: no genuine Vigie document has one, so it is refused outright.
 */
export function protoMember(value: unknown, path = '(document)', depth = 0): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_DEPTH) return path;
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return `${path}.__proto__`;
  for (const [key, child] of Object.entries(value)) {
    const found = protoMember(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

export async function verifyEnvelope(envelope: SignedEnvelope, kind: DocumentKind, trusted: readonly TrustedKey[]): Promise<TrustedKey> {
  if (envelope.kind !== kind) throw new SignatureRefusal('wrong-kind', `expected ${kind}, got ${envelope.kind}`);
  const key = trusted.find((k) => k.keyId === envelope.signature.keyId);
  if (!key) throw new SignatureRefusal('unknown-key', envelope.signature.keyId);
  let ok = false;
  try {
    const publicKey = await crypto.subtle.importKey('raw', fromBase64Url(key.publicKey) as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    ok = await crypto.subtle.verify(
      { name: 'Ed25519' },
      publicKey,
      fromBase64Url(envelope.signature.value) as BufferSource,
      signingInput(kind, envelope.payload) as BufferSource,
    );
  } catch {
    ok = false;
  }
  if (!ok) throw new SignatureRefusal('bad-signature');
  return key;
}

function parseOrRefuse<T>(parse: (v: unknown) => T, payload: unknown): T {
  try {
    return parse(payload);
  } catch (error) {
    if (error instanceof InvalidDocumentError) throw new SignatureRefusal('invalid', error.message, error.problems);
    throw error;
  }
}

export interface VerifiedPolicy {
  policy: Policy;
  key: TrustedKey;
  envelope: SignedEnvelope;
}

/**
 * The policy id each organisation may use, so versions are ordered within one policy: `managed`
 * is the id IT sets (it wins), `accepted` the id first accepted for each organisation. A policy
 * of another id, even signed by a trusted key and of a higher version, is refused: otherwise an
 * older policy under another id (a pilot) could be served to undo a revocation.
 */
export interface PolicyPins {
  managed?: string;
  accepted?: Readonly<Record<string, string>>;
}

/** The id a policy of `organisation` must have, if one is pinned. */
export function pinnedId(pins: PolicyPins | undefined, organisation: string): string | undefined {
  return pins?.managed ?? (pins?.accepted && Object.hasOwn(pins.accepted, organisation) ? pins.accepted[organisation] : undefined);
}

/**
 * Verifies a signed policy; refuses a rollback below `held` (same policy id, lower version) and a
 * policy whose id is not the one pinned for its organisation.
 */
export async function verifyPolicy(
  input: unknown,
  trusted: readonly TrustedKey[],
  held?: { id: string; version: number; pins?: PolicyPins },
): Promise<VerifiedPolicy> {
  const envelope = readEnvelope(input);
  const key = await verifyEnvelope(envelope, 'policy', trusted);
  const policy = parseOrRefuse(parsePolicy, envelope.payload);
  const pinned = pinnedId(held?.pins, policy.organisation.id);
  if (pinned !== undefined && pinned !== policy.id) {
    throw new SignatureRefusal('other-policy', `"${policy.id}" where "${pinned}" is pinned`);
  }
  if (held && held.id === policy.id && policy.version < held.version) {
    throw new SignatureRefusal('rollback', `version ${policy.version} < ${held.version}`);
  }
  return { policy, key, envelope };
}

export interface VerifiedGrant {
  grant: Grant;
  key: TrustedKey;
  envelope: SignedEnvelope;
}

/**
 * Verifies a signed grant, then refuses it if it is expired, not yet valid, revoked by the
 * policy, or issued for another organisation.
 */
export async function verifyGrant(input: unknown, trusted: readonly TrustedKey[], policy: Policy, now: Date): Promise<VerifiedGrant> {
  const result = await verifyGrantSignature(input, trusted);
  if (result.grant.organisation !== policy.organisation.id) {
    throw new SignatureRefusal('wrong-organisation', `${result.grant.organisation} ≠ ${policy.organisation.id}`);
  }
  const status = grantStatus(result.grant, policy.revokedGrants, now);
  if (status !== 'valid' && status !== 'missing') throw new SignatureRefusal(status);
  return result;
}

/** Signature and schema only: for showing a grant that is no longer in force (expired, revoked). */
export async function verifyGrantSignature(input: unknown, trusted: readonly TrustedKey[]): Promise<VerifiedGrant> {
  const envelope = readEnvelope(input);
  const key = await verifyEnvelope(envelope, 'grant', trusted);
  return { grant: parseOrRefuse(parseGrant, envelope.payload), key, envelope };
}
