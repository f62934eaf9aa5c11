/**
 * `report preview`: the report as a web page on this computer, rebuilt whenever the data or
 * the templates change, with open browsers reloading themselves. Problems in the data show in
 * the page as well as the terminal. Only the HTML is built (no PDF), so a rebuild is quick.
 */
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { load } from '../load/load-report.js';
import { formatProblems, type Problem } from '../problems.js';
import { render } from '../render/render-report.js';
import { checkCompliance } from '../validate/compliance/check-compliance.js';
import { validate } from '../validate/validate-report.js';

export interface PreviewOptions {
  data: string;
  year?: string;
  templatesDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Told of every rebuild: the problems found, if any. */
  onRebuild?: (problems: Problem[]) => void;
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

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

function problemsPage(problems: Problem[]): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Problems in the data</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}pre{white-space:pre-wrap;background:#fff4e5;border-left:4px solid #a23b12;padding:1rem}</style></head>
<body><main><h1>The report cannot be shown yet</h1><p>Fix these problems in the data and save: this page reloads by itself.</p>
<pre>${escapeHtml(formatProblems(problems))}</pre></main>${RELOAD}</body></html>`;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  let page = '';
  let assets = new Map<string, Buffer | string>();
  const clients = new Set<ServerResponse>();

  const rebuild = async () => {
    let problems: Problem[] = [];
    try {
      const loaded = await load({ data: options.data, ...(options.year ? { year: options.year } : {}) });
      const result = validate(loaded);
      problems = result.problems;
      if (result.report) {
        const compliance = await checkCompliance(result.report);
        const rendered = await render(result.report, { compliance, draft: true, ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}) });
        page = rendered.html.replace('</body>', `${RELOAD}</body>`);
        assets = new Map(rendered.assets.map((asset) => [`/${asset.path}`, asset.content]));
      } else {
        page = problemsPage(problems);
      }
    } catch (error) {
      problems = [{ file: options.data, message: (error as Error).message }];
      page = problemsPage(problems);
    }
    for (const client of clients) client.write('data: reload\n\n');
    options.onRebuild?.(problems);
  };
  await rebuild();

  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === '/__report/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const content = path === '/' || path === '/index.html' ? page : assets.get(path);
    if (content === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(content);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  // Rebuild once things settle after a save (editors often write several times).
  let timer: NodeJS.Timeout | undefined;
  let building = Promise.resolve();
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (building = building.then(rebuild)), 150);
  };
  const watchers: FSWatcher[] = [options.data, ...(options.templatesDir ? [options.templatesDir] : [])].map((dir) => watch(dir, { recursive: true }, changed));

  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await building;
    },
  };
}
