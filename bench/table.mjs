// Prints a benchmark's results as the table docs/performance.md carries.
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (s) => `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}-${s.max.toFixed(1)})`;

export function table(r) {
  const rows = [];
  const add = (what, value) => rows.push(`| ${what} | ${value} |`);
  for (const k of ['wasm', 'js', 'css', 'html', 'total']) {
    const s = r.sizes[k];
    add(`Transfer: ${k} (raw / gzip / brotli)`, `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`);
  }
  if (r.coldStart) {
    for (const p of ['empty', 'light', 'heavy']) add(`Cold start to first chart, ${p} history`, ms(r.coldStart[p]));
    add('Cold start ratio heavy / empty', (r.coldStart.heavy.median / r.coldStart.empty.median).toFixed(2));
    for (const p of ['light', 'heavy']) add(`Log one entry (click to saved and shown), ${p}`, ms(r.logEntry[p].time));
    add('Log one entry ratio heavy / light', (r.logEntry.heavy.time.median / r.logEntry.light.time.median).toFixed(2));
    for (const p of ['light', 'heavy']) {
      add(`Written per entry, ${p} (characters)`, `${r.logEntry[p].writtenChars.median} (${r.logEntry[p].writtenChars.min}-${r.logEntry[p].writtenChars.max})`);
    }
    add('Redraw week chart (previous / this week), heavy', ms(r.redraw.weekChart));
    add('Open caseload view (12-week chart), heavy', ms(r.redraw.caseloadView));
    add('Stored, heavy history (UTF-16 bytes)', `${(r.storage.heavyBytes / 1048576).toFixed(2)} MB in ${r.storage.heavyKeys} keys`);
    add(`Draw ${r.charts.weeks} weeks: Tend (plotters SVG)`, ms(r.charts.tend));
    add(`Draw ${r.charts.weeks} weeks: Chart.js`, ms(r.charts.chartjs));
    add(`Draw ${r.charts.weeks} weeks: uPlot`, ms(r.charts.uplot));
    add('Chart ratio Tend / Chart.js, Tend / uPlot', `${r.charts.tendOverChartjs.toFixed(2)}, ${r.charts.tendOverUplot.toFixed(2)}`);
  }
  const f = r.firstLoad;
  if (f) {
    const files = (x) => x.files.map((file) => `${file.path} ${kb(file.wire)}`).join(', ');
    add('First load, brotli: on the wire (body + headers)', `${kb(f.brotli.wire)} (${kb(f.brotli.body)} + ${kb(f.brotli.wire - f.brotli.body)}) in ${f.brotli.files.length} responses`);
    add('First load, gzip only: on the wire (body + headers)', `${kb(f.gzip.wire)} (${kb(f.gzip.body)} + ${kb(f.gzip.wire - f.gzip.body)}) in ${f.gzip.files.length} responses`);
    add('First load, brotli: responses', files(f.brotli));
    add('First load, gzip only: responses', files(f.gzip));
    const p = f.profile;
    add(`First visit to interactive, fast 3G (${p.downKbit / 1000} Mbit/s, ${p.latencyMs} ms, CPU ${p.cpuSlowdown}x)`, ms(f.fast3g));
    const q = f.slowProfile;
    if (f.slow3g) add(`First visit to interactive, slow 3G (${q.downKbit} kbit/s, ${q.latencyMs} ms, CPU ${q.cpuSlowdown}x)`, ms(f.slow3g));
    add('First visit to interactive, unthrottled', ms(f.unthrottled));
    const pc = f.precache;
    add(`Precached by the service worker (${pc.files} files; raw / gzip / brotli)`, `${kb(pc.raw)} / ${kb(pc.gzip)} / ${kb(pc.brotli)}`);
  }
  const budgets = r.budgets.map((b) => `| ${b.name} | ${b.value.toFixed(2)} (limit ${b.limit}) | ${b.holds ? 'holds' : 'missed'} |`);
  const m = r.machine;
  return [
    r.coldStart
      ? `Machine: ${m.cores} cores, ${m.cpu}, Chromium ${m.chromium}; ${r.runs} runs per figure (${r.entries ?? r.runs} entries logged)${r.firstLoad ? `, ${r.loadRuns} first visits per profile (slow 3G: TEND_BENCH_SLOW_RUNS)` : ''}, median (min-max).`
      : `Machine: ${m.cores} cores, ${m.cpu}, Chromium ${m.chromium}; ${r.loadRuns} first visits per profile (slow 3G: TEND_BENCH_SLOW_RUNS), median (min-max).`,
    '',
    '| figure | median (min-max) |',
    '| --- | --- |',
    ...rows,
    '',
    '| budget | measured | |',
    '| --- | --- | --- |',
    ...budgets,
  ].join('\n');
}

export function printTable(r) {
  console.log(table(r));
}
