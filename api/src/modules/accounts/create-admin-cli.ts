import 'reflect-metadata';
import readline from 'node:readline';
import { openDatabase } from '../../core/bootstrap';
import { createAdmin } from './create-admin';

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for the password on: set ADMIN_PASSWORD');
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    output._writeToOutput = (text: string) => {
      if (!asked) process.stdout.write(text);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    asked = true;
  });
}

/**
 * `npm run create-admin -- <email>` (or ADMIN_EMAIL): creates the first ADMIN account, or resets
 * that account's password. The password comes from ADMIN_PASSWORD or is asked for twice.
 */
async function main(): Promise<void> {
  const email = process.argv[2] ?? process.env.ADMIN_EMAIL;
  if (!email) throw new Error('Usage: npm run create-admin -- <email>   (or set ADMIN_EMAIL)');
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    password = await promptHidden(`Password for ${email}: `);
    if ((await promptHidden('Again: ')) !== password) throw new Error('The passwords differ');
  }
  const database = await openDatabase((line) => console.log(line));
  try {
    const { user, created } = await createAdmin(database.db, email, password, process.env.ADMIN_NAME || undefined);
    console.log(created ? `Created ADMIN ${user.email}` : `${user.email} is an ADMIN with the new password`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
