/**
 * Asks yaml-language-server (the engine of VS Code's YAML extension, run as editors run it, over
 * stdio) what it says about a YAML file: it follows the file's own `# yaml-language-server:
 * $schema=...` line, so an answer that uses the schema shows the line resolves from where the
 * file is. No schema store, no network.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export interface Diagnostic {
  message: string;
  range: { start: { line: number; character: number } };
  severity?: number;
}

/** The diagnostics the server publishes for `file` when it is opened with `text` in it. */
export async function diagnose(workspace: string, file: string, text: string, timeoutMs = 30_000): Promise<Diagnostic[]> {
  const server = spawn(process.execPath, [join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const uri = pathToFileURL(file).href;
  let id = 0;
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const settings = { yaml: { validate: true, hover: false, completion: false, schemaStore: { enable: false }, schemas: {} } };
  try {
    return await new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`yaml-language-server said nothing about ${file} within ${timeoutMs} ms`)), timeoutMs);
      let buffer = Buffer.alloc(0);
      let opened = false;
      let settle: NodeJS.Timeout | undefined;
      server.on('error', reject);
      server.stdout.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
          const headerEnd = buffer.indexOf('\r\n\r\n');
          if (headerEnd === -1) return;
          const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
          if (buffer.length < headerEnd + 4 + length) return;
          const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as { id?: number; method?: string; params?: { uri?: string; diagnostics?: Diagnostic[] }; result?: unknown };
          buffer = buffer.subarray(headerEnd + 4 + length);
          if (message.method === 'workspace/configuration') send({ id: message.id, result: [settings.yaml] });
          else if (message.method && message.id !== undefined) send({ id: message.id, result: null });
          else if (message.id === 1 && !opened) {
            opened = true;
            send({ method: 'initialized', params: {} });
            send({ method: 'workspace/didChangeConfiguration', params: { settings } });
            send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
          } else if (message.method === 'textDocument/publishDiagnostics' && message.params?.uri === uri) {
            // The first answer can come before the schema is read: wait a moment for a second.
            const diagnostics = message.params.diagnostics ?? [];
            clearTimeout(settle);
            if (diagnostics.length > 0) {
              clearTimeout(timer);
              resolve(diagnostics);
            } else {
              settle = setTimeout(() => {
                clearTimeout(timer);
                resolve(diagnostics);
              }, 3_000);
            }
          }
        }
      });
      send({
        id: ++id,
        method: 'initialize',
        params: { processId: process.pid, rootUri: pathToFileURL(workspace).href, workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'repository' }], capabilities: { workspace: { configuration: true } } },
      });
    });
  } finally {
    server.kill();
  }
}
