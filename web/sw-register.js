// Registers Tend's service worker (sw.js, beside this file) so the app opens without a network,
// and offers each new version instead of forcing it: when a new build has been fetched and waits,
// a status line says so and the new version takes over only when its button is pressed. The
// page then reloads once, on the new build's files. Plain DOM, so it works before and apart from
// the app itself; the build step serves it from the app's own origin with an integrity hash.
// Offline use is a convenience: every way registration can fail (no service workers in this
// browser or mode, an insecure page, a blocked or throwing `register`, a registration without the
// usual fields) is caught here, noted once as a warning and otherwise ignored.
(() => {
  const container = navigator.serviceWorker;
  const script = document.currentScript;
  if (!container || typeof container.register !== 'function' || !script || !script.src) return;
  const here = script.src;

  // A live region that exists from the start, so that filling it later is announced.
  const region = document.createElement('div');
  region.className = 'update-prompt';
  region.setAttribute('role', 'status');
  region.dataset.testid = 'update-prompt';
  // The app draws into its own element (#app), so the region stays; should anything have taken it
  // out of the page by the time the app starts, it goes back in front.
  const attach = () => region.isConnected || document.body.prepend(region);
  attach();
  window.addEventListener('TrunkApplicationStarted', attach);

  let switching = false;
  container.addEventListener?.('controllerchange', () => {
    // The first install also takes control of the page; only a switch the person asked for reloads.
    if (switching) window.location.reload();
  });

  const offered = new WeakSet();
  const offer = (worker) => {
    if (offered.has(worker) || !container.controller) return;
    offered.add(worker);
    const text = document.createElement('p');
    text.textContent = 'A new version of Tend is ready.';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'primary';
    button.textContent = 'Switch to the new version';
    button.addEventListener('click', () => {
      switching = true;
      button.disabled = true;
      button.textContent = 'Switching…';
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
    region.replaceChildren(text, button);
    attach();
  };
  const follow = (worker) => {
    if (!worker || typeof worker.addEventListener !== 'function') return;
    if (worker.state === 'installed') offer(worker);
    else worker.addEventListener('statechange', () => worker.state === 'installed' && offer(worker));
  };

  // Registering starts the worker's download and caching of the whole app, which competes with the
  // app's own start for a slow phone's processor and network; so it waits until the app has
  // started and the page is idle (or, should the app never start, ten seconds after load).
  let registered = false;
  // Not fatal: the app still works online, it just will not open offline.
  const failed = (error) => console.warn('Tend could not set up offline use:', error);
  const register = () => {
    if (registered) return;
    registered = true;
    try {
      Promise.resolve(
        container.register(new URL('sw.js', here), { scope: new URL('./', here).pathname }),
      ).then((registration) => {
        if (!registration) return failed('the browser gave no registration');
        follow(registration.waiting);
        follow(registration.installing);
        registration.addEventListener?.('updatefound', () => follow(registration.installing));
      }, failed);
    } catch (error) {
      failed(error);
    }
  };
  const whenIdle = window.requestIdleCallback || ((work) => setTimeout(work, 500));
  window.addEventListener('TrunkApplicationStarted', () => whenIdle(register, { timeout: 3000 }));
  window.addEventListener('load', () => setTimeout(register, 10000));
})();
