/**
 * `report preview`: the report as a web page on this computer, rebuilt whenever the data or
 * the templates change, with open browsers reloading themselves. Problems in the data show in
 * the page as well as the terminal. Only the HTML is built (no PDF), so a rebuild is quick.
 *
 * It is safe to leave running: it listens on 127.0.0.1 only, answers only requests addressed to
 * this computer by name (so a web page elsewhere cannot reach it by pointing its own name at
 * 127.0.0.1, "DNS rebinding"), and a bad request gets an error reply without stopping it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { check } from '../check.js';
import { DataProblemsError, UsageError, UserError } from '../errors.js';
import { chooseYear, openDataFolder } from '../load/data-folder.js';
import type { Problem } from '../problems.js';
import { checkTemplatesFolder } from '../render/html.js';
import { render } from '../render/render-report.js';
import { rememberAcrossRuns } from '../util/remembered.js';
import type { ToDo } from '../validate/to-do.js';
import { buildingPage, EVENTS_PATH, faultOverlay, faultPage, previewPage, problemsOverlay, problemsPage } from './preview-page.js';
import { watchFolders, type FolderWatch } from './watch-folders.js';

export interface PreviewOptions {
  data: string;
  year?: string;
  templatesDir?: string;
  /** The requirements to check against: a catalogue id or file; by default the guidance in force for the period. */
  standard?: string;
  /**
   * The port to listen on; if it is busy, that is an error. 0 takes any free port. Left out,
   * DEFAULT_PORT, or if that is busy the next free one of the few after it, or else any free one.
   */
  port?: number;
  /** Told of every rebuild: the problems found, if any, or the fault in the tool that stopped it. */
  onRebuild?: (outcome: RebuildOutcome) => void;
}

export interface RebuildOutcome {
  /** Problems in the data or the files it names; none when the report was rebuilt. */
  problems: Problem[];
  /** A fault in the tool itself (a bug): shown, and the preview goes on. */
  fault?: unknown;
  /** Fields still marked TO DO in the report as rebuilt. */
  toDos: ToDo[];
  /** Whether the page still shows an earlier report, because this rebuild failed. */
  keptEarlier: boolean;
}

export interface Preview {
  url: string;
  /** The address the server listens on: always 127.0.0.1. */
  host: string;
  port: number;
  /** When the port was not given and DEFAULT_PORT was busy: the default it could not have. */
  defaultPortBusy?: number;
  close(): Promise<void>;
}

/** The loopback address the preview listens on, and the only one. */
export const PREVIEW_HOST = '127.0.0.1';

/** The preview's port when none is given, so a bookmark or an open tab keeps working from one day to the next. */
export const DEFAULT_PORT = 4173;
/** How often an open event stream is sent a comment, in ms. */
const HEARTBEAT_MS = 30_000;
/** How many ports after DEFAULT_PORT are tried before any free one is taken. */
const FALLBACK_PORTS = 9;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ttf': 'font/ttf',
};

/**
 * The --port option as a port number, or undefined when it is left out (DEFAULT_PORT, or the
 * next free one). Anything but a whole number from 1 to 65535 is a usage error.
 */
export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
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
        reject(Object.assign(new UsageError(`Port ${port} is already in use on this computer: choose another with --port, or leave --port out to use a free one.`), { busy: true }));
      } else if (error.code === 'EACCES') {
        reject(Object.assign(new UsageError(`Port ${port} needs administrator rights on this computer: choose one above 1023 with --port, or leave --port out to use a free one.`), { busy: true }));
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

/**
 * Listens on the port asked for (busy: an error), or with none asked for, on DEFAULT_PORT, then
 * the few after it, then any free port. Returns the default when it was busy.
 */
async function listenOnSomePort(server: Server, asked: number | undefined): Promise<number | undefined> {
  if (asked !== undefined) {
    await listen(server, asked);
    return undefined;
  }
  for (let port = DEFAULT_PORT; port <= DEFAULT_PORT + FALLBACK_PORTS; port++) {
    try {
      await listen(server, port);
      return port === DEFAULT_PORT ? undefined : DEFAULT_PORT;
    } catch (error) {
      if (!(error as { busy?: boolean }).busy) throw error;
    }
  }
  await listen(server, 0);
  return DEFAULT_PORT;
}

/** What the server shows: the last report that built, and what stopped the latest rebuild, if anything did. */
interface Shown {
  good?: { html: string; assets: Map<string, Buffer | string>; toDos: ToDo[] };
  problems: Problem[];
  fault?: unknown;
}

/** The page as served now: the last good report, with the overlay if the latest rebuild failed. */
function pageFor(shown: Shown): string {
  if (!shown.good) {
    if (shown.fault !== undefined) return faultPage(shown.fault);
    return shown.problems.length > 0 ? problemsPage(shown.problems) : buildingPage();
  }
  const overlay = shown.fault !== undefined ? faultOverlay(shown.fault) : shown.problems.length > 0 ? problemsOverlay(shown.problems) : undefined;
  return previewPage(shown.good.html, { toDos: shown.good.toDos, ...(overlay ? { overlay } : {}) });
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const asked = options.port;
  if (asked !== undefined && (!Number.isInteger(asked) || asked < 0 || asked > 65535)) {
    throw new UsageError(`--port ${asked} is not a port number: give a whole number from 1 to 65535, or leave --port out to use a free one.`);
  }
  await checkFolders(options);

  const shown: Shown = { problems: [] };
  // Each rebuild follows an edit of one file or two: what was worked out from a text that has
  // not changed (its sentences, its Markdown) is kept from one rebuild to the next.
  rememberAcrossRuns();
  const clients = new Set<ServerResponse>();

  let first = true;
  const rebuild = async () => {
    const outcome: RebuildOutcome = { problems: [], toDos: [], keptEarlier: false };
    let built = false;
    try {
      const checked = await check({
        data: options.data,
        ...(options.year ? { year: options.year } : {}),
        ...(options.standard ? { standard: options.standard } : {}),
      });
      outcome.problems = checked.problems;
      if (checked.report) {
        const rendered = await render(checked.report, { ...(checked.compliance ? { compliance: checked.compliance } : {}), draft: true, ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}) });
        shown.good = { html: rendered.html, assets: new Map(rendered.assets.map((asset) => [`/${asset.path}`, asset.content])), toDos: checked.toDos };
        outcome.toDos = checked.toDos;
        built = true;
      }
    } catch (error) {
      // A wrong option (such as an unknown --standard) stops the preview before it starts.
      if (first && error instanceof UsageError) throw error;
      if (error instanceof DataProblemsError) outcome.problems = error.problems;
      else if (error instanceof UserError) outcome.problems = [{ file: options.data, message: error.message }];
      else outcome.fault = error;
    } finally {
      first = false;
    }
    // A report that did not build leaves the last one that did on screen, under the overlay.
    outcome.keptEarlier = !built && shown.good !== undefined;
    shown.problems = outcome.problems;
    shown.fault = outcome.fault;
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
    if (path === EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      // A comment now and then keeps an idle connection from being dropped along the way during a long day.
      const heartbeat = setInterval(() => response.write(': still here\n\n'), HEARTBEAT_MS).unref();
      request.on('close', () => {
        clearInterval(heartbeat);
        clients.delete(response);
      });
      return;
    }
    const content = path === '/' || path === '/index.html' ? pageFor(shown) : shown.good?.assets.get(path);
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
      const defaultPortBusy = await listenOnSomePort(server, asked);
  // Whatever fails from here on must not leave the server holding the process open.
  let watching: FolderWatch | undefined;
  let building = Promise.resolve();
  let stopped = false;
  const stop = async () => {
    stopped = true;
    await watching?.close();
    for (const client of clients) client.end();
    const closed = new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
    server.closeAllConnections();
    await closed;
    await building;
  };

  try {
    await rebuild();
    // One rebuild once things settle after a save (editors often write several times); one at a time.
    // A watched folder that goes away shows as a problem in the page rather than stopping the preview.
    const folders = [options.data, ...(options.templatesDir ? [options.templatesDir] : [])];
    // Saves during a rebuild make one more rebuild after it, however many there were.
    let queued = false;
    watching = await watchFolders(folders, () => {
      if (stopped || queued) return;
      queued = true;
      building = building
        .then(() => {
          queued = false;
          return stopped ? undefined : rebuild();
        })
        // rebuild() reports its own failures; this keeps one in onRebuild from stopping every later rebuild.
        .catch(() => undefined);
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : (asked ?? DEFAULT_PORT);
  return {
    url: `http://${PREVIEW_HOST}:${boundPort}/`,
    host: typeof address === 'object' && address ? address.address : PREVIEW_HOST,
    port: boundPort,
    ...(defaultPortBusy !== undefined ? { defaultPortBusy } : {}),
    close: stop,
  };
}
