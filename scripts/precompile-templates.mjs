// After tsc: compiles the bundled templates to JavaScript once, at build time, so a build need
// not parse, check and compile them every run (about 0.2 s). The result, beside html.js, is used
// only while the templates in templates/ are the ones it was made from (render/html.ts).
import { writeFileSync } from 'node:fs';

const { precompileBundledTemplates } = await import(new URL('../build/render/html.js', import.meta.url).href);
writeFileSync(new URL('../build/render/bundled-templates.js', import.meta.url), await precompileBundledTemplates());
