// Tend's dates and numbers are formatted with the browser's Intl, whose locale data loads on first
// use and takes tens of milliseconds, more on a slow phone. This loads it while the app's
// WebAssembly is still downloading and the page is idle, so the app's first draw does not have to.
// It keeps nothing; if anything here is missing, the app simply pays the cost itself.
(window.requestIdleCallback || ((work) => setTimeout(work, 1)))(() => {
  try {
    const day = new Date();
    new Intl.DateTimeFormat([], { weekday: 'short', day: 'numeric', month: 'short' }).format(day);
    new Intl.DateTimeFormat([], { day: 'numeric', month: 'short', year: 'numeric' }).formatRange(day, day);
    new Intl.NumberFormat([], { maximumFractionDigits: 2 }).format(1.5);
    const locale = new Intl.Locale(navigator.language);
    if (typeof locale.getWeekInfo === 'function') locale.getWeekInfo();
  } catch {
    // Nothing to do: the app formats without this head start.
  }
});
