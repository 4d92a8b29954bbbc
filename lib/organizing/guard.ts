import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { GuardSession } from '../guard/session';
import { browser, type Browser } from '../messaging/content-browser';
import type { OrganizingAdapter } from '../platforms/types';
import { AccessBanner } from './access-banner';
import { decidePageClipboard, decideTransfer, installCopyGuard } from './copy-guard';
import { answerDownloadQuestions } from './download-prompt';
import { decidePageSave, installExportGuard } from './export-guard';
import { listenToPage } from './page-bridge';
import { installPrintGuard } from './print-guard';
import { whenListenersErased } from './survive-open';

const CONTEXT_KEYS = ['vigie:policy', 'vigie:grant', 'vigie:settings'];

/** Guards a platform adds to the common ones (Action Network's email send step), reinstalled with them. */
export type ExtraGuards = (session: GuardSession, signal: AbortSignal) => void;

/**
 * Everything Vigie does on an organizing platform's pages, started at document_start so its
 * capture listeners on `window` come before any of the page's. It runs in every frame of the
 * platform, `about:blank`/`srcdoc` frames and pop-ups the page opens included (see the content
 * scripts' `allFrames`/`matchAboutBlank`/`matchOriginAsFallback`), and each frame decides on its
 * own selection and data: export controls, copies and clipboard writes, printing. The top frame
 * also answers the downloads backstop and shows the access banner. If the page erases the
 * listeners (`document.open()`), they are installed again. All of it ends with the script's lifetime.
 */
export function startOrganizingGuard(lifetime: ContentScriptContext, adapter: OrganizingAdapter, extra?: ExtraGuards): GuardSession {
  const session = GuardSession.start(lifetime);
  const top = window === window.top;
  const banner = top ? new AccessBanner(lifetime.signal) : undefined;
  let print: ReturnType<typeof installPrintGuard> | undefined;

  const channel = listenToPage((request, pending) => {
    if (request.kind === 'transfer') return decideTransfer(session, { ...request, detail: request.drag ? 'drag' : 'page-copy' });
    if (request.kind === 'print') return print ? print.decidePagePrint(pending) : 'block';
    if (request.kind === 'save-file') return decidePageSave(session, pending);
    return decidePageClipboard(session, { ...request, detail: 'clipboard-api' }, pending);
  });

  let generation: AbortController | undefined;
  const install = () => {
    generation?.abort();
    generation = new AbortController();
    const signal = AbortSignal.any([lifetime.signal, generation.signal]);
    // The adapter, not its selectors: they are read at each click from the site pack in force.
    installExportGuard(session, adapter, signal);
    installCopyGuard(session, signal);
    print = installPrintGuard(session, signal);
    channel.attach(signal);
    extra?.(session, signal);
  };
  install();
  whenListenersErased(window, () => {
    install();
    void showAccess();
  }, lifetime.signal);

  if (top) answerDownloadQuestions(session, lifetime);
  const showAccess = async () => {
    if (!banner) return;
    const ctx = await session.ready();
    if (document.body) banner.update(ctx);
    else document.addEventListener('DOMContentLoaded', () => banner.update(session.current), { once: true, signal: lifetime.signal });
  };
  void showAccess();
  // GuardSession refreshes its context on the same change, and registered first: ready() is the new one.
  const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
    if (area === 'local' && CONTEXT_KEYS.some((key) => key in changes)) void showAccess();
  };
  browser.storage.onChanged.addListener(onChanged);
  lifetime.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
  return session;
}
