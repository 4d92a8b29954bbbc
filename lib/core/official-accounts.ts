/**
 * Whether an account name read from a social network's composer is one of the organisation's
 * official accounts listed in the policy. Names are compared as a person would: case, accents'
 * composed form, surrounding spaces and a leading "@" do not matter; anything else does (a page
 * called "Parti conservateur du Québec – Jeunes" is not the party's page).
 */
export function isOfficialAccount(name: string, officialAccounts: readonly string[] | undefined): boolean {
  const wanted = normaliseAccount(name);
  return wanted !== '' && (officialAccounts ?? []).some((account) => normaliseAccount(account) === wanted);
}

export function normaliseAccount(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^@/, '').toLocaleLowerCase('fr');
}
