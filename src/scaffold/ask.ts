/**
 * Asks for what a command was not given, when a person is at the terminal; in a script
 * (no terminal) a missing answer is a usage error naming the option to give instead.
 * Each answer is checked as it is given, by the model's own rule for the field it fills, and
 * a wrong one is refused in the words report validate would use, and asked again.
 */
import { createInterface } from 'node:readline/promises';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { descriptionAt } from '../model/schema-fields.js';
import { lowerFirst, plainMessage } from '../model/plain-messages.js';

/** [key, question, value given on the command line, optional?, the model's rule for it] */
export type Question = [key: string, question: string, given: string | undefined, optional?: boolean, rule?: z.ZodType];

function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * What is wrong with an answer, by the model's rule, or undefined when it will do. An empty
 * answer to a question that needs one says what the answer is for.
 */
export function refusal(answer: string, optional = false, rule?: z.ZodType): string | undefined {
  if (answer === '') {
    if (optional) return undefined;
    const description = rule ? descriptionAt(rule, []) : undefined;
    return `an answer is needed${description ? `: ${lowerFirst(description)}` : ''}`;
  }
  const issue = rule?.safeParse(answer).error?.issues[0];
  return issue ? plainMessage(issue) : undefined;
}

export async function ask(questions: Question[], command: string): Promise<Record<string, string | undefined>> {
  const answers: Record<string, string | undefined> = {};
  for (const [key, , given, optional, rule] of questions) {
    if (given === undefined) continue;
    const problem = refusal(given.trim(), optional, rule);
    if (problem) throw new UsageError(`${flagOf(key)} ${JSON.stringify(given)}: ${problem}.`);
    answers[key] = given.trim() || undefined;
  }
  const missing = questions.filter(([, , given, optional]) => given === undefined && !optional);
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  if (!interactive) {
    if (missing.length) throw new UsageError(`${command} needs ${missing.map(([key]) => flagOf(key)).join(', ')} when it is not run in a terminal.`);
    return answers;
  }
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const [key, question, given, optional, rule] of questions) {
      if (given !== undefined) continue;
      for (;;) {
        const answer = (await readline.question(`${question}: `)).trim();
        const problem = refusal(answer, optional, rule);
        if (!problem) {
          answers[key] = answer || undefined;
          break;
        }
        process.stdout.write(`  Not that: ${problem}. Please answer again.\n`);
      }
    }
  } finally {
    readline.close();
  }
  return answers;
}
