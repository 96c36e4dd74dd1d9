/** The tool's own version, shown by `--version` and recorded in reports and caches. */
export const VERSION = '2.0.0';
