import type { Lang } from '../core/text';
import { t } from '../i18n';
import type { SenderAnswers } from '../state/sender-answers';

export interface SenderAnswersView {
  heading: string;
  forget: string;
  lines: Array<{ mailbox: string; text: string }>;
}

/** One line per mailbox the person answered for: "outlook.live.com/mail/0: local-section account". */
export function senderAnswersView(answers: SenderAnswers, lang: Lang): SenderAnswersView {
  const lines = Object.entries(answers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([mailbox, { answer }]) => ({ mailbox, text: t(lang, answer === 'local' ? 'senderAnswerLocal' : 'senderAnswerPersonal', { mailbox }) }));
  return { heading: t(lang, 'senderAnswersHeading'), forget: t(lang, 'senderAnswerForget'), lines };
}
