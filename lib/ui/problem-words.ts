import { SignatureRefusal, type RefusalCode } from '../core/signature';
import type { Lang } from '../core/text';
import { t, type MessageKey } from '../i18n';
import type { SyncProblem } from '../sync/sync-status';

const FETCH_TEXT: Record<string, MessageKey> = {
  'not-https': 'problemNotHttps',
  unreachable: 'problemUnreachable',
  timeout: 'problemTimeout',
  'http-error': 'problemHttp',
  'too-large': 'problemTooLarge',
  'managed-late': 'problemManagedLate',
};

/** What went wrong at a sync, without where: "the signature does not match… (version 5)". */
export function problemWhat(problem: Pick<SyncProblem, 'code' | 'status' | 'version'>, lang: Lang): string {
  const key = FETCH_TEXT[problem.code];
  const what = key ? t(lang, key, { status: problem.status ?? '?' }) : new SignatureRefusal(problem.code as RefusalCode).text[lang];
  return problem.version !== undefined && !key ? t(lang, 'problemVersion', { text: what, version: problem.version }) : what;
}
