import { encode } from 'uqr';
import type { Grant } from '../core/grant';
import type { Policy } from '../core/policy';

/**
 * What the officer sends the person with their token: a bilingual message (French first) saying
 * how to import it in Vigie, and a QR code of the token for a phone-to-laptop hand-over.
 */
export function handoutMessage(grant: Grant, token: string, policy: Policy): { subject: string; body: string } {
  const until = grant.expiresAt.slice(0, 10);
  const org = policy.organisation.shortName;
  const contact = policy.contacts.privacyOfficer.email;
  const subject = `Votre autorisation d'accès Vigie / Your Vigie access grant (${org.fr})`;
  const body = [
    `Bonjour ${grant.holder.name},`,
    '',
    `Voici votre autorisation d'accès aux données des membres (${org.fr}), valide jusqu'au ${until}.`,
    "Pour l'importer : cliquez sur l'icône de Vigie dans votre navigateur, puis sur « Options ». Sous « Autorisation d'accès signée », collez tout le jeton ci-dessous, puis appuyez sur « Importer ».",
    `Ne transmettez ce jeton à personne. Une question? Écrivez à ${contact}.`,
    '',
    `Hello ${grant.holder.name},`,
    '',
    `Here is your access grant to member data (${org.en}), valid until ${until}.`,
    'To import it: click the Vigie icon in your browser, then "Options". Under "Signed access grant", paste the whole token below, then press "Import".',
    `Do not pass this token on to anyone. Questions? Write to ${contact}.`,
    '',
    token,
  ].join('\n');
  return { subject, body };
}

/** The QR code as rows of 0/1 (the page draws it as SVG rectangles); undefined when the token is too long for one. */
export function qrRows(token: string): string[] | undefined {
  try {
    return encode(token, { ecc: 'L', border: 2 }).data.map((row) => row.map((dark) => (dark ? '1' : '0')).join(''));
  } catch {
    return undefined;
  }
}
