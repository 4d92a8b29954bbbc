import { createInterface } from 'node:readline';
import { KeyError } from '../officer/key-file';

/**
 * Asks for the key's passphrase: from VIGIE_PASSPHRASE when set (scripts, tests), else on the
 * terminal without echoing it. With neither, refuses rather than waiting forever.
 */
export async function askPassphrase(prompt = 'Passphrase of the private key / Phrase de passe de la clé privée: '): Promise<string> {
  const fromEnv = process.env.VIGIE_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) throw new KeyError('this key is protected by a passphrase: run in a terminal, or set VIGIE_PASSPHRASE');
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Echo nothing while the passphrase is typed (readline writes through _writeToOutput).
    const internals = rl as unknown as { _writeToOutput: (s: string) => void };
    let muted = false;
    internals._writeToOutput = (s: string) => {
      if (!muted || s.includes('\n')) process.stderr.write(muted ? '\n' : s);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      resolve(answer);
    });
    muted = true;
  });
}
