/**
 * How `report build` shows its progress: one line that updates itself on a terminal, plain
 * lines in a CI log, nothing with --quiet.
 */
import type { BuildProgress } from './build.js';

const WORDS: Record<BuildProgress['stage'], string> = {
  loading: 'Loading the data',
  checking: 'Checking the data and the statutory requirements',
  charts: 'Drawing the charts',
  writing: 'Writing the web page',
  printing: 'Printing the PDF',
  waiting: 'Waiting for another build to finish writing to the same folder',
  done: 'Done',
};

export function progressReporter(stream: NodeJS.WriteStream, mode: 'terminal' | 'lines' | 'quiet'): (progress: BuildProgress) => void {
  if (mode === 'quiet') return () => undefined;
  let last = '';
  return (progress) => {
    const words = progress.stage === 'charts' ? `${WORDS.charts} ${progress.done}/${progress.total}` : WORDS[progress.stage];
    if (mode === 'terminal') {
      stream.write(`\r\x1b[2K${words}${progress.stage === 'done' ? '\n' : '...'}`);
    } else if (progress.stage !== last && progress.stage !== 'done') {
      // In a log, one line as each stage starts (so a log shows where a build stopped).
      stream.write(`${progress.stage === 'charts' ? `${WORDS.charts}: ${progress.total}` : words}...\n`);
    }
    last = progress.stage;
  };
}
