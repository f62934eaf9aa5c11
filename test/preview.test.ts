/**
 * report preview as a writer uses it: open the page, edit, see it change; break it, see why.
 * And as something left running on a laptop: it answers only this computer, by name and by
 * address, and a bad request never stops it. (Wrong --port, --data or --templates: see the
 * preview-* cases in test/fixtures/environment.)
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, openerFor } from '../src/preview/open-browser.js';
import { DEFAULT_PORT } from '../src/preview/preview-server.js';
import { CLI, copyOf, DEMO, ROOT, runCli, tempDir } from './helpers.js';

/**
 * A stand-in for the system's browser opener (REPORT_OPEN_COMMAND): it writes the address it
 * was given to a file, so a test can see whether --open ran it and with what.
 */
function fakeOpener(): { command: string; opened: string } {
  const folder = tempDir('report-opener-');
  const opened = join(folder, 'opened.txt');
  const command = join(folder, 'opener.sh');
  writeFileSync(command, `#!/bin/sh\nprintf '%s' "$*" > '${opened}'\n`);
  chmodSync(command, 0o755);
  return { command, opened };
}

/** Each preview draws its charts into a cache folder of its own, and any opener it runs is the fake one. */
let opener = fakeOpener();
const ownCache = () => ({ env: { ...process.env, REPORT_CACHE_DIR: tempDir('report-cache-'), REPORT_OPEN_COMMAND: opener.command } });

// Without --open, no preview ever runs the opener.
afterEach(() => {
  expect(existsSync(opener.opened), 'the opener ran without --open').toBe(false);
});

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  port: number;
  output: () => string;
  /** Ctrl-C, then the exit code. */
  stop: () => Promise<number | null>;
}

/** Starts `report preview` on a copy of the minimal data and waits for the address it prints. */
async function startPreview(options: string[] = []): Promise<Running> {
  const data = copyOf(join(ROOT, 'test', 'fixtures', 'minimal'));
  const child = spawn(process.execPath, [CLI, 'preview', '--data', data, ...options], { stdio: ['pipe', 'pipe', 'pipe'], ...ownCache() });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = async () => {
    child.kill('SIGINT');
    return exited;
  };
  try {
    await until(async () => /Previewing the report at \S+/.test(output) || child.exitCode !== null, 'the address');
    const url = /Previewing the report at (\S+)/.exec(output)?.[1];
    if (!url) throw new Error(`report preview printed no address:\n${output}`);
    return { child, url, port: Number(new URL(url).port), output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Sends `text` as it is over a socket and returns the status code and body of the reply. */
function rawRequest(port: number, text: string, host = '127.0.0.1'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host, () => socket.end(text));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (reply += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1];
      if (!status) reject(new Error(`no HTTP reply, only ${JSON.stringify(reply)}`));
      else resolve({ status: Number(status), body: reply.slice(reply.indexOf('\r\n\r\n') + 4) });
    });
  });
}

const get = (path: string, host: string | undefined, version = '1.1') =>
  `GET ${path} HTTP/${version}\r\n${host === undefined ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`;

describe('report preview', () => {
  it(`takes port ${DEFAULT_PORT}, or when it is busy the next free one and says so; --open runs the opener with the address`, async () => {
    // Hold the default port, unless something else already does.
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.once('error', () => resolve()).listen(DEFAULT_PORT, '127.0.0.1', () => resolve()));
    const mine = opener;
    let preview: Running | undefined;
    try {
      preview = await startPreview(['--open']);
      expect(preview.port).not.toBe(DEFAULT_PORT);
      expect(preview.output()).toContain(`Port ${DEFAULT_PORT} is in use on this computer, so the preview uses port ${preview.port}.`);
      await until(async () => existsSync(mine.opened) && readFileSync(mine.opened, 'utf8') !== '', 'the opener to run');
      expect(readFileSync(mine.opened, 'utf8')).toBe(preview.url);
      expect((await fetch(preview.url)).status).toBe(200);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
      expect(await preview?.stop()).toBe(0);
      // The next tests get an opener of their own, never run.
      opener = fakeOpener();
    }
  }, 60_000);

  it('goes on when the browser cannot be opened, and says so', async () => {
    const saved = process.env.REPORT_OPEN_COMMAND;
    process.env.REPORT_OPEN_COMMAND = join(tempDir(), 'no-such-opener');
    try {
      expect(await openBrowser('http://127.0.0.1:4173/')).toMatch(/no-such-opener: .*ENOENT/);
    } finally {
      if (saved === undefined) delete process.env.REPORT_OPEN_COMMAND;
      else process.env.REPORT_OPEN_COMMAND = saved;
    }
  });

  it("uses each system's own opener, unless REPORT_OPEN_COMMAND names one", () => {
    const url = 'http://127.0.0.1:4173/';
    expect(openerFor(url, 'linux', {})).toEqual({ command: 'xdg-open', args: [url] });
    expect(openerFor(url, 'freebsd', {})).toEqual({ command: 'xdg-open', args: [url] });
    expect(openerFor(url, 'darwin', {})).toEqual({ command: 'open', args: [url] });
    expect(openerFor(url, 'win32', {})).toEqual({ command: 'cmd', args: ['/c', 'start', '""', `"${url}"`], verbatim: true });
    expect(openerFor(url, 'darwin', { REPORT_OPEN_COMMAND: '/opt/my-browser' })).toEqual({ command: '/opt/my-browser', args: [url] });
  });

  it('serves the report, rebuilds on save, shows problems in the page, and stops on Ctrl-C', async () => {
    const data = copyOf(DEMO);
    const child = spawn(process.execPath, [CLI, 'preview', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'], ...ownCache() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    try {
      await until(async () => /http:\/\/127\.0\.0\.1:\d+\//.test(stdout), 'the address');
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1]!;
      const page = async () => (await fetch(url)).text();
      expect(await page()).toContain('<h1>Annual report 2022-23</h1>');
      expect(await page()).toContain('new EventSource("/__report/events")');
      const css = /href="(assets\/report\.[0-9a-f]+\.css)"/.exec(await page())![1]!;
      expect((await fetch(`${url}${css}`)).headers.get('content-type')).toBe('text/css; charset=utf-8');

      // Listen for the reload message, then edit the foreword.
      const events = await fetch(`${url}__report/events`);
      const reader = events.body!.getReader();
      const report = join(data, '2022-23', 'report.yaml');
      const original = readFileSync(report, 'utf8');
      writeFileSync(report, original.replace(/^( {2}text: \|\n)/m, '$1    A sentence written while previewing.\n\n'));
      await until(async () => (await page()).includes('A sentence written while previewing.'), 'the edit to appear');
      const { value } = await reader.read();
      expect(new TextDecoder().decode(value)).toContain(': connected');
      expect(stdout).toMatch(/Rebuilt\./);

      // Broken: the last good report stays, with the problems listed over it.
      writeFileSync(report, original.replace('status: final', 'status: finished'));
      await until(async () => (await page()).includes('id="report-preview-overlay"'), 'the problems overlay');
      expect(await page()).toContain('A sentence written while previewing.');
      expect(await page()).toMatch(/report\.yaml:\d+:\d+<\/code> {2}status: expected draft or final/);
      expect(stderr).toMatch(/status: expected draft or final/);
      expect(stderr).toContain('The page keeps the last report that built');
      await reader.cancel();
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('Preview stopped.');
  }, 60_000);

  it('checks against the guidance it is told to, like validate and build', async () => {
    // The minimal data is for 2022-23, so by default it is checked against Working Together 2018.
    const preview = await startPreview(['--standard', 'wt2023']);
    try {
      const page = await (await fetch(preview.url)).text();
      expect(page).toContain('How this report meets Working Together 2023');
      expect(page).not.toContain('Working Together 2018');
    } finally {
      expect(await preview.stop()).toBe(0);
    }
  }, 60_000);

  it('stops before it starts, with exit 2, when --standard names no catalogue', () => {
    const run = runCli(['preview', '--data', join(ROOT, 'test', 'fixtures', 'minimal'), '--standard', 'wt2019']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--standard wt2019/);
    expect(run.stdout).not.toContain('Previewing the report');
  });

  it('answers a malformed request with 400 and goes on serving', async () => {
    const preview = await startPreview();
    let code: number | null = null;
    try {
      const host = `127.0.0.1:${preview.port}`;
      for (const request of [
        get('/%E0%A4%A', host), // a cut-off UTF-8 escape: decodeURIComponent throws on it
        get('/assets/%ZZ.css', host),
        get('/%', host),
        get('http://127.0.0.1/', host), // not a path at all
        'NOT AN HTTP REQUEST\r\n\r\n',
      ]) {
        expect((await rawRequest(preview.port, request)).status, request).toBe(400);
        expect(preview.child.exitCode).toBeNull();
      }
      const after = await rawRequest(preview.port, get('/', host));
      expect(after.status).toBe(200);
      expect(after.body).toContain('new EventSource("/__report/events")');
      expect(preview.output()).not.toMatch(/URIError|fault in the tool|at .*\.js:\d+/);
    } finally {
      code = await preview.stop();
    }
    expect(code).toBe(0);
  }, 60_000);

  it('listens on 127.0.0.1 only, and refuses requests addressed to any other name', async () => {
    const preview = await startPreview();
    let code: number | null = null;
    try {
      const { port } = preview;
      expect(preview.url).toBe(`http://127.0.0.1:${port}/`);

      // Bound to the loopback address, not to every address of this computer.
      if (existsSync('/proc/net/tcp')) {
        const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
        const listening = (file: string) =>
          readFileSync(file, 'utf8').split('\n').map((line) => line.trim().split(/\s+/)).filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${hexPort}`)).map((fields) => fields[1]);
        expect(listening('/proc/net/tcp')).toEqual([`0100007F:${hexPort}`]);
        if (existsSync('/proc/net/tcp6')) expect(listening('/proc/net/tcp6')).toEqual([]);
      }
      if (process.platform === 'linux') {
        // Every 127.x.x.x reaches this computer on Linux; only a server bound to all addresses answers on 127.0.0.2.
        await expect(rawRequest(port, get('/', `127.0.0.1:${port}`), '127.0.0.2')).rejects.toThrow(/ECONNREFUSED/);
      }

      // A page on another site that points its own name at 127.0.0.1 ("DNS rebinding") is refused.
      for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost.evil.example`, `evil-localhost:${port}`, '127.0.0.256', '[::2]', '']) {
        const refused = await rawRequest(port, get('/', host));
        expect(refused.status, `Host: ${host}`).toBe(403);
        expect(refused.body).toMatch(/^Refused: this preview answers only addresses on this computer/);
        expect(refused.body).not.toContain('<');
      }
      expect((await rawRequest(port, get('/__report/events', 'evil.example'))).status).toBe(403);
      // No Host header at all, in HTTP/1.1 and in HTTP/1.0 (where it may be left out).
      expect((await rawRequest(port, get('/', undefined))).status).toBe(403);
      expect((await rawRequest(port, get('/', undefined, '1.0'))).status).toBe(403);

      // The names of this computer, with or without the port, are answered.
      for (const host of [`127.0.0.1:${port}`, '127.0.0.1', `127.1.2.3:${port}`, `localhost:${port}`, 'LOCALHOST', `report.localhost:${port}`, `[::1]:${port}`]) {
        const answered = await rawRequest(port, get('/', host));
        expect(answered.status, `Host: ${host}`).toBe(200);
        expect(answered.body).toContain('<html');
      }
      expect((await fetch(preview.url)).status).toBe(200);
    } finally {
      code = await preview.stop();
    }
    expect(code).toBe(0);
  }, 60_000);
});
