// The budgets of issue 9, checked against a benchmark's results. Each is a plain comparison of
// medians, so a reader can redo it from results.json.
const KB = 1024;
// Tend's storage budget (core/src/storage/usage.rs, BUDGET_BYTES) and a quarter of it.
const STORAGE_BUDGET = 5 * KB * KB;

export function budgets(r) {
  const entryRatio = r.logEntry.heavy.time.median / r.logEntry.light.time.median;
  const coldRatio = r.coldStart.heavy.median / r.coldStart.empty.median;
  const list = [
    {
      name: 'Logging one entry with 5 years costs at most 1.5x that with 4 weeks',
      value: entryRatio,
      limit: 1.5,
    },
    {
      name: 'Logging one entry writes at most 4 KB (characters of text)',
      value: r.logEntry.heavy.writtenChars.median / KB,
      limit: 4,
    },
    { name: 'Cold start with 5 years within 2x of empty', value: coldRatio, limit: 2 },
    { name: 'Five-year chart: Tend / Chart.js at most 1', value: r.charts.tendOverChartjs, limit: 1 },
    { name: 'Five-year chart: Tend / uPlot at most 2', value: r.charts.tendOverUplot, limit: 2 },
    { name: 'App transfer at most 300 KB gzip', value: r.sizes.total.gzip / KB, limit: 300 },
    {
      name: 'Heavy history at most 1.25 MB (a quarter of 5 MB, UTF-16)',
      value: r.storage.heavyBytes / (KB * KB),
      limit: STORAGE_BUDGET / 4 / (KB * KB),
    },
  ];
  return list.map((b) => ({ ...b, holds: b.value <= b.limit }));
}
