// Tend's dates and numbers are formatted with the browser's Intl, whose locale data loads on first
// use: 30-40 ms on a desktop, several times that on a slow phone, in one piece that nothing else
// can run beside. The page runs this plain script in its <head>, so that cost is paid just before
// the first screen paints rather than in the middle of the app's start, where it would hold up
// taps. It keeps nothing; if anything here is missing, the app simply pays the cost itself.
(() => {
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
})();
