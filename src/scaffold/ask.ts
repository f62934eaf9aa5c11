/**
 * Asks for what a command was not given, when a person is at the terminal; in a script
 * (no terminal) a missing answer is a usage error naming the option to give instead.
 */
import { createInterface } from 'node:readline/promises';
import { UsageError } from '../errors.js';

/** [key, question, value given on the command line, optional?] */
export type Question = [key: string, question: string, given: string | undefined, optional?: boolean];

export async function ask(questions: Question[], command: string): Promise<Record<string, string | undefined>> {
  const answers: Record<string, string | undefined> = {};
  const missing = questions.filter(([, , given, optional]) => given === undefined && !optional);
  for (const [key, , given] of questions) answers[key] = given;
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  if (!interactive) {
    if (missing.length) {
      const flags = missing.map(([key]) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      throw new UsageError(`${command} needs ${flags.join(', ')} when it is not run in a terminal.`);
    }
    return answers;
  }
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const [key, question, given, optional] of questions) {
      if (given !== undefined) continue;
      let answer = '';
      do answer = (await readline.question(`${question}: `)).trim();
      while (!answer && !optional);
      answers[key] = answer || undefined;
    }
  } finally {
    readline.close();
  }
  return answers;
}
