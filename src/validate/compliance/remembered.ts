/**
 * Text work the checks repeat on the same text (every check that reads the narrative splits
 * the same fields into sentences; every clause is compared with every indicator; several
 * checks ask what is left of a field once placeholders are set aside), remembered while one
 * report's checks run, inside whileChecking(), and forgotten when they end: so nothing is
 * remembered across reports or edits, and what one report costs never depends on what was
 * checked before it in the same process. Outside whileChecking() nothing is remembered.
 */
const memories: Array<Map<unknown, unknown>> = [];
let checking = false;

/** `work`, remembered by its argument while checking; results are shared, so must not be changed. */
export function rememberedBy<K, T>(work: (key: K) => T): (key: K) => T {
  const results = new Map<K, T>();
  memories.push(results as Map<unknown, unknown>);
  return (key) => {
    if (!checking) return work(key);
    let result = results.get(key);
    if (result === undefined) {
      result = work(key);
      results.set(key, result);
    }
    return result;
  };
}

/** Runs one report's checks with the text work remembered, and forgets it after. */
export function whileChecking<T>(checks: () => T): T {
  const outer = checking;
  checking = true;
  try {
    return checks();
  } finally {
    checking = outer;
    if (!outer) for (const results of memories) results.clear();
  }
}
