/**
 * Routes of the party's platform fixtures (NationBuilder, Nextcloud, a Facebook Page composer).
 * Pass `[...ROUTES, ...PARTY_ROUTES]` to startFixtureServer. Downloads answer with
 * `Content-Disposition: attachment`, as the platforms' servers would.
 */

export const NB_HOST = 'pcq.nationbuilder.com';
export const NEXTCLOUD_HOST = 'nuage.pcq.example';
const FACEBOOK = ['www.facebook.com', 'business.facebook.com'];

function attachment(type, filename) {
  return { type, headers: { 'Content-Disposition': `attachment; filename="${filename}"` } };
}

const both = (name) => ({ en: `${name}.en.html`, fr: `${name}.fr.html` });

/** Nextcloud's answer to a share creation (OCS v2 JSON), with the public link's token. */
function ocsShareCreated(req, res) {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ ocs: { meta: { status: 'ok', statuscode: 200 }, data: { id: 42, share_type: 3, token: 'yxcFKRWBJqYYzp4', url: `https://${NEXTCLOUD_HOST}/s/yxcFKRWBJqYYzp4` } } }));
  return 'inline';
}

export const PARTY_ROUTES = [
  { hosts: [NB_HOST], path: '/admin/signups', fixture: both('nationbuilder/people-list') },
  { hosts: [NB_HOST], path: '/admin/signups/export', fixture: 'nationbuilder/people-export.csv', ...attachment('text/csv; charset=utf-8', 'people-export.csv') },
  { hosts: [NB_HOST], path: '/admin/signups/1201', fixture: both('nationbuilder/person-privacy') },
  { hosts: [NB_HOST], path: '/admin/signups/1201/data_download', fixture: 'nationbuilder/person-1201.json', ...attachment('application/json', 'person-1201.json') },
  { hosts: [NEXTCLOUD_HOST], path: '/apps/files/files', fixture: both('nextcloud/files') },
  { hosts: [NEXTCLOUD_HOST], path: '/index.php/apps/files/ajax/download.php', fixture: 'nextcloud/listes-membres.zip', ...attachment('application/zip', 'Listes-membres.zip') },
  { hosts: [NEXTCLOUD_HOST], path: '/remote.php/dav/files/camille/Communications/plan-media.pdf', fixture: 'nextcloud/plan-media.pdf', ...attachment('application/pdf', 'plan-media.pdf') },
  { hosts: [NEXTCLOUD_HOST], path: '/ocs/v2.php/apps/files_sharing/api/v1/shares', handler: ocsShareCreated },
  { hosts: FACEBOOK, path: '/pcq.officiel', fixture: both('facebook/page-composer') },
];

/** URLs the party tests and the demo open. */
export const PARTY_PAGES = {
  nbPeople: `https://${NB_HOST}/admin/signups`,
  nbPerson: `https://${NB_HOST}/admin/signups/1201`,
  nextcloudFiles: `https://${NEXTCLOUD_HOST}/apps/files/files`,
  facebookPage: 'https://www.facebook.com/pcq.officiel',
};
