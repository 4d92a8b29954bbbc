import browser, { type Storage } from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { GuardSession } from '../guard/session';
import type { OrganizingAdapter } from '../platforms/types';
import { AccessBanner } from './access-banner';
import { decidePageClipboard, installCopyGuard } from './copy-guard';
import { answerDownloadQuestions } from './download-prompt';
import { decidePageSave, installExportGuard } from './export-guard';
import { listenToPage } from './page-bridge';
import { installPrintGuard } from './print-guard';

const CONTEXT_KEYS = ['vigie:policy', 'vigie:grant', 'vigie:settings'];

/**
 * Everything Vigie does on an organizing platform's pages, started at document_start so its
 * capture listeners on `window` come before any of the page's: export controls, copies and
 * clipboard writes, printing, the answers to the downloads backstop, and the access banner. All
 * of it ends with the script's lifetime. (The email send step is started by the platforms that
 * have one, so the others do not bundle the email checks.)
 */
export function startOrganizingGuard(lifetime: ContentScriptContext, adapter: OrganizingAdapter): GuardSession {
  const session = GuardSession.start(lifetime);
  const signal = lifetime.signal;

  // The adapter, not its selectors: they are read at each click from the site pack in force.
  installExportGuard(session, adapter, signal);
  installCopyGuard(session, signal);
  const print = installPrintGuard(session, signal);
  listenToPage((request, pending) => {
    if (request.kind === 'print') return print.decidePagePrint(pending);
    if (request.kind === 'save-file') return decidePageSave(session, pending);
    return decidePageClipboard(session, request.text, request.html, pending);
  }, signal);
  answerDownloadQuestions(session, lifetime);

  const banner = new AccessBanner(signal);
  const showAccess = async () => {
    const ctx = await session.ready();
    if (document.body) banner.update(ctx);
    else document.addEventListener('DOMContentLoaded', () => banner.update(session.current), { once: true, signal });
  };
  void showAccess();
  // GuardSession refreshes its context on the same change, and registered first: ready() is the new one.
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && CONTEXT_KEYS.some((key) => key in changes)) void showAccess();
  };
  browser.storage.onChanged.addListener(onChanged);
  lifetime.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
  return session;
}
