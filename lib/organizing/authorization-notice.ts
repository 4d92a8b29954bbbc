import type { ExportAuthorization } from '../core/grant';
import { fill, type Lang } from '../core/lang';
import { ORGANIZING_STRINGS } from './strings';

const SHOWN_MS = 10_000;

const CSS = `
  .toast { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 420px; box-sizing: border-box;
    padding: 12px 16px; border-radius: 8px; background: #0b3d2e; color: #fff; font: 14px/1.4 system-ui, sans-serif;
    box-shadow: 0 4px 16px rgba(0,0,0,.3); }
  strong { display: block; margin-bottom: 4px; }
`;

/**
 * Says, without stopping anything, that an export goes ahead under the written authorization the
 * grant carries, and which one. Closed shadow root; the authorization's text is set as text.
 */
export function showAuthorizationNotice(authorization: ExportAuthorization, lang: Lang): void {
  const host = document.createElement('vigie-notice');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const box = document.createElement('div');
  box.className = 'toast';
  box.setAttribute('role', 'status');
  box.lang = lang;
  const title = document.createElement('strong');
  title.textContent = ORGANIZING_STRINGS.authorizedTitle[lang];
  const body = document.createElement('span');
  const expires = new Date(authorization.expires).toLocaleDateString(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' });
  body.textContent = fill(ORGANIZING_STRINGS.authorizedBody, { reference: authorization.reference, purpose: authorization.purpose, expires })[lang];
  box.append(title, body);
  root.append(style, box);
  (document.body ?? document.documentElement).append(host);
  setTimeout(() => host.remove(), SHOWN_MS);
}
