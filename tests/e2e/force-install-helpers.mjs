/**
 * What the force-install tests share: a deployment kit made by `npm run release`'s own code
 * (lib/deploy/kit.ts) with a throwaway packing key and a throwaway signing key, and the
 * organisation's update host (`updates.vigie.test`, mapped to the fixture server) serving the kit's
 * `publish/` folder as it is on disk, so that writing a new release there is publishing it.
 *
 * The throwaway packing key gives another id than production's: the kit builds with that key's
 * public half as the manifest `key` and is told the id to expect (`chromeExtensionId`).
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { generateKeyPair } from '../../lib/core/signature.ts';
import { chromeIdFromSpki } from '../../lib/deploy/chrome-id.ts';
import { makeKit } from '../../lib/deploy/kit.ts';
import { POLICY_URL } from './routes-sync.mjs';
import { ROOT } from './server.mjs';
import { signedAcepPolicy, trustedKey } from './sync-helpers.mjs';

/** A reserved name (RFC 2606) for the organisation's update host. */
export const UPDATE_HOST = 'updates.vigie.test';
export const UPDATE_BASE = `https://${UPDATE_HOST}/vigie/`;

const TYPES = { '.xml': 'text/xml', '.json': 'application/json', '.crx': 'application/x-chrome-extension', '.xpi': 'application/x-xpinstall' };

/**
 * Makes a kit for `browsers` in a temporary folder outside the repository, as IT would: a fresh RSA
 * packing key, a fresh Ed25519 signing key, the ACEP policy (version 2) signed with it.
 */
export async function makeTestKit({ browsers }) {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-kit-'));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(dir, 'packing.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const chromeId = chromeIdFromSpki(publicKey.export({ type: 'spki', format: 'der' }));
  const itKey = await generateKeyPair();
  writeFileSync(join(dir, 'politique.signed.json'), JSON.stringify(await signedAcepPolicy(2, {}, itKey)));
  const input = {
    organisation: 'ACEP (essai)',
    policyUrl: POLICY_URL,
    trustedKeys: [trustedKey(itKey, 'Clé de test de l’ACEP')],
    updateBaseUrl: UPDATE_BASE,
    chromePackingKey: 'packing.pem',
    signedPolicy: 'politique.signed.json',
    chromeExtensionId: chromeId,
  };
  writeFileSync(join(dir, 'deploy.json'), JSON.stringify(input, null, 2));
  const started = Date.now();
  const kit = await makeKit({ inputFile: join(dir, 'deploy.json'), outDir: join(dir, 'kit'), repoRoot: ROOT, browsers });
  return {
    ...kit,
    dir,
    kitDir: join(dir, 'kit'),
    keyPath: join(dir, 'packing.pem'),
    chromeId,
    itKey,
    input,
    makeMs: Date.now() - started,
    read: (path) => readFileSync(join(dir, 'kit', path)),
    readJson: (path) => JSON.parse(readFileSync(join(dir, 'kit', path), 'utf8')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Serves the kit's `publish/` folder at UPDATE_BASE (each request reads the file then, so a new
 * release written there is live at once) and its signed policy at the policy URL.
 * `publish(name)` serves a file added later. Returns the requests the update host saw.
 */
export function serveKit(server, kit, policies) {
  const hits = [];
  const publish = (name) =>
    server.route({
      host: UPDATE_HOST,
      path: `/vigie/${name}`,
      handler: (req, res) => {
        const file = join(kit.kitDir, 'publish', name);
        hits.push({ path: name, time: Date.now(), status: existsSync(file) ? 200 : 404 });
        if (!existsSync(file)) return res.writeHead(404).end();
        res.writeHead(200, { 'Content-Type': TYPES[extname(name)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
        res.end(readFileSync(file));
        return `kit/publish/${name}`;
      },
    });
  for (const name of ['updates.xml', 'updates.json', `vigie-${kit.version}.crx`, 'vigie.xpi']) publish(name);
  policies.serve(readFileSync(join(kit.kitDir, 'policy/politique.signed.json'), 'utf8'));
  return { hits, publish };
}

