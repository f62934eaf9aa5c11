/**
 * Issue 16: `report init` checks each answer as it is given. Run in a terminal (a pseudo-
 * terminal here, driven through its input as a person would type), a wrong year, an empty
 * name or a website that is not a web address is refused at once, in the words report
 * validate uses, and the question is asked again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, freshCache, runCli, tempDir } from './helpers.js';

/**
 * Runs `report <args>` in a pseudo-terminal, typing each answer when a question (a line
 * ending ": ") is waiting. Returns what the terminal showed and the exit status.
 */
function inTerminal(args: string[], answers: string[]): { output: string; status: number } {
  const driver = `
import json, os, pty, re, select, sys
answers = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
out = b''
sent = 0
since = 0
while True:
    ready, _, _ = select.select([fd], [], [], 20)
    if not ready:
        os.kill(pid, 9)
        break
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    # A question waiting: output since the last answer ends ": " (and the cursor's moves).
    if re.search(rb': (\\x1b\\[[0-9;]*[A-Za-z])*$', out[since:]) and sent < len(answers):
        os.write(fd, answers[sent].encode() + b'\\r')
        sent += 1
        since = len(out)
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;
  const run = spawnSync('python3', ['-c', driver, JSON.stringify(answers), process.execPath, CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, REPORT_CACHE_DIR: freshCache(), NO_COLOR: '1' },
  });
  return { output: run.stdout.replace(/\x1b\[[0-9;]*[A-Za-z]|\r/g, ''), status: run.status ?? -1 };
}

describe('report init asks again when an answer is wrong', () => {
  it('refuses an empty name, a year that is not like 2023-24 or does not follow on, and a website that is not a web address', () => {
    const dir = join(tempDir(), 'partnership');
    const { output, status } = inTerminal(['init', dir], [
      '', 'Fenmoor Safeguarding Children Partnership',
      'Fenmoor',
      '2023', '2023-25', '2023-24',
      '', '', '', '',
      'www.fenmoor.org.uk', 'https://www.fenmoor.org.uk',
    ]);
    expect(output).toContain('Not that: an answer is needed: the partnership\'s full name');
    expect(output).toContain('Not that: expected a reporting year like 2022-23. Please answer again.');
    expect(output).toContain('Not that: the two years must follow on, like 2022-23. Please answer again.');
    expect(output).toContain('Not that: expected a web address starting https://. Please answer again.');
    // Each refused question is asked again, and only the refused one.
    expect(output.match(/The partnership's name: /g)).toHaveLength(2);
    expect(output.match(/The first reporting year \(like 2023-24\): /g)).toHaveLength(3);
    expect(output.match(/The local authority area: /g)).toHaveLength(1);
    expect(status, output).toBe(0);
    const partnership = readFileSync(join(dir, 'partnership.yaml'), 'utf8');
    expect(partnership).toContain('name: Fenmoor Safeguarding Children Partnership');
    expect(partnership).toContain('website: https://www.fenmoor.org.uk');
    expect(existsSync(join(dir, '2023-24', 'report.yaml'))).toBe(true);
  });

  it('refuses a wrong value given as an option, in the same words, without a terminal', () => {
    const dir = join(tempDir(), 'partnership');
    const run = runCli(['init', dir, '--name', 'X', '--area', 'Y', '--year', '2023-25']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--year "2023-25": the two years must follow on, like 2022-23.');
    const website = runCli(['init', dir, '--name', 'X', '--area', 'Y', '--year', '2023-24', '--website', 'fenmoor.org.uk']);
    expect(website.status).toBe(2);
    expect(website.stderr).toContain('--website "fenmoor.org.uk": expected a web address starting https://.');
    expect(existsSync(dir)).toBe(false);
  });
});
