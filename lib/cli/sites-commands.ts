import { basename } from 'node:path';
import { canonicalJson } from '../core/canonical-json';
import { InvalidDocumentError } from '../core/errors';
import { readEnvelope, signDocument } from '../core/signature';
import { parseSitePack, type SitePack } from '../core/site-pack';
import { verifySitePack } from '../core/site-pack-verify';
import { adapterFor } from '../platforms/registry';
import { BUNDLED_SITES, setActiveSitePack } from '../platforms/site-lookups';
import { isEnvelope, readJson, readKeyPair, readText, readTrust, UsageError, writeOut } from './io';
import { args, type Io } from './main';
import { refused } from './policy-commands';
import { withSavedPage } from './saved-page';
import { checkPage, formatReport } from './sites-check';

export const SITES_USAGE = `  vigie sites sign PACK.json --key KEY.json [--out SIGNED.json]
  vigie sites verify SIGNED.json --trust PUB.json [--held-version N]
  vigie sites check SAVED.html --platform ID [--pack PACK.json|SIGNED.json]`;

/** `vigie sites sign|verify|check`: the national office's site fixes (lib/core/site-pack.ts). */
export async function sitesCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'sign') return sign(rest, io);
  if (sub === 'verify') return verify(rest, io);
  if (sub === 'check') return check(rest, io);
  throw new UsageError(`usage:\n${SITES_USAGE}`);
}

/** A site pack file: a draft, or a signed envelope (its payload); every problem located. */
async function readPackFile(path: string): Promise<SitePack> {
  const value = await readJson(path);
  const payload = isEnvelope(value) ? readEnvelope(value).payload : value;
  try {
    return parseSitePack(payload);
  } catch (error) {
    if (error instanceof InvalidDocumentError) throw new UsageError(`${path}: ${error.problems.join('; ')}`);
    throw error;
  }
}

async function sign(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, { key: { type: 'string' }, out: { type: 'string' } });
  const [file] = positionals;
  if (!file || !values.key) throw new UsageError('usage: vigie sites sign PACK.json --key KEY.json [--out FILE]');
  const pack = await readPackFile(file);
  if (pack.version <= BUNDLED_SITES.version) {
    throw new UsageError(`${file}: version ${pack.version} is not newer than the pack bundled with this release (${BUNDLED_SITES.version}); extensions would refuse it`);
  }
  const signed = await signDocument('sites', JSON.parse(canonicalJson(pack)), await readKeyPair(values.key as string));
  await writeOut(values.out as string | undefined, `${JSON.stringify(signed, null, 2)}\n`, io.stdout);
  io.stderr(`vigie: site pack version ${pack.version} signed\n`);
  return 0;
}

async function verify(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, { trust: { type: 'string', multiple: true }, 'held-version': { type: 'string' } });
  const [file] = positionals;
  if (!file) throw new UsageError('usage: vigie sites verify SIGNED.json --trust PUB.json [--held-version N]');
  const held = values['held-version'] === undefined ? 0 : Number(values['held-version']);
  if (!Number.isInteger(held)) throw new UsageError('--held-version must be a whole number');
  const trust = await readTrust((values.trust as string[] | undefined) ?? []);
  try {
    const { pack, key } = await verifySitePack(await readJson(file), trust, Math.max(BUNDLED_SITES.version + 1, held));
    io.stdout(`${JSON.stringify({ valid: true, version: pack.version, keyId: key.keyId })}\n`);
    return 0;
  } catch (error) {
    return refused(error, io);
  }
}

async function check(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, { platform: { type: 'string' }, pack: { type: 'string' } });
  const [file] = positionals;
  const platform = values.platform as string | undefined;
  if (!file || !platform) throw new UsageError('usage: vigie sites check SAVED.html --platform ID [--pack PACK.json]');
  if (!adapterFor(platform)) throw new UsageError(`unknown platform "${platform}" (one of: ${Object.keys(BUNDLED_SITES.platforms).join(', ')})`);
  const pack = values.pack ? await readPackFile(values.pack as string) : undefined;
  const html = await readText(file);
  setActiveSitePack(pack);
  try {
    const report = await withSavedPage(html, (doc) => ({ title: doc.title, ...checkPage(doc, platform) }));
    const source = pack ? `${basename(values.pack as string)} (version ${pack.version})` : `the bundled pack (version ${BUNDLED_SITES.version})`;
    io.stdout(formatReport(`${basename(file)} — ${platform}, with ${source}\npage title: ${JSON.stringify(report.title)}`, report));
    return 0;
  } finally {
    setActiveSitePack(undefined);
  }
}
