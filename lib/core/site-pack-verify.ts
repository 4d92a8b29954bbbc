import { InvalidDocumentError } from './errors';
import { readEnvelope, SignatureRefusal, verifyEnvelope, type SignedEnvelope, type TrustedKey } from './signature';
import { parseSitePack, type SitePack } from './site-pack';

export interface VerifiedSitePack {
  pack: SitePack;
  key: TrustedKey;
  envelope: SignedEnvelope;
}

/**
 * Verifies a signed site pack (kind `sites`) against the keys trusted for policies, then refuses
 * it when its version is below `minVersion`: older than the pack held, or not newer than the one
 * bundled with this release. A pack whose selectors do not parse is refused as `invalid`, with
 * each problem located.
 */
export async function verifySitePack(input: unknown, trusted: readonly TrustedKey[], minVersion: number): Promise<VerifiedSitePack> {
  const envelope = readEnvelope(input);
  const key = await verifyEnvelope(envelope, 'sites', trusted);
  let pack: SitePack;
  try {
    pack = parseSitePack(envelope.payload);
  } catch (error) {
    if (error instanceof InvalidDocumentError) throw new SignatureRefusal('invalid', error.message, error.problems);
    throw error;
  }
  if (pack.version < minVersion) throw new SignatureRefusal('rollback', `site pack version ${pack.version} < ${minVersion}`);
  return { pack, key, envelope };
}
