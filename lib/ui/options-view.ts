import type { Lang } from '../core/text';
import { t } from '../i18n';
import type { ImportReply, Rejected } from '../messaging/protocol';
import type { LanguageSetting } from '../state/settings';
import type { VigieState } from '../state/snapshot';
import { filterView, type LogFilterView } from './log-view';
import { policyView, type PolicyView } from './policy-view';
import { scopeRows } from './scope-rows';
import { grantStatusText, sectionLabel, type Row } from './scope-view';

export interface OptionsView {
  lang: Lang;
  title: string;
  grantHeading: string;
  /** One line on the grant held: holder and section, or why there is none. */
  currentGrant: string;
  /** The held grant's scope, the same rows as the popup's scope card; empty when there is none. */
  grantRows: Row[];
  /** IT manages the grant: no import, no removal, and this says why. */
  managedGrant?: string;
  canRemove: boolean;
  removeButton: string;
  /** Asked before the grant is removed: removing it blocks every export. */
  removeConfirm: { question: string; yes: string; no: string };
  textLabel: string;
  textHelp: string;
  fileLabel: string;
  importButton: string;
  importEmpty: string;
  importUnreadable: string;
  languageHeading: string;
  languageLabel: string;
  language: LanguageSetting;
  languageOptions: Array<{ value: LanguageSetting; label: string }>;
  policy: PolicyView;
  policyHeading: string;
  logHeading: string;
  logNote: string;
  filters: LogFilterView;
  exportCsv: string;
}

export function optionsView(state: VigieState): OptionsView {
  const { lang } = state;
  const { policy } = state.policy;
  return {
    lang,
    title: t(lang, 'optionsTitle'),
    grantHeading: t(lang, 'grantHeading'),
    currentGrant: currentGrant(state),
    grantRows: state.grant.state === 'held' ? scopeRows(state.grant.grant, policy, lang) : [],
    managedGrant: state.sync.grantManaged ? t(lang, 'grantManagedImport') : undefined,
    canRemove: state.grant.state !== 'missing' && !state.sync.grantManaged,
    removeButton: t(lang, 'removeButton'),
    removeConfirm: {
      question: t(lang, 'removeConfirm', { holder: state.grant.state === 'held' ? state.grant.grant.holder.name : '' }),
      yes: t(lang, 'removeConfirmYes'),
      no: t(lang, 'removeConfirmNo'),
    },
    textLabel: t(lang, 'grantTextLabel'),
    textHelp: t(lang, 'grantTextHelp', { contact: (policy.contacts.privacyOfficer.inSentence ?? policy.contacts.privacyOfficer.title)[lang] }),
    fileLabel: t(lang, 'grantFileLabel'),
    importButton: t(lang, 'importButton'),
    importEmpty: t(lang, 'importEmpty'),
    importUnreadable: t(lang, 'importUnreadable'),
    languageHeading: t(lang, 'languageHeading'),
    languageLabel: t(lang, 'languageLabel'),
    language: state.settings.language,
    languageOptions: [
      { value: 'auto', label: t(lang, 'languageAuto') },
      { value: 'fr', label: t(lang, 'languageFrench') },
      { value: 'en', label: t(lang, 'languageEnglish') },
    ],
    policy: policyView(state, lang),
    policyHeading: t(lang, 'policySectionHeading'),
    logHeading: t(lang, 'logHeading'),
    logNote: t(lang, 'logNoMemberData'),
    filters: filterView(state),
    exportCsv: t(lang, 'exportCsv'),
  };
}

function currentGrant(state: VigieState): string {
  const { lang, grant: held } = state;
  if (held.state === 'missing') return t(lang, 'noGrant');
  if (held.state === 'unverifiable') return t(lang, 'grantUnverifiable', { reason: held.text[lang] });
  const line = t(lang, 'currentGrant', { holder: held.grant.holder.name, section: sectionLabel(held.grant, lang) });
  return held.status === 'valid' ? line : `${line} (${grantStatusText(held.grant, held.status, lang)})`;
}

/** What to tell the person after an import: the holder's name, or the refusal in their language. */
export function importOutcome(reply: ImportReply | Rejected, lang: Lang): { ok: boolean; text: string } {
  if (reply.ok) return { ok: true, text: t(lang, 'imported', { holder: reply.holder }) };
  if (reply.error === 'refused') return { ok: false, text: reply.text[lang] };
  if (reply.error === 'managed') return { ok: false, text: t(lang, 'grantManagedImport') };
  if (reply.error === 'bad-message') return { ok: false, text: t(lang, 'importUnreadable') };
  return { ok: false, text: t(lang, 'notResponding') };
}
