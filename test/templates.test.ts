import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/render/html.js';
import { demoReport } from './report-fixture.js';
import { buildView } from '../src/render/view-model.js';
import { themeFor } from '../src/render/theme.js';
import { tempDir } from './helpers.js';

describe('templates', () => {
  it('cannot reach prototypes or run code, even in a partnership\'s own template', async () => {
    const report = await demoReport();
    const view = buildView(report, { theme: themeFor(report.partnership), stylesheetHref: 'assets/report.css' });
    const templates = tempDir();
    mkdirSync(join(templates, 'partials'));
    writeFileSync(
      join(templates, 'report.hbs'),
      '[{{constructor.name}}][{{__proto__.constructor}}][{{lookup this "constructor"}}][{{#with constructor}}{{constructor}}{{/with}}][{{title}}]',
    );
    expect(await renderHtml(view, templates)).toBe('[][][][][Annual report 2022-23]');
  });
});
