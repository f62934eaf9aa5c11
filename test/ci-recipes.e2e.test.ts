/**
 * The CI recipes in examples/ci (GitHub Actions and GitLab CI), run as their CI would run
 * them: the commands are read from the YAML, `npx report` becomes the built CLI, and the
 * CI's expressions and variables are given as a pull request (merge request) and as a push to
 * main (the default branch) would have them. The data has two years, so the site must keep
 * both.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, cliEnv, DEMO, ROOT, runCli, tempDir } from './helpers.js';

interface GithubStep {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
}
type Event = 'pull_request' | 'push';

const github = parse(readFileSync(join(ROOT, 'examples', 'ci', 'publish-report.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: { build: { steps: GithubStep[] }; deploy: { if: string; needs: string } };
};
const gitlab = parse(readFileSync(join(ROOT, 'examples', 'ci', 'gitlab-ci.yml'), 'utf8')) as Record<
  string,
  { script?: string[]; rules?: Array<{ if: string }>; artifacts?: { paths?: string[]; reports?: { junit?: string } } }
>;

const BASE_URL = 'https://kingsmere.github.io/annual-report';
const NODE_CLI = `"${process.execPath}" "${CLI}"`;

/** GitHub's expressions that the recipe uses, as each event has them; any other fails the test. */
function githubExpression(expression: string, event: Event): string | boolean {
  const known: Record<string, string | boolean> = {
    "github.event_name == 'pull_request' && '--draft' || ''": event === 'pull_request' ? '--draft' : '',
    "github.event_name != 'pull_request'": event !== 'pull_request',
    "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'": event === 'push',
    'steps.pages.outputs.base_url': BASE_URL,
  };
  const value = known[expression.trim()];
  if (value === undefined) throw new Error(`The test does not know the expression ${expression}`);
  return value;
}

function githubCommand(run: string, event: Event): string {
  return run.replace(/\$\{\{(.*?)\}\}/g, (_all, expression: string) => String(githubExpression(expression, event))).replace(/\bnpx report\b/g, NODE_CLI);
}

/** The run: steps of the build job that would run on this event (installing excepted). */
function githubSteps(event: Event): GithubStep[] {
  return github.jobs.build.steps.filter((step) => step.run && !/apt-get|npm ci/.test(step.run) && (step.if === undefined || githubExpression(step.if, event) === true));
}

function bash(command: string, cwd: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync('bash', ['-eo', 'pipefail', '-c', command], { cwd, encoding: 'utf8', timeout: 120_000, env: cliEnv(env) });
}

/** Annotations printed, by kind. */
function annotationCounts(stdout: string): Record<string, number> {
  const counts: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  for (const match of stdout.matchAll(/^::(error|warning|notice)\b/gm)) counts[match[1]!]! += 1;
  return counts;
}

/**
 * Every file:line an annotation names: its own file and line, or in a grouped annotation each
 * line it lists ("- line 12: ..." under its file, or "- data/2023-24/voice.yaml:9: ...").
 */
function annotatedPlaces(stdout: string): string[] {
  const places: string[] = [];
  for (const [, properties = '', message = ''] of stdout.matchAll(/^::(?:error|warning|notice)(?: ([^:]*))?::(.*)$/gm)) {
    const file = /(?:^|,)file=([^,]*)/.exec(properties)?.[1];
    const line = /(?:^|,)line=(\d+)/.exec(properties)?.[1];
    const items = message.split('%0A').filter((item) => item.startsWith('- '));
    if (items.length === 0 && file && line) places.push(`${file}:${line}`);
    for (const item of items) {
      const own = /^- line (\d+): /.exec(item);
      const elsewhere = /^- ([^\s:]+):(\d+): /.exec(item);
      if (own && file) places.push(`${file}:${own[1]}`);
      else if (elsewhere) places.push(`${elsewhere[1]}:${elsewhere[2]}`);
    }
  }
  return places;
}

/**
 * A partnership's repository with two years: 2022-23 as the demo has it and 2023-24, both
 * ready to publish (main's state), or 2023-24 just started with `report new-year` and full of
 * TO DOs (a pull request's state).
 */
function repository(latest: 'ready' | 'started'): string {
  const repo = tempDir('report-ci-');
  const data = join(repo, 'data');
  cpSync(DEMO, data, { recursive: true });
  if (latest === 'ready') {
    cpSync(join(data, '2022-23'), join(data, '2023-24'), { recursive: true });
    const report = join(data, '2023-24', 'report.yaml');
    writeFileSync(
      report,
      readFileSync(report, 'utf8')
        .replace(/^title: Annual report 2022-23$/m, 'title: Annual report 2023-24')
        .replace(/^ {2}start: 2022-04-01$/m, '  start: 2023-04-01')
        .replace(/^ {2}end: 2023-03-31$/m, '  end: 2024-03-31'),
    );
  } else {
    const started = runCli(['new-year', '2023-24', '--data', data]);
    expect(started.status, started.stderr).toBe(0);
  }
  writeFileSync(join(repo, 'package.json'), '{ "name": "kingsmere-annual-report", "private": true }\n');
  return repo;
}

describe('the GitHub Actions recipe', () => {
  it('runs on pushes to main and on pull requests, and deploys only from main', () => {
    expect(Object.keys(github.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(github.jobs.deploy.needs).toBe('build');
    expect(githubExpression(github.jobs.deploy.if, 'push')).toBe(true);
    expect(githubExpression(github.jobs.deploy.if, 'pull_request')).toBe(false);
    expect(githubSteps('pull_request').map((step) => step.name)).toEqual(['Check the data and the statutory requirements']);
    expect(githubSteps('push').map((step) => step.name)).toEqual(['Check the data and the statutory requirements', 'Build every year into the site, with its PDF', 'Send visitors to the latest year']);
    // Nothing GitHub-only is left in the commands the test runs.
    for (const event of ['push', 'pull_request'] as const) for (const step of githubSteps(event)) expect(githubCommand(step.run!, event)).not.toContain('${{');
  });

  describe('on a push to main, with two years ready', () => {
    let repo: string;
    let summary: string;
    const results: Array<{ name: string; status: number | null; stdout: string; stderr: string }> = [];
    beforeAll(() => {
      repo = repository('ready');
      summary = join(repo, 'step-summary.md');
      writeFileSync(summary, '');
      for (const step of githubSteps('push')) {
        const result = bash(githubCommand(step.run!, 'push'), repo, { GITHUB_STEP_SUMMARY: summary });
        results.push({ name: step.name!, status: result.status, stdout: result.stdout, stderr: result.stderr });
        if (result.status !== 0) break;
      }
    }, 90_000);

    it('every step succeeds', () => {
      expect(results.map(({ name, status, stderr }) => ({ name, status, stderr: status === 0 ? '' : stderr }))).toEqual(
        githubSteps('push').map((step) => ({ name: step.name, status: 0, stderr: '' })),
      );
    });

    it('builds both years into the site, each with its web page and PDF, and the front page sends visitors to the latest', () => {
      expect(readdirSync(join(repo, 'public')).sort()).toEqual(['2022-23', '2023-24', 'index.html']);
      for (const year of ['2022-23', '2023-24']) {
        const files = readdirSync(join(repo, 'public', year));
        expect(files).toContain('index.html');
        expect(files).toContain(`kingsmere-safeguarding-children-partnership-annual-report-${year}.pdf`);
        expect(readFileSync(join(repo, 'public', year, 'index.html'), 'utf8')).toContain(`<link rel="canonical" href="${BASE_URL}/${year}/">`);
      }
      const front = readFileSync(join(repo, 'public', 'index.html'), 'utf8');
      expect(front).toContain('url=2023-24/');
      expect(front).toContain('<a href="2023-24/">');
    });

    it('writes the compliance summary and the years published to the job page', () => {
      const text = readFileSync(summary, 'utf8');
      expect(text).toMatch(/^## Annual report 2023\\-24: ready to publish$/m);
      expect(text).toMatch(/^\| 17 \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \|$/m);
      expect(text).toContain('### Published\n\n- 2022-23\n- 2023-24\n');
      expect(annotationCounts(results[0]!.stdout)).toEqual({ error: 0, warning: expect.any(Number), notice: expect.any(Number) });
    });
  });

  describe('on a pull request, with the latest year just started', () => {
    let repo: string;
    let summary: string;
    let validate: ReturnType<typeof bash>;
    beforeAll(() => {
      repo = repository('started');
      summary = join(repo, 'step-summary.md');
      const [step] = githubSteps('pull_request');
      validate = bash(githubCommand(step!.run!, 'pull_request'), repo, { GITHUB_STEP_SUMMARY: summary });
    }, 60_000);

    it('passes, as the data is well formed, and builds nothing', () => {
      expect(validate.status, validate.stderr).toBe(0);
      expect(existsSync(join(repo, 'public'))).toBe(false);
    });

    it('annotates at most 10 of each kind, grouping the rest so every place is still named', () => {
      const counts = annotationCounts(validate.stdout);
      for (const kind of ['error', 'warning', 'notice']) expect(counts[kind], kind).toBeLessThanOrEqual(10);
      // 45 fields are still TO DO: each place is in some annotation, none dropped.
      const toDos = readFileSync(summary, 'utf8').match(/^- `data\/2023-24\/[a-z-]+\.yaml:\d+` /gm) ?? [];
      expect(toDos.length).toBeGreaterThan(30);
      const places = annotatedPlaces(validate.stdout);
      for (const item of toDos) expect(places, item).toContain(/`(.*)`/.exec(item)![1]);
    });

    it('lists what is left on the job page: not ready, the counts, every TO DO with its file:line', () => {
      const text = readFileSync(summary, 'utf8');
      expect(text).toMatch(/^## Annual report 2023\\-24: not ready to publish$/m);
      expect(text).toMatch(/^- \d+ fields still marked TO DO$/m);
      expect(text).toContain('| Requirements | Met | Partly met | Not met | Not applicable | To do at publication | Checked by hand |');
      expect(text).toMatch(/^### Still marked TO DO \(\d+\)$/m);
      expect(text).toMatch(/^- `data\/2023-24\/report\.yaml:\d+` foreword\.author\.name: full name$/m);
    });

    it('the same data fails main\'s check: a year still being written is not published', () => {
      const [step] = githubSteps('push');
      const result = bash(githubCommand(step!.run!, 'push'), repo, { GITHUB_STEP_SUMMARY: join(repo, 'main-summary.md') });
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/^Not ready to publish: \d+ fields still marked TO DO; /m);
      expect(result.stdout).toMatch(/^::error title=Not ready to publish::\d+ fields still marked TO DO; /m);
      expect(annotationCounts(result.stdout).error).toBeLessThanOrEqual(10);
    }, 30_000);
  });
});

describe('the GitLab CI recipe', () => {
  /** A job's script as GitLab runs it: the lines in one shell, stopping at the first that fails. */
  const script = (job: string) => gitlab[job]!.script!.join('\n').replace(/\bnpx report\b/g, NODE_CLI);

  it('checks merge requests, and builds and publishes with GitLab Pages from the default branch', () => {
    expect(gitlab['check']!.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(gitlab['check']!.artifacts!.reports!.junit).toBe('compliance.xml');
    expect(gitlab['pages']!.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(gitlab['pages']!.artifacts!.paths).toEqual(['public']);
    expect(script('check')).toContain('--draft');
    expect(script('pages')).toContain('build --all --out public');
  });

  it('on a merge request with the latest year just started: passes, and writes the JUnit report', () => {
    const repo = repository('started');
    const result = bash(script('check'), repo, { CI_PIPELINE_SOURCE: 'merge_request_event' });
    expect(result.status, result.stderr).toBe(0);
    const junit = readFileSync(join(repo, 'compliance.xml'), 'utf8');
    expect(junit).toMatch(/^<testsuites name="report validate" tests="\d+" failures="\d+" errors="0" skipped="\d+">$/m);
    expect(result.stdout).toMatch(/still to do:/);
    // Problems in the data fail it.
    const report = join(repo, 'data', '2023-24', 'report.yaml');
    writeFileSync(report, readFileSync(report, 'utf8').replace(/end: 2024-03-31/, 'end: 31/03/2024'));
    const broken = bash(script('check'), repo, { CI_PIPELINE_SOURCE: 'merge_request_event' });
    expect(broken.status).toBe(1);
    expect(readFileSync(join(repo, 'compliance.xml'), 'utf8')).toContain('<testcase classname="data" name="data/2023-24/report.yaml period.end"><failure');
  }, 60_000);

  it('on the default branch: builds both years into public/, the front page sending visitors to the latest', () => {
    const repo = repository('ready');
    // The web pages only: the GitHub run above prints the PDFs.
    const pages = script('pages').replace('build --all --out public', 'build --all --format html --out public');
    const result = bash(pages, repo, { CI_PAGES_URL: 'https://kingsmere.gitlab.io/annual-report', CI_COMMIT_BRANCH: 'main', CI_DEFAULT_BRANCH: 'main' });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(repo, 'public')).sort()).toEqual(['2022-23', '2023-24', 'index.html']);
    for (const year of ['2022-23', '2023-24']) {
      expect(readFileSync(join(repo, 'public', year, 'index.html'), 'utf8')).toContain(`<link rel="canonical" href="https://kingsmere.gitlab.io/annual-report/${year}/">`);
    }
    expect(readFileSync(join(repo, 'public', 'index.html'), 'utf8')).toContain('url=2023-24/');
  }, 60_000);
});
