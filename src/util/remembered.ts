/**
 * Work repeated on the same input within one run (every check that reads the narrative splits
 * the same fields into sentences; every clause is compared with every indicator; several checks
 * ask what is left of a field once placeholders are set aside), remembered while a run is under
 * way, inside whileRemembering(), and forgotten when it ends: so nothing is carried from one
 * report to the next, and what one report costs never depends on what came before it in the
 * same process. Outside a run nothing is remembered.
 *
 * The preview rebuilds the same report after each edit, where most fields are as they were:
 * there, rememberAcrossRuns() keeps what was worked out from a text (not from a report) from
 * one rebuild to the next, up to a bound.
 */
interface Memory {
  results: Map<unknown, unknown>;
  /** Keyed by a whole report: never kept beyond its run. */
  perRun: boolean;
}

const memories: Memory[] = [];
let running = 0;
let lasting = false;
/** Past this many results, a lasting memory starts afresh. */
const LASTING_LIMIT = 20_000;

/** `work`, remembered by its argument during a run; results are shared, so must not be changed. */
export function rememberedBy<K, T>(work: (key: K) => T, options: { perRun?: boolean } = {}): (key: K) => T {
  const memory: Memory = { results: new Map(), perRun: options.perRun === true };
  memories.push(memory);
  return (key) => {
    if (running === 0 && (!lasting || memory.perRun)) return work(key);
    const { results } = memory;
    let result = results.get(key) as T | undefined;
    if (result === undefined) {
      result = work(key);
      if (results.size >= LASTING_LIMIT) results.clear();
      results.set(key, result);
    }
    return result;
  };
}

/** Runs `work` (one report's checks, say) with repeated work remembered, and forgets it after. */
export function whileRemembering<T>(work: () => T): T {
  running++;
  try {
    return work();
  } finally {
    running--;
    if (running === 0) for (const memory of memories) if (memory.perRun || !lasting) memory.results.clear();
  }
}

/** From now on in this process, what is worked out from a text is kept between runs (the preview). */
export function rememberAcrossRuns(): void {
  lasting = true;
}
