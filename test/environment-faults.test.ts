/**
 * Faults in the world around the data, not in it: an output folder that is a file, a port
 * already taken, a templates folder that is missing or has a broken template, a --base-url
 * that is not a web address. Each gets a plain message with a documented exit code, never a
 * stack trace. Each case is a folder test/fixtures/environment/<case>/ with an expected.yaml:
 *
 *   # one line saying what the case is
 *   args: [build, --data, data, --out, out.txt]   # run in a fresh temp folder holding ./data
 *                                                  # (a copy of test/fixtures/minimal)
 *   setup:                                         # optional steps before the run, in order
 *     - busy_port: true                            # a listening socket held open during the run;
 *                                                  # "{port}" in args is replaced by its port
 *     - file: out.txt                              # a file with this text (relative to the temp folder)
 *       text: "hello"
 *       mode: "444"                                # optional, octal permissions (file or dir)
 *     - dir: some/folder                           # an empty folder
 *     - symlink: templates/report.hbs              # a symbolic link...
 *       target: /dev/zero                          # ...to this
 *     - fifo: templates/report.css                 # a named pipe
 *     - tmpfs: out                                 # a fresh file system mounted on this folder for
 *       options: ro                                # the run only (mount options: ro, size=64k...),
 *                                                  # in a mount namespace of its own (unshare -m);
 *                                                  # skipped where this machine does not allow it
 *   exit: 2
 *   lines:                                         # exact lines the user must see (stdout+stderr)
 *     - "..."
 *   timeout: 30                                    # optional, seconds (default 120); a run that
 *                                                  # does not exit in time fails the case
 *
 * "{tmp}" in args, in file text and in lines is the temp folder's absolute path. Any other file
 * in the case folder is copied into the temp folder as it is (e.g. templates/partials/x.hbs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv, documentedExitCodes, ROOT, tempDir } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const CASES = join(FIXTURES, 'environment');
const DEFAULT_TIMEOUT_SECONDS = 120;

interface Step {
  busy_port?: boolean;
  file?: string;
  text?: string;
  dir?: string;
  mode?: string | number;
  symlink?: string;
  target?: string;
  fifo?: string;
  tmpfs?: string;
  options?: string;
}

interface Expected {
  args: string[];
  setup?: Step[];
  exit: number;
  lines: string[];
  timeout?: number;
}

interface Outcome {
  status: number | null;
  output: string;
  timedOut: boolean;
}

/** Runs the built CLI without blocking this process (a socket it holds must keep answering), killing it after `seconds`. */
function runCliAsync(args: string[], cwd: string, seconds: number, mounts: Array<{ path: string; options: string }> = []): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // A file system mounted for this run alone: the CLI starts inside a mount namespace of its own.
    const command = mounts.length
      ? ['unshare', ['-m', 'sh', '-c', `${mounts.map((_, i) => `mount -t tmpfs -o "$${i * 2 + 1}" tmpfs "$${i * 2 + 2}" && `).join('')}shift ${mounts.length * 2} && exec "$@"`, 'sh', ...mounts.flatMap((mount) => [mount.options, mount.path]), process.execPath, CLI, ...args]] as const
      : [process.execPath, [CLI, ...args]] as const;
    // Its own process group, so a time-out also kills anything it started (a browser).
    // A fresh cache folder of its own: a case that gets as far as drawing draws afresh.
    const child = spawn(command[0], [...command[1]], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv() });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, seconds * 1000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output, timedOut });
    });
  });
}

function listen(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const octal = (mode: string | number) => (typeof mode === 'number' ? parseInt(String(mode), 8) : parseInt(mode, 8));

/** Whether this machine lets a test mount a file system in a namespace of its own (root, or a container that allows it). */
const canMount = (() => {
  const probe = tempDir('report-mount-');
  return spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=16k tmpfs "$0"', probe], { encoding: 'utf8' }).status === 0;
})();

/** What an expected.yaml may say; any other key would be ignored, and the case test less than it seems. */
const KEYS = ['args', 'setup', 'exit', 'lines', 'timeout'];

const cases = readdirSync(CASES).filter((name) => !name.startsWith('.')).sort();

describe('environment faults', () => {
  it('every case expects a documented exit code and at least one line, and says nothing the runner ignores', () => {
    const documented = documentedExitCodes();
    expect(documented).toEqual(expect.arrayContaining([0, 1, 2]));
    for (const name of cases) {
      const expected = parse(readFileSync(join(CASES, name, 'expected.yaml'), 'utf8')) as Expected;
      expect(Object.keys(expected).filter((key) => !KEYS.includes(key)), name).toEqual([]);
      expect(expected.args?.length, `${name}: no command`).toBeGreaterThan(0);
      expect(documented, `${name}: exit ${expected.exit}`).toContain(expected.exit);
      expect(expected.lines?.length, `${name}: no lines to see`).toBeGreaterThan(0);
      for (const line of expected.lines) expect(String(line).trim(), `${name}: an empty line`).not.toBe('');
    }
  });

  for (const name of cases) {
    const caseDir = join(CASES, name);
    const expected = parse(readFileSync(join(caseDir, 'expected.yaml'), 'utf8')) as Expected;
    const seconds = expected.timeout ?? DEFAULT_TIMEOUT_SECONDS;

    it(name, async (context) => {
      if (expected.setup?.some((step) => step.tmpfs !== undefined) && !canMount) context.skip();
      const work = realpathSync(tempDir('report-env-'));
      cpSync(join(FIXTURES, 'minimal'), join(work, 'data'), { recursive: true });
      cpSync(caseDir, work, { recursive: true, filter: (source) => !source.endsWith('expected.yaml') });
      const fill = (text: string, port?: number) => text.replaceAll('{tmp}', work).replaceAll('{port}', port === undefined ? '{port}' : String(port));

      const servers: Server[] = [];
      const mounts: Array<{ path: string; options: string }> = [];
      try {
        let port: number | undefined;
        for (const step of expected.setup ?? []) {
          if (step.busy_port) {
            const server = await listen();
            servers.push(server);
            port = (server.address() as { port: number }).port;
          } else if (step.file !== undefined) {
            const path = join(work, step.file);
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, fill(step.text ?? '', port));
            if (step.mode !== undefined) chmodSync(path, octal(step.mode));
          } else if (step.dir !== undefined) {
            const path = join(work, step.dir);
            mkdirSync(path, { recursive: true });
            if (step.mode !== undefined) chmodSync(path, octal(step.mode));
          } else if (step.symlink !== undefined) {
            const path = join(work, step.symlink);
            mkdirSync(dirname(path), { recursive: true });
            symlinkSync(fill(step.target ?? ''), path);
          } else if (step.fifo !== undefined) {
            const path = join(work, step.fifo);
            mkdirSync(dirname(path), { recursive: true });
            const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
            if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr}`);
          } else if (step.tmpfs !== undefined) {
            const path = join(work, step.tmpfs);
            mkdirSync(path, { recursive: true });
            mounts.push({ path, options: step.options ?? 'size=1m' });
          } else {
            throw new Error(`${name}/expected.yaml: a setup step this runner does not know: ${JSON.stringify(step)}`);
          }
        }

        const run = await runCliAsync(expected.args.map((arg) => fill(String(arg), port)), work, seconds, mounts);
        const output = run.output;
        expect(run.timedOut, `did not exit within ${seconds} s:\n${output}`).toBe(false);
        expect(run.status, output).toBe(expected.exit);
        const lines = output.split('\n');
        for (const line of expected.lines) {
          const wanted = fill(line, port);
          expect(lines, `${wanted}\n--- in ---\n${output}`).toContain(wanted);
        }
        expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
      } finally {
        for (const server of servers) server.close();
      }
    }, seconds * 1000 + 30_000);
  }
});
