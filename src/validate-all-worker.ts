/**
 * A worker thread of `report validate --all` (validate-all.ts): checks each report it is sent,
 * as the main thread does, and sends back the outcome. It loads the modules and reads the
 * catalogues once, for all the reports it checks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkOne, type CheckOneOptions, type Target } from './validate-all.js';

const options = workerData as CheckOneOptions;
parentPort!.on('message', (message: { index: number; target: Target }) => {
  // A fault (a bug in the tool) is thrown unhandled: the main thread hears of it as an error.
  void checkOne(message.target, options).then((report) => parentPort!.postMessage({ index: message.index, report }));
});
