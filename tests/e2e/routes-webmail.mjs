/**
 * The webmail guard's fixture pages (issue 3), added to the default routes:
 * `startFixtureServer({ routes: [...ROUTES, ...WEBMAIL_ROUTES] })`. Gmail serves every view at
 * /mail/u/<n>/ with the view in the fragment, which never reaches a server, so each variant gets
 * its own account index here; the standalone compose window is /mail/?view=cm&fs=1 as on Gmail.
 */

const OUTLOOK = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'];

const both = (file) => ({ en: `${file}.en.html`, fr: `${file}.fr.html` });

export const WEBMAIL_ROUTES = [
  { hosts: ['mail.google.com'], path: '/_fixture/gmail.js', fixture: 'gmail/fixture-gmail.js', type: 'text/javascript; charset=utf-8' },
  { hosts: ['mail.google.com'], path: '/mail/u/1/', fixture: both('gmail/compose-popup') },
  { hosts: ['mail.google.com'], path: '/mail/u/2/', fixture: both('gmail/compose-fullscreen') },
  { hosts: ['mail.google.com'], path: '/mail/u/3/', fixture: both('gmail/thread-reply') },
  { hosts: ['mail.google.com'], path: '/mail/', fixture: both('gmail/compose-window') },
  { hosts: OUTLOOK, path: '/_fixture/outlook.js', fixture: 'outlook/fixture-outlook.js', type: 'text/javascript; charset=utf-8' },
  { hosts: OUTLOOK, path: '/mail/', fixture: both('outlook/compose-new') },
  { hosts: OUTLOOK, path: '/mail/inbox/id/AAQkAGI2fixture', fixture: both('outlook/reply-inline') },
  { hosts: OUTLOOK, path: '/mail/0/deeplink/compose', fixture: both('outlook/compose-popout') },
  // Pages assembled from real captured DOM (issue 9): see each file's header for its sources.
  { hosts: ['mail.google.com'], path: '/mail/u/4/', fixture: both('gmail/real-compose-2020') },
  { hosts: ['outlook.live.com'], path: '/mail/0/inbox', fixture: both('outlook/live-compose-2021') },
  // One Microsoft 365 page, opened three ways: the local's shared mailbox by its address, the person's
  // own mailbox, and another shared mailbox that is not a local's.
  { hosts: ['outlook.office.com'], path: '/mail/sl70@acep-cape.ca/inbox/id/AAQkAGRealCapture', fixture: both('outlook/m365-reply-2023') },
  { hosts: ['outlook.office.com'], path: '/mail/inbox/id/AAQkAGRealCapture', fixture: both('outlook/m365-reply-2023') },
  { hosts: ['outlook.office.com'], path: '/mail/benevoles@example.org/inbox/id/AAQkAGRealCapture', fixture: both('outlook/m365-reply-2023') },
];

/** The pages, by variant; add `?hl=fr|en` to pick the language. */
export const WEBMAIL_PAGES = {
  gmail: {
    popup: 'https://mail.google.com/mail/u/1/#inbox',
    fullscreen: 'https://mail.google.com/mail/u/2/#inbox?compose=new',
    reply: 'https://mail.google.com/mail/u/3/#inbox/FMfcgzQfixture',
    window: 'https://mail.google.com/mail/?view=cm&fs=1',
  },
  outlook: {
    compose: 'https://outlook.office.com/mail/',
    reply: 'https://outlook.office365.com/mail/inbox/id/AAQkAGI2fixture',
    popout: 'https://outlook.live.com/mail/0/deeplink/compose',
  },
  /** Pages assembled from real captured DOM. */
  real: {
    gmail: 'https://mail.google.com/mail/u/4/#inbox?compose=new',
    outlookLive: 'https://outlook.live.com/mail/0/inbox',
    m365Shared: 'https://outlook.office.com/mail/sl70@acep-cape.ca/inbox/id/AAQkAGRealCapture',
    m365Own: 'https://outlook.office.com/mail/inbox/id/AAQkAGRealCapture',
    m365Other: 'https://outlook.office.com/mail/benevoles@example.org/inbox/id/AAQkAGRealCapture',
  },
};

/** A page URL in a language: `?hl=` goes before the fragment, where a server can see it. */
export function webmailUrl(url, lang) {
  const [base, fragment] = url.split('#');
  const sep = base.includes('?') ? '&' : '?';
  return `${base}${sep}hl=${lang}${fragment === undefined ? '' : `#${fragment}`}`;
}
