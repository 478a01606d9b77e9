// The chart comparison page: the same five-year weekly series drawn by Tend's chart code (the
// core's plotters SVG, through a small wasm build), by Chart.js and by uPlot, one draw at a time,
// so bench/run.mjs can time them in the same page and run.
import init, { draw_trend, heavy_first_monday, heavy_weekly_hours } from '/bench/wasm/pkg/tend_bench_wasm.js';

const WIDTH = 960;
const HEIGHT = 360;
const BLUE = '#0072B2';

// Resolves after every microtask the draw queued has run (a message task is not clamped like a
// timeout), then forces style and layout, so each library's work is counted up to the same point.
const settle = (el) =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      el.getBoundingClientRect();
      resolve();
    };
    channel.port2.postMessage(0);
  });

let series = null;
let chartJs = null;
let uplot = null;

const drawers = {
  async tend() {
    const el = document.getElementById('tend');
    el.innerHTML = draw_trend(series.firstMonday, series.hours, WIDTH, HEIGHT);
    await settle(el);
    return el.querySelector('svg') !== null;
  },
  async chartjs() {
    const el = document.getElementById('chartjs');
    chartJs?.destroy();
    chartJs = new window.Chart(el.querySelector('canvas'), {
      type: 'line',
      data: {
        labels: series.labels,
        datasets: [{ label: 'Hours', data: series.hours, borderColor: BLUE, borderWidth: 2, pointRadius: 0 }],
      },
      options: {
        animation: false,
        responsive: false,
        plugins: { legend: { display: false }, title: { display: true, text: 'Hours worked by week' } },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'Hours' } } },
      },
    });
    await settle(el);
    return true;
  },
  async uplot() {
    const el = document.getElementById('uplot');
    uplot?.destroy();
    uplot = new window.uPlot(
      {
        title: 'Hours worked by week',
        width: WIDTH,
        height: HEIGHT,
        legend: { show: false },
        scales: { y: { range: (u, min, max) => [0, Math.ceil(max * 1.1)] } },
        series: [{}, { label: 'Hours', stroke: BLUE, width: 2 }],
      },
      [series.times, series.hours],
      el,
    );
    await settle(el);
    return true;
  },
};

window.benchChart = {
  async setup(lastDay) {
    await init();
    const hours = Float64Array.from(heavy_weekly_hours(lastDay));
    const firstMonday = heavy_first_monday(lastDay);
    const start = Date.parse(`${firstMonday}T00:00:00Z`) / 1000;
    const times = Array.from(hours, (_, i) => start + i * 7 * 86400);
    const labels = times.map((t) => new Date(t * 1000).toISOString().slice(0, 10));
    series = { hours, firstMonday, times, labels };
    return { weeks: hours.length, firstMonday };
  },
  // Draws with each library in turn, `rounds` times after `warmup` untimed rounds, and returns
  // the milliseconds of every timed draw by library.
  async run(rounds, warmup) {
    const times = { tend: [], chartjs: [], uplot: [] };
    for (let r = 0; r < warmup + rounds; r += 1) {
      for (const name of Object.keys(drawers)) {
        const t0 = performance.now();
        const ok = await drawers[name]();
        const t1 = performance.now();
        if (!ok) throw new Error(`${name} drew nothing`);
        if (r >= warmup) times[name].push(t1 - t0);
      }
    }
    return times;
  },
};
window.benchChartReady = true;
