/**
 * The kit's Firefox half: the production build naming the update host's updates.json, its XPI
 * (unsigned: Mozilla signs it, see sign.sh), updates.json, policies.json and the macOS profile.
 */
import { chmodSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { json, type Write } from './kit-chrome';
import { mobileconfigText } from './mobileconfig';
import { buildExtension, firefoxManifestPatch, packXpi } from './pack';
import { firefoxPolicy, type KitIds, type ManagedConfig } from './policies';
import { firefoxUpdatesJson } from './update-manifests';

/** What `firefox/sign.sh` runs (from the kit's folder). */
export const FIREFOX_SIGN_COMMAND =
  'npx --yes web-ext@10 sign --channel unlisted --source-dir firefox/source --artifacts-dir firefox/signed --api-key "$AMO_JWT_ISSUER" --api-secret "$AMO_JWT_SECRET"';

function signScript(version: string) {
  return `#!/bin/sh
# Gets the Firefox add-on signed by Mozilla (unlisted: not shown on addons.mozilla.org), then puts it
# in publish/. Needs an API key from https://addons.mozilla.org/developers/addon/api/key/ in
# AMO_JWT_ISSUER and AMO_JWT_SECRET. Each version can be signed once.
set -eu
cd "$(dirname "$0")/.."
${FIREFOX_SIGN_COMMAND}
signed=$(ls firefox/signed/*.xpi | head -n 1)
cp "$signed" publish/vigie-${version}.xpi
cp "$signed" publish/vigie.xpi
echo "signed: publish/vigie.xpi (version ${version})"
`;
}

export async function firefoxHalf(o: {
  repoRoot: string;
  outDir: string;
  workDir: string;
  ids: KitIds;
  updateBaseUrl: string;
  organisation: string;
  config: ManagedConfig;
  write: Write;
}): Promise<{ version: string }> {
  const build = await buildExtension(o.repoRoot, 'firefox', o.workDir, firefoxManifestPatch(`${o.updateBaseUrl}updates.json`));
  const { version } = build;
  await packXpi(build.dir, join(o.outDir, 'firefox', `vigie-${version}-unsigned.xpi`));
  cpSync(build.dir, join(o.outDir, 'firefox/source'), { recursive: true });
  o.write('firefox/sign.sh', signScript(version));
  chmodSync(join(o.outDir, 'firefox/sign.sh'), 0o755);
  o.write('publish/updates.json', json(firefoxUpdatesJson({ version, xpiUrl: `${o.updateBaseUrl}vigie-${version}.xpi` })));
  o.write('firefox/policies.json', json({ policies: firefoxPolicy(o.ids, o.config) }));
  o.write('macos/vigie-firefox.mobileconfig', mobileconfigText('firefox', o.organisation, o.ids, o.config));
  return { version };
}
