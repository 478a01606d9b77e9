// The budgets of issue 9, checked against a benchmark's results. Each is a plain comparison of
// medians, so a reader can redo it from results.json.
const KB = 1024;
// Tend's storage budget (core/src/storage/usage.rs, BUDGET_BYTES) and a quarter of it.
const STORAGE_BUDGET = 5 * KB * KB;

export function budgets(r) {
  const list = [];
  if (r.logEntry) {
    const entryRatio = r.logEntry.heavy.time.median / r.logEntry.light.time.median;
    const coldRatio = r.coldStart.heavy.median / r.coldStart.empty.median;
    list.push(
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
    );
  }
  list.push({ name: 'App transfer at most 300 KB gzip', value: r.sizes.total.gzip / KB, limit: 300 });
  if (r.storage) {
    list.push({
      name: 'Heavy history at most 1.25 MB (a quarter of 5 MB, UTF-16)',
      value: r.storage.heavyBytes / (KB * KB),
      limit: STORAGE_BUDGET / 4 / (KB * KB),
    });
  }
  // The first visit (issue "A first visit that is quick on a slow phone network"): bytes on the
  // wire, headers included, from navigation until Today is interactive; then the time to that.
  const f = r.firstLoad;
  if (f) {
    list.push(
      { name: 'First load at most 300 KB gzip (KB on the wire)', value: f.gzip.wire / KB, limit: 300 },
      { name: 'First load, stretch: at most 200 KB gzip', value: f.gzip.wire / KB, limit: 200 },
      { name: 'First load at most 250 KB brotli (KB on the wire)', value: f.brotli.wire / KB, limit: 250 },
      { name: 'First visit on fast 3G, CPU 4x: log form usable within 2.5 s', value: f.fast3g.median / 1000, limit: 2.5 },
      { name: 'Everything precached at most 553 KB gzip', value: f.precache.gzip / KB, limit: 553 },
    );
  }
  return list.map((b) => ({ ...b, holds: b.value <= b.limit }));
}
