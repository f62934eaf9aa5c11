/** What the commands print: progress in a log, nothing with --quiet, a summary with --json; report doctor. */
import { describe, expect, it } from 'vitest';
import { DEMO, runCli, tempDir } from './helpers.js';

describe('report build output', () => {
  it('in a log (not a terminal): one plain line a stage, then what it wrote', () => {
    const run = runCli(['build', '--data', DEMO, '--out', tempDir(), '--format', 'html']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Loading the data\.\.\.\nChecking the data and the statutory requirements\.\.\.\nDrawing the charts: \d+\.\.\.\nWriting the web page\.\.\.\nWrote .*index\.html\n$/);
  }, 60_000);

  it('--quiet prints nothing; --json prints a summary a script can read', () => {
    const quiet = runCli(['build', '--data', DEMO, '--out', tempDir(), '--format', 'html', '--quiet']);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout + quiet.stderr).toBe('');
    const out = tempDir();
    const json = runCli(['build', '--data', DEMO, '--out', out, '--format', 'html', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ year: '2022-23', html: `${out}/2022-23/index.html`, pdf: null, warnings: [], seconds: expect.any(Number) });
  }, 60_000);
});

describe('every command', () => {
  it.each(['validate', 'build', 'preview', 'init', 'new-year', 'doctor', 'schema'])('%s --help has examples', (command) => {
    const run = runCli([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\nExamples:\n {2}report /);
  });
});

describe('report doctor', () => {
  it('reports Node, the browser with its version, the fonts, the charts and a test print', () => {
    const run = runCli(['doctor']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ok {7}Node\.js: v\d+/m);
    expect(run.stdout).toMatch(/^ok {7}Browser: .*(Chromium|Chrome).* at \/\S+ \(found by \w+\)$/m);
    expect(run.stdout).toMatch(/^ok {7}Printing: a test page printed/m);
    expect(run.stdout).toContain('This machine can build reports.');
  }, 60_000);

  it('says how to fix a missing browser, and exits 1', () => {
    const run = runCli(['doctor', '--browser', '/nowhere/chromium']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^PROBLEM {2}Browser: The browser given with --browser does not exist: \/nowhere\/chromium\n {9}how to fix: Debian or Ubuntu: +sudo apt-get install -y chromium/m);
  });
});
