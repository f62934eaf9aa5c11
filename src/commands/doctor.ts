/** `report doctor`: whether this machine can build a report, and how to fix what it cannot. */
import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import { print } from './output.js';

export function registerDoctor(cli: Command): void {
  cli
    .command('doctor')
    .description('Check that this machine can build a report, and say how to fix what it cannot')
    .option('--browser <path>', 'check this Chrome or Chromium instead of the one report would find')
    .addHelpText('after', `
Examples:
  report doctor
  report doctor --browser /usr/bin/google-chrome`)
    .action(async (options: { browser?: string }) => {
      const { doctor } = await import('../doctor.js');
      const findings = await doctor(options.browser ? { browser: options.browser } : {});
      for (const finding of findings) {
        print(`${finding.ok ? 'ok     ' : 'PROBLEM'}  ${finding.what}\n${finding.fix ? `         how to fix: ${finding.fix}\n` : ''}`);
      }
      const problems = findings.filter((finding) => !finding.ok).length;
      print(problems ? `\n${problems} problem${problems === 1 ? '' : 's'} to fix before report can build a PDF.\n` : '\nThis machine can build reports.\n');
      if (problems) process.exitCode = EXIT.dataProblems;
    });
}
