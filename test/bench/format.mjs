// The bench's report, in Markdown: a line on the machine, a table per group, the targets met
// and not met, how each run was made, and anything that could not be measured.
import { median, mib, range, ratio, seconds } from './measure.mjs';

const GB = 1e9;
const cell = (text) => String(text ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
const pages = (row) => (row.pages.size ? [...row.pages].sort((a, b) => a - b).join(', ') : '–');
const percent = (part, whole) => `${Math.round((part / whole) * 100)} %`;

/** "met", or "not met (by how much)", for a value and its target. */
function judge(value, target, unit) {
  const show = unit === 's' ? seconds : unit === 'bytes' ? mib : ratio;
  if (target.at_most !== undefined) {
    if (value <= target.at_most) return 'met';
    return `not met (by ${show(value - target.at_most)}, ${percent(value - target.at_most, target.at_most)} over)`;
  }
  if (target.under !== undefined) {
    if (value < target.under) return 'met';
    return `not met (by ${show(value - target.under)}, ${percent(value - target.under, target.under)} over)`;
  }
  if (target.above !== undefined) {
    if (value > target.above) return 'met';
    return `not met (by ${show(target.above - value)}: report takes ${(1 / value).toFixed(2)} times as long)`;
  }
  throw new Error('a target with no bound');
}

function bound(target, unit) {
  const show = unit === 's' ? seconds : unit === 'bytes' ? (bytes) => `${bytes / GB} GB (${mib(bytes)})` : ratio;
  if (target.at_most !== undefined) return `at most ${show(target.at_most)}`;
  if (target.under !== undefined) return `under ${show(target.under)}`;
  return `above ${show(target.above)}`;
}

/** Why a row has no figure: not available (a command not there yet) or not measured. */
function missing(row) {
  const why = row.unavailable ?? 'every run failed';
  if (row.notAvailable) return why.startsWith('not available') ? why : `not available: ${why}`;
  return why.startsWith('not measured') || why.startsWith('not available') ? why : `not measured: ${why}`;
}

/**
 * A group's table: a heading row, then a row per run, its cells from `cells(row, of, values)`
 * (`of` the ratio the row is given against, `values` that ratio's values over the rounds); a
 * run with no figure says why.
 */
function table(group, headings, aligns, cells) {
  const out = [line(headings), line(aligns)];
  for (const row of group.rows.values()) {
    if (!row.measured) {
      out.push(line([row.label, '–', missing(row), ...headings.slice(3).map(() => '')]));
      continue;
    }
    const of = group.ratioOf(row.key);
    out.push(line(cells(row, of, of ? group.ratioValues(of.numerator, of.denominator) : [])));
  }
  return out;
}

const RATIO_HEADINGS = ['time (median)', 'time (range)', 'ratio (median of rounds)', 'ratio (range)', 'ratio is'];
const RATIO_ALIGNS = ['---', '---:', '---:', '---:', '---:', '---:', '---'];

function reportTable(group) {
  return table(group, ['run', 'PDF pages', ...RATIO_HEADINGS], RATIO_ALIGNS, (row, of, values) => [
    row.label,
    pages(row),
    seconds(median(row.values())),
    range(row.values(), seconds),
    of ? ratio(median(values)) : row.key === 'floor' ? '1 (the floor)' : '',
    of ? range(values, ratio) : '',
    of?.label ?? '',
  ]);
}

function batchTable(group) {
  const headings = ['run', 'reports (PDFs) a run', 'time a run (median)', 'a report (median)', 'a report (range)', 'ratio to floor (median of rounds)', 'ratio (range)'];
  const out = table(group, headings, ['---', '---:', '---:', '---:', '---:', '---:', '---:'], (row, of, values) => [
    row.label,
    [...row.counts].join(', '),
    seconds(median(row.times())),
    seconds(median(row.values())),
    range(row.values(), seconds),
    of ? ratio(median(values)) : '1 (the floor)',
    of ? range(values, ratio) : '',
  ]);
  if (group.memory.length) {
    out.push('', `Peak memory (PSS of the whole process tree, from /proc/<pid>/smaps_rollup every 50 ms, in runs of their own): ${group.memory.map((m) => `${m.label} ${mib(m.peak)}`).join('; ')}.`);
  }
  return out;
}

function plainTable(group) {
  return table(group, ['run', group.manyPerRound ? 'runs' : 'rounds', ...RATIO_HEADINGS], RATIO_ALIGNS, (row, of, values) => {
    const codes = [...row.codes].filter((code) => code !== 0);
    return [
      row.label + (codes.length ? ` (exit status ${[...row.codes].join(', ')}: ran to the end; 1 is "not ready to publish")` : ''),
      row.values().length,
      seconds(median(row.values())),
      range(row.values(), seconds),
      of ? ratio(median(values)) : '',
      of ? range(values, ratio) : '',
      of?.label ?? '',
    ];
  });
}

/** Every target with its figure: "met", "not met (by …)", "not measured", "not available". */
function targetLines(groups) {
  const out = [];
  for (const group of groups) {
    for (const { numerator, denominator, target } of group.ratios) {
      if (!target) continue;
      const a = group.row(numerator);
      const b = group.row(denominator);
      const values = group.ratioValues(numerator, denominator);
      if (!values.length) {
        const row = !a.measured ? a : b;
        out.push(`- ${target.what}: target ${bound(target)}: ${missing(row)}`);
        continue;
      }
      const value = median(values);
      out.push(`- ${target.what}: ${ratio(value)} (target ${bound(target)}): ${judge(value, target)}`);
    }
    for (const { key, target } of group.targets) {
      const row = group.row(key);
      if (!row || !row.measured) {
        out.push(`- ${target.what}: target ${bound(target, 's')}: ${row ? missing(row) : 'not measured'}`);
        continue;
      }
      const value = median(row.values());
      out.push(`- ${target.what}: ${seconds(value)} (target ${bound(target, 's')}): ${judge(value, target, 's')}`);
    }
    if (group.memoryTarget) {
      const target = group.memoryTarget;
      if (!group.memory.length) out.push(`- ${target.what}: target ${bound(target, 'bytes')}: not measured`);
      else {
        const peak = Math.max(...group.memory.map((m) => m.peak));
        out.push(`- ${target.what}: ${mib(peak)}, the larger of its runs (target ${bound(target, 'bytes')}): ${judge(peak, target, 'bytes')}`);
      }
    }
  }
  return out;
}

export function formatReport({ started, machine, node, chromium, loadAtStart, loadAtEnd, rounds, quick, groups, commands, failures }) {
  const date = started.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const out = [
    `${date} · ${machine} · Node ${node} · ${chromium} · load average (1, 5, 15 min) ${loadAtStart} at start, ${loadAtEnd} at end`,
    '',
    `${rounds} round${rounds === 1 ? '' : 's'}${quick ? ' (BENCH_QUICK=1: a smoke run to check the bench works, not figures to quote)' : ''}. In each round every run below ran once, in turn (for a report: floor, report warm, report first time, then each peer), each as a whole process with an output folder of its own; a ratio is taken between the runs of one round, and the table gives the median of those ratios with their range. Times are medians over the rounds.`,
  ];
  for (const group of groups) {
    out.push('', `### ${group.title}`, '');
    if (group.unmeasured) {
      out.push(`Not measured: ${group.unmeasured.split('\n')[0]}`);
      continue;
    }
    if (group.perReport) out.push(...batchTable(group));
    else if (group.rows.has('floor')) out.push(...reportTable(group));
    else out.push(...plainTable(group));
  }
  out.push('', '### How each run was made', '', ...commands.map((command) => `- ${command}`));
  if (failures.length) {
    out.push('', '### Could not be measured', '', ...failures.map((f) => `- ${f.what}: ${f.message.split('\n').slice(0, 6).join(' / ')}`));
  }
  out.push('', '### Targets', '', ...targetLines(groups));
  return out.join('\n');
}
