/**
 * Which fixture the fixture server answers for which real URL. Paths are matched exactly (query
 * ignored); `fixture` is a path under tests/fixtures/, or `{ en, fr }` when the page exists in both
 * languages. The language is `?hl=fr|en` when given (Gmail's own parameter), otherwise the first
 * of fr/en in the browser's Accept-Language, otherwise English.
 */

/** Every host the browser maps to the fixture server; the certificate names the same hosts. */
export const MAPPED_HOSTS = [
  'actionnetwork.org',
  '*.actionnetwork.org',
  '*.actionbuilder.org',
  'mail.google.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  // The party's platforms (routes-party.mjs); its Nextcloud host is the one its policy names.
  '*.nationbuilder.com',
  'www.facebook.com',
  'business.facebook.com',
  'nuage.pcq.example',
];

const ACTION_NETWORK = ['actionnetwork.org', 'admin.actionnetwork.org'];
const REPORT = '/reports/membres-2026';
const GROUP = '/groups/section-locale-70';

/** A CSV download as a server sends it: the browser saves it, a content script never sees it. */
function csvAttachment(filename) {
  return { type: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="${filename}"` } };
}

export const ROUTES = [
  {
    hosts: ACTION_NETWORK,
    path: `${REPORT}/manage`,
    fixture: { en: 'action-network/report-manage.en.html', fr: 'action-network/report-manage.fr.html' },
  },
  { hosts: ACTION_NETWORK, path: `${REPORT}/download.csv`, fixture: 'action-network/report-membres-2026.csv', ...csvAttachment('membres-2026.csv') },
  {
    hosts: ACTION_NETWORK,
    path: `${GROUP}/manage`,
    fixture: { en: 'action-network/group-manage.en.html', fr: 'action-network/group-manage.fr.html' },
  },
  {
    hosts: ACTION_NETWORK,
    path: `${GROUP}/email_statistics.csv`,
    fixture: 'action-network/group-email-statistics.csv',
    ...csvAttachment('section-locale-70-email-statistics.csv'),
  },
  {
    hosts: ACTION_NETWORK,
    path: `${GROUP}/transactions.csv`,
    fixture: 'action-network/group-transactions.csv',
    ...csvAttachment('section-locale-70-transactions.csv'),
  },
  {
    hosts: ['mail.google.com'],
    path: '/mail/u/0/',
    fixture: { en: 'gmail/inbox-compose.en.html', fr: 'gmail/inbox-compose.fr.html' },
  },
];

/** URLs the tests and the demo open (fragments are not sent to the server). */
export const PAGES = {
  anReport: `https://actionnetwork.org${REPORT}/manage`,
  anAdminReport: `https://admin.actionnetwork.org${REPORT}/manage`,
  anReportCsv: `https://admin.actionnetwork.org${REPORT}/download.csv`,
  anGroup: `https://actionnetwork.org${GROUP}/manage`,
  gmailInbox: 'https://mail.google.com/mail/u/0/#inbox',
};
