import { useEffect, useState } from 'preact/hooks';
import { browserLang, LangContext, useT, type Lang } from './i18n';
import { OverviewScreen } from './overview';
import { PeopleScreen } from './people';
import { BulkScreen } from './bulk';
import { PolicyScreen } from './policy';
import { AuditScreen } from './audit';

const SCREENS = ['overview', 'people', 'bulk', 'policy', 'audit'] as const;
type Screen = (typeof SCREENS)[number];

const fromHash = (): Screen => {
  const h = location.hash.slice(1);
  return (SCREENS as readonly string[]).includes(h) ? (h as Screen) : 'overview';
};

export function App() {
  const [lang, setLang] = useState<Lang>(browserLang());
  const [screen, setScreen] = useState<Screen>(fromHash());
  useEffect(() => {
    const onHash = () => setScreen(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <LangContext.Provider value={lang}>
      <Shell screen={screen} onLang={() => setLang(lang === 'fr' ? 'en' : 'fr')} />
    </LangContext.Provider>
  );
}

function Shell({ screen, onLang }: { screen: Screen; onLang: () => void }) {
  const t = useT();
  useEffect(() => {
    document.title = `${t(screen)} — Vigie`;
    document.getElementById('main')?.focus();
  }, [screen, t.lang]);
  return (
    <>
      <header>
        <h1>Vigie — {t('title')}</h1>
        <button type="button" class="lang" lang={t.lang === 'fr' ? 'en' : 'fr'} onClick={onLang}>
          {t('switchLang')}
        </button>
        <nav aria-label={t('nav')}>
          <ul>
            {SCREENS.map((s) => (
              <li key={s}>
                <a href={`#${s}`} aria-current={s === screen ? 'page' : undefined}>
                  {t(s)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {screen === 'overview' && <OverviewScreen />}
        {screen === 'people' && <PeopleScreen />}
        {screen === 'bulk' && <BulkScreen />}
        {screen === 'policy' && <PolicyScreen />}
        {screen === 'audit' && <AuditScreen />}
      </main>
    </>
  );
}
