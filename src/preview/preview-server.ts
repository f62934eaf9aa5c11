/**
 * `report preview`: the report as a web page on this computer, rebuilt whenever the data or
 * the templates change, with open browsers reloading themselves. Problems in the data show in
 * the page as well as the terminal. Only the HTML is built (no PDF), so a rebuild is quick.
 *
 * It is safe to leave running: it listens on 127.0.0.1 only, answers only requests addressed to
 * this computer by name (so a web page elsewhere cannot reach it by pointing its own name at
 * 127.0.0.1, "DNS rebinding"), and a bad request gets an error reply without stopping it.
 */
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { check } from '../check.js';
import { DataProblemsError, UsageError, UserError } from '../errors.js';
import { chooseYear, openDataFolder } from '../load/data-folder.js';
import { formatProblems, type Problem } from '../problems.js';
import { checkTemplatesFolder } from '../render/html.js';
import { render } from '../render/render-report.js';
import { themeFor } from '../render/theme.js';

export interface PreviewOptions {
  data: string;
  year?: string;
  templatesDir?: string;
  /** The requirements to check against: a catalogue id or file; by default the guidance in force for the period. */
  standard?: string;
  /** 0 or none picks a free port. */
  port?: number;
  /** Told of every rebuild: the problems found, if any, or the fault in the tool that stopped it. */
  onRebuild?: (outcome: RebuildOutcome) => void;
}

export interface RebuildOutcome {
  /** Problems in the data or the files it names; none when the report was rebuilt. */
  problems: Problem[];
  /** A fault in the tool itself (a bug): shown, and the preview goes on. */
  fault?: unknown;
}

export interface Preview {
  url: string;
  /** The address the server listens on: always 127.0.0.1. */
  host: string;
  port: number;
  close(): Promise<void>;
}

/** The loopback address the preview listens on, and the only one. */
export const PREVIEW_HOST = '127.0.0.1';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ttf': 'font/ttf',
};

const RELOAD = '<script>new EventSource("/__report/events").onmessage = () => location.reload();</script>';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The preview's own pages (problems, a fault) in the report's default colours, from the theme. */
const THEME = themeFor();
const pageStyle = (mark: string) =>
  `<style>body{font-family:sans-serif;color:${THEME.ink};max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}pre{white-space:pre-wrap;background:${THEME.wash};border-left:4px solid ${mark};padding:1rem}</style>`;

function faultPage(error: unknown): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A fault in the tool</title>
${pageStyle(THEME.none)}</head>
<body><main><h1>The report could not be rebuilt</h1><p>This is a fault in report itself, not in your data. Please report it with the details below. This page reloads by itself when you next save.</p>
<pre>${escapeHtml((error as Error)?.stack ?? String(error))}</pre></main>${RELOAD}</body></html>`;
}

function problemsPage(problems: Problem[]): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Problems in the data</title>
${pageStyle(THEME.little)}</head>
<body><main><h1>The report cannot be shown yet</h1><p>Fix these problems in the data and save: this page reloads by itself.</p>
<pre>${escapeHtml(formatProblems(problems))}</pre></main>${RELOAD}</body></html>`;
}

/**
 * The --port option as a port number: 0 (a free port) when it is left out.
 * Anything but a whole number from 1 to 65535 is a usage error.
 */
export function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new UsageError(`--port ${value} is not a port number: give a whole number from 1 to 65535, or leave --port out to use a free one.`);
  }
  return port;
}

/**
 * Whether a Host header names this computer: localhost, a name ending in .localhost, 127.x.x.x
 * or [::1], each with or without :port. Anything else (or no Host at all) may be a page on
 * another site that has pointed its own name at 127.0.0.1, so it is refused.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  const match = /^(?:(localhost|(?:[a-z0-9-]+\.)+localhost)|127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})|\[::1\])(?::\d{1,5})?$/i.exec(host ?? '');
  if (!match) return false;
  return match.slice(2).every((octet) => octet === undefined || Number(octet) <= 255);
}

function reply(response: ServerResponse, status: number, text: string): void {
  const body = `${text}\n`;
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' }).end(body);
}

/** The decoded path of a request, or undefined when its address cannot be read. */
function requestPath(request: IncomingMessage): string | undefined {
  const target = request.url ?? '';
  if (!target.startsWith('/')) return undefined;
  try {
    return decodeURIComponent(target.replace(/[?#].*$/s, ''));
  } catch {
    return undefined;
  }
}

/** Fails with a UsageError, before anything starts, when the folders named cannot be used. */
async function checkFolders(options: PreviewOptions): Promise<void> {
  chooseYear(await openDataFolder(options.data), options.year);
  if (options.templatesDir !== undefined) await checkTemplatesFolder(options.templatesDir);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new UsageError(`Port ${port} is already in use on this computer: choose another with --port, or leave --port out to use a free one.`));
      } else if (error.code === 'EACCES') {
        reject(new UsageError(`Port ${port} needs administrator rights on this computer: choose one above 1023 with --port, or leave --port out to use a free one.`));
      } else {
        reject(error);
      }
    };
    server.once('error', failed);
    server.listen(port, PREVIEW_HOST, () => {
      server.off('error', failed);
      resolvePromise();
    });
  });
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port ${port} is not a port number: give a whole number from 1 to 65535, or leave --port out to use a free one.`);
  }
  await checkFolders(options);

  let page = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Building the report</title></head><body><p>Building the report: this page reloads by itself when it is ready.</p>${RELOAD}</body></html>`;
  let assets = new Map<string, Buffer | string>();
  const clients = new Set<ServerResponse>();

  let first = true;
  const rebuild = async () => {
    const outcome: RebuildOutcome = { problems: [] };
    try {
      const checked = await check({
        data: options.data,
        ...(options.year ? { year: options.year } : {}),
        ...(options.standard ? { standard: options.standard } : {}),
      });
      outcome.problems = checked.problems;
      if (checked.report) {
        const rendered = await render(checked.report, { ...(checked.compliance ? { compliance: checked.compliance } : {}), draft: true, ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}) });
        page = rendered.html.replace('</body>', `${RELOAD}</body>`);
        assets = new Map(rendered.assets.map((asset) => [`/${asset.path}`, asset.content]));
      } else {
        page = problemsPage(outcome.problems);
      }
    } catch (error) {
      // A wrong option (such as an unknown --standard) stops the preview before it starts.
      if (first && error instanceof UsageError) throw error;
      if (error instanceof DataProblemsError) outcome.problems = error.problems;
      else if (error instanceof UserError) outcome.problems = [{ file: options.data, message: error.message }];
      else outcome.fault = error;
      page = outcome.fault === undefined ? problemsPage(outcome.problems) : faultPage(outcome.fault);
    } finally {
      first = false;
    }
    for (const client of clients) client.write('data: reload\n\n');
    options.onRebuild?.(outcome);
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (!isLoopbackHost(request.headers.host)) {
      reply(response, 403, 'Refused: this preview answers only addresses on this computer, such as http://127.0.0.1 or http://localhost.');
      return;
    }
    const path = requestPath(request);
    if (path === undefined) {
      reply(response, 400, 'Bad request: the address asked for is not a valid one.');
      return;
    }
    if (path === '/__report/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const content = path === '/' || path === '/index.html' ? page : assets.get(path);
    if (content === undefined) {
      reply(response, 404, 'Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(content);
  };

  // Missing Host headers reach `handle`, to be refused like any other foreign name.
  const server: Server = createServer({ requireHostHeader: false }, (request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      // A fault in answering one request must never stop the preview.
      clients.delete(response);
      if (!response.headersSent) reply(response, 500, `The preview could not answer this request: ${(error as Error)?.message ?? String(error)}`);
      else response.destroy();
    }
  });
  await listen(server, port);
  // Whatever fails from here on must not leave the server holding the process open.
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let building = Promise.resolve();
  const stop = async () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    for (const client of clients) client.end();
    const closed = new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
    server.closeAllConnections();
    await closed;
    await building;
  };

  try {
    await rebuild();
    // Rebuild once things settle after a save (editors often write several times).
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => (building = building.then(rebuild)), 150);
    };
    for (const dir of [options.data, ...(options.templatesDir ? [options.templatesDir] : [])]) {
      // A watched folder that goes away shows as a problem in the page rather than stopping the preview.
      watchers.push(watch(dir, { recursive: true }, changed).on('error', changed));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${PREVIEW_HOST}:${boundPort}/`,
    host: typeof address === 'object' && address ? address.address : PREVIEW_HOST,
    port: boundPort,
    close: stop,
  };
}
