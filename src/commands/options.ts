/** Options several commands share, worded once. */
export const DATA_OPTION = ['--data <dir>', 'the partnership\'s data folder', 'data'] as const;
export const YEAR_OPTION = ['--year <year>', 'the reporting year, e.g. 2022-23 (default: the latest year folder)'] as const;
export const TEMPLATES_OPTION = ['--templates <dir>', 'a folder of templates that replace the bundled ones of the same name (report.hbs, report.css, partials/*.hbs)'] as const;
export const STANDARD_OPTION = ['--standard <name>', 'the requirements to check against: the id of a catalogue in schemas/requirements (such as wt2018) or a catalogue file (default: the guidance in force for the period)'] as const;
