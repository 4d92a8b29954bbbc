import type { SelectorChain } from '../lookup';

/**
 * Every selector Vigie uses on Action Network, with why, in the order tried: form names and ids
 * first, labels (French and English) next, classes last. Sources: /work/shared/research/platforms.md
 * §1 ([V] the report CSV download, the group Emails/Statistics downloads, the Donor Information
 * download, the Uploads pop-up download, the 3-page email flow with its wrapper chooser on the
 * preview page; [G] every id, class and French label below: no source shows the markup). Counted
 * on every fixture by tests/unit/organizing-fixtures.test.ts.
 */
export const ACTION_NETWORK = {
  /**
   * Export controls that label and URL may not reveal. Most AN downloads are links or buttons
   * whose text starts with "Download" and are recognised without these.
   */
  exportControls: {
    why: 'download buttons by the ids/classes the fixtures guess for reports, group tabs, donors and uploads',
    fallbacks: ['#report_download, #email_statistics_download, #transactions_download, #donors_download, #upload_download', 'a.download_report, a.download_statistics, a.download_transactions, .donor_download, .upload_download'],
  },
  wrapperChooser: {
    why: 'the email wrapper chooser on the preview step ([V] it exists; [G] a <select> or radios named after "wrapper")',
    fallbacks: ['select[name*="wrapper" i], select[id*="wrapper" i]', 'input[type="radio"][name*="wrapper" i]'],
  },
  preview: {
    why: 'the rendered preview, wrapper included ([I] inline; an iframe is read too when same-origin)',
    fallbacks: ['#email_preview, [data-email-preview]', 'iframe#email_preview_frame, iframe[name*="preview" i]', '.email_preview'],
  },
  subject: {
    why: 'the subject as the preview step summarises it, or the write step field',
    fallbacks: ['#email_summary_subject, [data-summary="subject"]', 'input[name="email[subject]"], input#email_subject'],
  },
  fromName: {
    why: 'the From name ("Your Name"), summarised on the preview step',
    fallbacks: ['#email_summary_from, [data-summary="from"]', 'input[name="email[from_name]"], input#email_from_name'],
  },
  sendControls: {
    why: 'buttons and links that can send or schedule; which of them send is decided by label',
    fallbacks: ['button, input[type="submit"], input[type="button"], a[href], [role="button"]'],
  },
} as const satisfies Record<string, SelectorChain>;

/**
 * Send and Schedule labels, French and English ([V] "Send Message"/"Schedule Message" for mobile
 * messages; [G] "Send Email"/"Schedule Email" and every French label). "Send Test" and "Send a
 * test" are not sends: they go to the sender only.
 */
export const ACTION_NETWORK_LABELS = {
  send: ['Send', 'Schedule', 'Envoyer', 'Programmer', 'Planifier'],
  notSend: /\b(?:test|essai|preview|aperçu|apercu)\b/i,
} as const;
