import { DEFAULT_POLICY } from '../../../lib/packs';
import { splitQuote } from '../../../lib/core/email/quote-split';
import { detectNotice } from '../../../lib/core/email/notice-detector';

export const policy = DEFAULT_POLICY;
export const FR = policy.notice.text.fr;
export const EN = policy.notice.text.en;
export const SECTION_70 = { number: '70', name: { fr: 'Section locale 70 – Ottawa', en: 'Local 70 – Ottawa' } };

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Gmail reply: new content, then the quoted history in Gmail's markup with a French attribution. */
export function gmailReply(newHtml: string, quotedHtml: string): string {
  return `<div dir="ltr">${newHtml}</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">Le lun. 20 avr. 2026, à 14 h 02, Marie &lt;<a href="mailto:marie@example.org">marie@example.org</a>&gt; a écrit&nbsp;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${quotedHtml}</blockquote></div>`;
}

/** An Outlook on the web reply: `#appendonsend`, a rule, then the `#divRplyFwdMsg` header block. */
export function outlookReply(newHtml: string, quotedHtml: string): string {
  return `<div style="font-family:Aptos,Calibri,sans-serif;font-size:12pt">${newHtml}</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt"><b>From:</b> CAPE Local 70 &lt;sl70@acep-cape.ca&gt;<br><b>Sent:</b> Monday, April 20, 2026 10:03 AM<br><b>To:</b> Members<br><b>Subject:</b> Survey</font><div>&nbsp;</div></div><div>${quotedHtml}</div>`;
}

export function noticeIn(body: string, format: 'html' | 'text' = 'html') {
  return detectNotice(splitQuote(body, format), policy.notice.text);
}
