/**
 * Errors a user can cause or fix, each with the exit code the CLI documents.
 * Anything else reaching the CLI's boundary is a bug in this tool and is reported as one.
 */
import { formatProblems, type Problem } from './problems.js';

export const EXIT = {
  ok: 0,
  /** The data has problems (or, later, fails compliance checks). */
  dataProblems: 1,
  /** The command was used wrongly: unknown option, missing folder, bad --format. */
  usage: 2,
  /** The PDF renderer failed: no browser, a crash, a time-out. */
  renderer: 3,
} as const;

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UsageError extends UserError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

export class DataProblemsError extends UserError {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the data:\n${formatProblems(problems)}`,
      EXIT.dataProblems,
    );
  }
}

export class RendererError extends UserError {
  constructor(message: string) {
    super(message, EXIT.renderer);
  }
}

/** The report fails a statutory "must" (or, with --strict, any requirement), so it may not be published. */
export class ComplianceError extends UserError {
  constructor(details: string) {
    super(details, EXIT.dataProblems);
  }
}

/** The templates (--templates DIR over the bundled ones) cannot be used: each problem with its file, line and column. */
export class TemplateProblemsError extends UserError {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the templates:\n${formatProblems(problems)}`,
      EXIT.usage,
    );
  }
}
