/**
 * Routes of the organizing-platform fixtures (Action Network, Action Builder) beyond the report and
 * group pages of routes.mjs. Pass `[...ROUTES, ...ORGANIZING_ROUTES]` to startFixtureServer.
 * Every download answers with `Content-Disposition: attachment`, as a platform's server would.
 */

const ACTION_NETWORK = ['actionnetwork.org', 'admin.actionnetwork.org'];
const AB_HOST = 'section70.actionbuilder.org';
export const AB_CAMPAIGN = '5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';
const EMAIL = '/emails/assemblee-generale-2026';

function attachment(filename) {
  return { type: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="${filename}"` } };
}

const both = (name) => ({ en: `${name}.en.html`, fr: `${name}.fr.html` });

export const ORGANIZING_ROUTES = [
  { hosts: ACTION_NETWORK, path: '/fundraising/fonds-de-greve/manage', fixture: both('action-network/fundraising-donors') },
  { hosts: ACTION_NETWORK, path: '/fundraising/fonds-de-greve/donors.csv', fixture: 'action-network/fundraising-donors.csv', ...attachment('donors-fonds-de-greve.csv') },
  { hosts: ACTION_NETWORK, path: '/uploads', fixture: both('action-network/uploads') },
  // The uploaded file keeps the name it was uploaded with, here a person's list: never logged.
  { hosts: ACTION_NETWORK, path: '/uploads/4512/download', fixture: 'action-network/upload-4512.csv', ...attachment('membres-2026-import.csv') },
  { hosts: ACTION_NETWORK, path: '/people', fixture: both('action-network/activists') },
  { hosts: ACTION_NETWORK, path: `${EMAIL}/edit`, fixture: both('action-network/email-write') },
  { hosts: ACTION_NETWORK, path: `${EMAIL}/preview`, fixture: both('action-network/email-preview') },
  { hosts: [AB_HOST], path: `/campaigns/${AB_CAMPAIGN}/wall_chart`, fixture: both('action-builder/wall-chart') },
  { hosts: [AB_HOST], path: `/campaigns/${AB_CAMPAIGN}/exports/wall_chart.csv`, fixture: 'action-builder/wall-chart-export.csv', ...attachment('wall-chart.csv') },
  { hosts: [AB_HOST], path: '/admin/uploads', fixture: both('action-builder/uploads') },
  { hosts: [AB_HOST], path: '/admin/uploads/3/csv', fixture: 'action-builder/upload-3.csv', ...attachment('membres-sl70-2026.csv') },
];

/** URLs the organizing tests open. */
export const ORGANIZING_PAGES = {
  anDonors: 'https://actionnetwork.org/fundraising/fonds-de-greve/manage',
  anDonorsCsv: 'https://actionnetwork.org/fundraising/fonds-de-greve/donors.csv',
  anUploads: 'https://actionnetwork.org/uploads',
  anActivists: 'https://actionnetwork.org/people',
  anEmailWrite: `https://actionnetwork.org${EMAIL}/edit`,
  anEmailPreview: `https://actionnetwork.org${EMAIL}/preview`,
  anAdminEmailPreview: `https://admin.actionnetwork.org${EMAIL}/preview`,
  abWallChart: `https://${AB_HOST}/campaigns/${AB_CAMPAIGN}/wall_chart`,
  abUploads: `https://${AB_HOST}/admin/uploads`,
};
