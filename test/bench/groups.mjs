// What the bench records: groups of runs measured in the same rounds (a report with its floor
// and peers; the batch with its floor; validation with Node's own start-up; the edit), each run
// a row with one time per round, the ratios between rows taken round by round, and the
// targets the figures are judged against.
import { median } from './measure.mjs';

export class Row {
  constructor(key, label, unavailable) {
    this.key = key;
    this.label = label;
    /** Why the row is not measured at all, when it is not. */
    this.unavailable = unavailable;
    /** Round → the runs of that round ({ ms, value, count? }): one, or several for the edit. */
    this.rounds = [];
    /** Pages of the PDFs it wrote (a set: one number when every run agrees). */
    this.pages = new Set();
    /** Exit codes seen other than failures (validate: 0 ready, 1 not ready to publish). */
    this.codes = new Set();
    /** Reports built in a run (the batch). */
    this.counts = new Set();
  }

  record(round, result, perReport) {
    const value = perReport ? result.ms / result.count : result.ms;
    (this.rounds[round] ??= []).push({ ms: result.ms, value, count: result.count });
    if (result.pages !== undefined) this.pages.add(result.pages);
    if (result.count !== undefined) this.counts.add(result.count);
  }

  /** The value of a round (the median of its runs when it has several), or undefined. */
  roundValue(round) {
    const runs = this.rounds[round];
    return runs?.length ? median(runs.map((run) => run.value)) : undefined;
  }

  /** Every value measured, each run on its own. */
  values() {
    return this.rounds.flatMap((runs) => (runs ?? []).map((run) => run.value));
  }

  /** Whole-run times (the batch's, before dividing by the reports built). */
  times() {
    return this.rounds.flatMap((runs) => (runs ?? []).map((run) => run.ms));
  }

  get measured() {
    return this.values().length > 0;
  }
}

export class Group {
  constructor(title) {
    this.title = title;
    this.rows = new Map();
    this.ratios = [];
    this.targets = [];
    this.memory = [];
    /** Values are a run's time over the reports it built (the batch). */
    this.perReport = false;
  }

  add(key, label, unavailable) {
    const row = new Row(key, label, unavailable);
    const record = row.record.bind(row);
    row.record = (round, result) => record(round, result, this.perReport);
    this.rows.set(key, row);
    return row;
  }

  row(key) {
    return this.rows.get(key);
  }

  /** A ratio of two rows, taken within each round, with an optional target. */
  ratio(numerator, denominator, label, target) {
    this.ratios.push({ numerator, denominator, label, target });
  }

  /** A target on a row's own median value (milliseconds). */
  target(key, target) {
    this.targets.push({ key, target });
  }

  /** The ratio numerator ÷ denominator of each round where both were measured. */
  ratioValues(numerator, denominator) {
    const a = this.row(numerator);
    const b = this.row(denominator);
    const values = [];
    for (let round = 0; round < Math.max(a.rounds.length, b.rounds.length); round++) {
      const x = a.roundValue(round);
      const y = b.roundValue(round);
      if (x !== undefined && y !== undefined) values.push(x / y);
    }
    return values;
  }

  /** The ratio whose numerator is this row, if any. */
  ratioOf(key) {
    return this.ratios.find((ratio) => ratio.numerator === key);
  }
}
