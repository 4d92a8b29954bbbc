/**
 * The kit's one-page README for IT, in English then French, filled with this kit's own ids,
 * addresses and file names so that every step can be copied as it is.
 */
export interface ReadmeFacts {
  organisation: string;
  version: string;
  chromeId: string;
  geckoId: string;
  updateBaseUrl: string;
  policyUrl: string;
  policyFile: string;
  crxFile: string;
  signCommand: string;
}

export function itReadme(f: ReadmeFacts): string {
  return `# Vigie ${f.version} — deployment kit for ${f.organisation}

Chrome/Edge id: \`${f.chromeId}\` · Firefox id: \`${f.geckoId}\`

## English

1. **Publish** the folder \`publish/\` at ${f.updateBaseUrl} (HTTPS) and \`policy/${f.policyFile}\` at
   ${f.policyUrl}, with the header \`Access-Control-Allow-Origin: *\` on the policy.
2. **Firefox needs Mozilla's signature**: run \`firefox/sign.sh\` (an addons.mozilla.org API key,
   "unlisted" channel: the add-on is not listed publicly). It runs
   \`${f.signCommand}\` and copies the signed XPI into \`publish/\`; publish it. Release Firefox
   refuses unsigned add-ons; the unsigned \`firefox/*-unsigned.xpi\` is for testing only.
3. **Push the policy** to the browsers:
   - Linux: copy \`linux/chrome/vigie.json\` to \`/etc/opt/chrome/policies/managed/\`,
     \`linux/chromium/vigie.json\` to \`/etc/chromium/policies/managed/\`, \`linux/edge/vigie.json\`
     to \`/etc/opt/edge/policies/managed/\`; \`firefox/policies.json\` to \`/etc/firefox/policies/\`.
   - Windows: import \`windows/vigie-chrome.reg\` / \`windows/vigie-edge.reg\` (or the same values by
     GPO). If you already force-install extensions, renumber the value \`1\` of
     \`ExtensionInstallForcelist\`. Firefox: \`firefox/policies.json\` in the \`distribution\` folder
     of Firefox's installation folder.
   - macOS: deploy \`macos/*.mobileconfig\` through your MDM.
4. **Check**: \`chrome://policy\` / \`edge://policy\` / \`about:policies\` list what the browser read;
   Vigie's popup shows the policy and the server it came from.

Chrome and Edge install extensions from outside their stores only on managed machines: Windows
joined to a domain (or enrolled in Chrome/Edge cloud management), macOS enrolled in an MDM. On
other machines use the store listing instead of \`updates.xml\`.
**Updates**: publish the next kit's \`publish/\` over this one; browsers pick up the higher version
from \`updates.xml\` / \`updates.json\` within hours (Chrome checks about every 5 hours).
**Keep the packing key secret** (${f.crxFile} is signed with it): whoever holds it can publish an
update of Vigie. It is never in the repository.

## Français

1. **Publiez** le dossier \`publish/\` à ${f.updateBaseUrl} (HTTPS) et \`policy/${f.policyFile}\` à
   ${f.policyUrl}, avec l’en-tête \`Access-Control-Allow-Origin: *\` pour la politique.
2. **Firefox exige la signature de Mozilla** : lancez \`firefox/sign.sh\` (une clé d’API
   addons.mozilla.org, canal « unlisted » : le module n’est pas affiché publiquement). Il exécute la
   commande ci-dessus et copie le XPI signé dans \`publish/\` ; publiez-le. Firefox refuse les
   modules non signés; le \`firefox/*-unsigned.xpi\` sert uniquement aux essais.
3. **Poussez la configuration** vers les navigateurs :
   - Linux : \`linux/chrome/vigie.json\` dans \`/etc/opt/chrome/policies/managed/\`,
     \`linux/chromium/vigie.json\` dans \`/etc/chromium/policies/managed/\`, \`linux/edge/vigie.json\`
     dans \`/etc/opt/edge/policies/managed/\`; \`firefox/policies.json\` dans \`/etc/firefox/policies/\`.
   - Windows : importez \`windows/vigie-chrome.reg\` / \`windows/vigie-edge.reg\` (ou les mêmes
     valeurs par GPO). Si vous installez déjà d’autres extensions d’office, renumérotez la valeur
     \`1\` de \`ExtensionInstallForcelist\`. Firefox : \`firefox/policies.json\` dans le dossier
     \`distribution\` du dossier d’installation de Firefox.
   - macOS : déployez \`macos/*.mobileconfig\` par votre MDM.
4. **Vérifiez** : \`chrome://policy\` / \`edge://policy\` / \`about:policies\` montrent ce que le
   navigateur a lu; la fenêtre de Vigie montre la politique et le serveur d’où elle vient.

Chrome et Edge n’installent une extension hors de leur boutique que sur un poste géré : Windows
joint à un domaine (ou inscrit à la gestion infonuagique de Chrome/Edge), macOS inscrit à un MDM.
Ailleurs, utilisez la fiche de la boutique plutôt que \`updates.xml\`.
**Mises à jour** : publiez le \`publish/\` de la trousse suivante par-dessus celui-ci; les
navigateurs prennent la version supérieure dans \`updates.xml\` / \`updates.json\` en quelques heures.
**Gardez la clé d’empaquetage secrète** : qui la détient peut publier une mise à jour de Vigie.
Elle n’est jamais dans le dépôt.
`;
}
