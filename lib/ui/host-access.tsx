import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Policy } from '../core/policy';
import type { Lang } from '../core/text';
import { hostAccessView } from './host-access-view';

async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

/**
 * Asks the browser, on the person's click, for the policy's self-hosted hosts one at a time
 * (`permissions.request` needs that click: it must be called in the handler, before any await).
 * The background registers the platform's content script once the host is granted.
 */
export function HostAccessSection({ policy, lang }: { policy: Policy; lang: Lang }) {
  const [granted, setGranted] = useState<string[]>([]);
  useEffect(() => {
    const update = () => void grantedOrigins().then(setGranted);
    update();
    browser.permissions.onAdded.addListener(update);
    browser.permissions.onRemoved.addListener(update);
    return () => {
      browser.permissions.onAdded.removeListener(update);
      browser.permissions.onRemoved.removeListener(update);
    };
  }, []);
  const view = hostAccessView(policy, granted, lang);
  if (!view) return null;
  const onEnable = (origin: string) => () => void browser.permissions.request({ origins: [origin] }).then(() => grantedOrigins().then(setGranted));
  return (
    <section aria-labelledby="host-access-heading">
      <h2 id="host-access-heading">{view.heading}</h2>
      <p>{view.intro}</p>
      {view.lines.map((line) => (
        <p key={line.origin} data-host={line.host}>
          <span class={line.granted ? 'ok' : 'alert'}>{line.status}</span>{' '}
          {!line.granted && (
            <button type="button" onClick={onEnable(line.origin)}>
              {line.button}
            </button>
          )}
        </p>
      ))}
    </section>
  );
}
