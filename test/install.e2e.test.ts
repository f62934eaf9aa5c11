/**
 * Issue 16, a package that installs anywhere: packs the tool as npm would publish it, installs
 * the tarball into a new, empty folder as a partnership's own repository would (this machine
 * reaches nothing but the npm registry, as on a council network), and runs init, validate and
 * build there with `npx report`, printing with the system browser the search finds.
 *
 * Slow: the install builds canvas from source when no prebuilt binary can be fetched (about
 * 40 s here). Everything runs once, in beforeAll.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';
import { diagnose } from './yaml-language-server.js';

const NAME = 'safeguarding-annual-report';

/** The environment without what npm and npx set for the process running the tests (npm_config_*, npm_package_*), which would point npm back at this repository. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  delete env.INIT_CWD;
  return { ...env, ...extra };
}

let root: string;
let project: string;
let tarball: string;
let env: NodeJS.ProcessEnv;
const timings: Record<string, number> = {};

function run(label: string, command: string, args: string[], cwd: string, timeout = 240_000): SpawnSyncReturns<string> {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  timings[label] = Date.now() - started;
  return result;
}

function ok(result: SpawnSyncReturns<string>): string {
  if (result.status !== 0) throw new Error(`exit ${result.status ?? result.signal}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Every file under a folder, as paths. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

beforeAll(() => {
  root = tempDir('report-install-');
  project = join(root, 'kingsmere-annual-report');
  // A new user's caches: nothing drawn, no browser fetched, no package downloaded before, so
  // every package comes from the registry now.
  env = cleanEnv({ REPORT_CACHE_DIR: join(root, 'report-cache'), npm_config_cache: join(root, 'npm-cache'), npm_config_update_notifier: 'false' });
  // What npm's pack and publish run first, without compiling again: `npm test` has just
  // compiled build/ (prepare), and prepack removes compiled files whose source is gone.
  ok(run('prune build', process.execPath, [join(ROOT, 'scripts', 'prune-build.mjs')], ROOT));
  const packed = ok(run('npm pack', 'npm', ['pack', '--ignore-scripts', '--pack-destination', root, '--json'], ROOT));
  tarball = join(root, (JSON.parse(packed.slice(packed.indexOf('['))) as { filename: string }[])[0]!.filename);
  ok(spawnSync('mkdir', ['-p', project], { encoding: 'utf8' }));
  ok(run('npm init', 'npm', ['init', '-y'], project));
  ok(run('npm install', 'npm', ['install', tarball, '--no-audit', '--no-fund'], project, 280_000));
}, 300_000);

// About 200 MB: the installed folder and its npm cache.
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});

describe('the packed tool, installed in a partnership\'s own repository', () => {
  it('packs only what a user needs: the compiled tool, templates, schemas, CI recipes', () => {
    const listed = ok(spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' })).trim().split('\n');
    expect(listed.length).toBeLessThan(400);
    const folders = new Set(listed.map((path) => path.split('/').slice(1, 2).join('')));
    expect([...folders].sort()).toEqual(['README.md', 'build', 'examples', 'package.json', 'schemas', 'templates']);
    expect(listed).toContain('package/build/cli.js');
    expect(listed.filter((path) => /\.map$|\.test\.|^package\/(src|test|data|dist)\//.test(path))).toEqual([]);
  });

  it('installs from the npm registry alone, with no browser downloaded', () => {
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).dependencies).toHaveProperty(NAME);
    expect(existsSync(join(project, 'node_modules', '.bin', 'report'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'puppeteer-core'))).toBe(true);
    // puppeteer (not -core) would have downloaded Chrome from outside during the install.
    expect(existsSync(join(project, 'node_modules', 'puppeteer'))).toBe(false);
    expect(existsSync(join(root, 'report-cache', 'browsers'))).toBe(false);
    console.log(`install.e2e timings (ms): ${JSON.stringify(timings)}`);
  });

  it('runs init, validate --draft, and builds the HTML and the PDF from that folder', () => {
    expect(ok(run('report --version', 'npx', ['report', '--version'], project)).trim()).toBe(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
    ok(run('report init', 'npx', ['report', 'init', 'data', '--name', 'Kingsmere Safeguarding Children Partnership', '--area', 'Kingsmere', '--year', '2023-24'], project));
    expect(existsSync(join(project, 'data', 'partnership.yaml'))).toBe(true);

    ok(run('report validate --draft', 'npx', ['report', 'validate', '--draft'], project));

    ok(run('report build --format html', 'npx', ['report', 'build', '--draft', '--format', 'html'], project));
    const html = filesUnder(join(project, 'dist')).filter((file) => file.endsWith('.html'));
    expect(html.length).toBeGreaterThan(0);
    expect(filesUnder(join(project, 'dist')).filter((file) => file.endsWith('.pdf'))).toEqual([]);

    const full = run('report build', 'npx', ['report', 'build', '--draft'], project);
    ok(full);
    const pdfs = filesUnder(join(project, 'dist')).filter((file) => file.endsWith('.pdf'));
    expect(pdfs.length).toBe(1);
    expect(readFileSync(pdfs[0]!).subarray(0, 5).toString()).toBe('%PDF-');
    console.log(`install.e2e timings (ms): ${JSON.stringify(timings)}`);
  }, 300_000);

  it('report doctor names the browser it chose and why', () => {
    const doctor = run('report doctor', 'npx', ['report', 'doctor'], project);
    expect(doctor.stdout).toMatch(/^ok +Browser: .* at \/\S+ \(found by system\)\n +chosen because it was installed on this computer; report looks at --browser, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, report browser install, then/m);
  }, 120_000);

  it('yaml-language-server (VS Code\'s YAML engine) follows a $schema line from that folder and speaks plainly', async () => {
    const file = join(project, 'data', '2023-24', 'report.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^ {2}start: 2023-04-01$/m);
    const diagnostics = await diagnose(project, file, text.replace(/^( {2}start: )2023-04-01$/m, '$12023-31-04'));
    const line = text.split('\n').findIndex((row) => row.startsWith('  start: '));
    const found = diagnostics.filter((diagnostic) => diagnostic.range.start.line === line);
    // The editor's message is the command line's, not the schema's pattern.
    expect(found.map((diagnostic) => diagnostic.message)).toContain('expected a date like 2023-03-31 (year-month-day)');
    expect(diagnostics.map((diagnostic) => diagnostic.message).join('\n')).not.toMatch(/does not match the pattern|\^\(\\d/);
  }, 60_000);

  it('writes $schema lines that resolve, from each YAML file, to a schema inside that folder', () => {
    const yaml = filesUnder(join(project, 'data')).filter((file) => /\.ya?ml$/.test(file));
    expect(yaml.length).toBeGreaterThan(5);
    const lines = yaml.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^# yaml-language-server: \$schema=(\S+)$/gm)].map((match) => ({ file, schema: match[1]! })),
    );
    expect(lines.length).toBeGreaterThanOrEqual(yaml.length - 1);
    for (const { file, schema } of lines) {
      const target = resolve(dirname(file), schema);
      const where = `${relative(project, file)}: ${schema}`;
      expect(target.startsWith(project + sep), where).toBe(true);
      expect(target.includes(`${sep}node_modules${sep}${NAME}${sep}schemas${sep}`), where).toBe(true);
      expect(existsSync(target) && statSync(target).isFile(), where).toBe(true);
    }
  });
});
