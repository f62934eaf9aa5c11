/**
 * `report doctor`: checks this machine can build a report, and says how to fix what it cannot:
 * Node.js, the browser (where, which version, whether it prints), the shipped fonts, and the
 * canvas library the charts are drawn with.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { FONT_FILES } from './render/theme.js';
import { BROWSER_ENV, findBrowser, INSTALL_STEPS } from './write/browser/find-browser.js';

export interface Finding {
  ok: boolean;
  what: string;
  fix?: string;
}

async function check(what: string, test: () => Promise<string>, fix: string): Promise<Finding> {
  try {
    return { ok: true, what: `${what}: ${await test()}` };
  } catch (error) {
    return { ok: false, what: `${what}: ${(error as Error).message.split('\n')[0]}`, fix };
  }
}

export async function doctor(options: { browser?: string } = {}): Promise<Finding[]> {
  const findings: Finding[] = [];
  findings.push(
    await check(
      'Node.js',
      async () => {
        const major = Number(process.versions.node.split('.')[0]);
        if (major < 20) throw new Error(`${process.version} is too old`);
        return process.version;
      },
      'install Node.js 20 or later (https://nodejs.org, or your system\'s package manager)',
    ),
  );
  let browserPath: string | undefined;
  findings.push(
    await check(
      'Browser',
      async () => {
        const found = await findBrowser(options.browser === undefined ? {} : { explicit: options.browser });
        browserPath = found.path;
        const { stdout } = await promisify(execFile)(found.path, ['--version'], { timeout: 20_000 });
        return `${stdout.trim()} at ${found.path} (found by ${found.source})\n         chosen because it was ${found.reason}; report looks at --browser, ${BROWSER_ENV.join(', ')}, report browser install, then where browsers are usually installed`;
      },
      INSTALL_STEPS.map(([system, step]) => `${system}:  ${step}`).join('; '),
    ),
  );
  findings.push(
    await check(
      'Fonts',
      async () => {
        const missing = FONT_FILES.filter((font) => !existsSync(font.file));
        if (missing.length) throw new Error(`${missing.length} font files are missing`);
        return `Atkinson Hyperlegible, ${FONT_FILES.length} styles, shipped with report`;
      },
      'run npm ci in the report folder to install the font package',
    ),
  );
  findings.push(
    await check(
      'Charts',
      async () => {
        const { drawWide } = await import('./render/charts.js');
        const { chartSpec } = await import('./render/chart-spec.js');
        const { themeFor } = await import('./render/theme.js');
        const theme = themeFor({ name: 'x', area: 'x', safeguarding_partners: [] } as never);
        await drawWide(chartSpec({ id: 'doctor', kind: 'grouped-bar', labels: ['a'], datasets: [{ label: 'a', values: [1], colour: '#000000' }], unit: 'count', alt: 'x' }), theme);
        return 'a test chart was drawn';
      },
      'install the libraries canvas needs (Debian: sudo apt-get install -y libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev), then npm rebuild canvas',
    ),
  );
  if (browserPath) {
    findings.push(
      await check(
        'Printing',
        async () => {
          const { launchBrowser, closeBrowser } = await import('./write/browser/launch-browser.js');
          const { browser } = await launchBrowser(browserPath);
          try {
            const page = await browser.newPage();
            await page.setContent('<!doctype html><html lang="en-GB"><title>Test</title><p>A test page.</p></html>');
            const pdf = await page.pdf({ format: 'A4', tagged: true });
            if (Buffer.from(pdf.subarray(0, 5)).toString() !== '%PDF-') throw new Error('the browser did not produce a PDF');
            return `a test page printed (${pdf.length} bytes)`;
          } finally {
            await closeBrowser(browser);
          }
        },
        'if the browser will not start as root or in a container, check that it is a full Chrome or Chromium; run report doctor again to see its message',
      ),
    );
  }
  return findings;
}
