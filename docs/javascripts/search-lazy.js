/*
 * Search loads when a reader opens it, not with every page. Material starts its search worker
 * and fetches the search index as each page loads: two of a first visit's nine requests and
 * more than half its bytes, for the few readers who search. This script runs before Material's
 * and holds both back until the reader shows they want to search: a pointer pressed on, or
 * focus moved into, the search box or its button (the "/", "s" and "f" shortcuts focus the
 * box), search opening by any other way, or an address with Material's `?q=` (search.share,
 * the home page's search box) or `?h=` (the words a search result highlights).
 *
 * The worker: `new Worker(url)` for Material's search worker returns a stand-in that records
 * listeners and queues messages; when search is wanted it creates the real Worker (the same
 * URL, whatever `Worker` was when this ran: the offline copy's iframe-worker shim loads
 * first), adds the listeners to it and posts the queue in order, then hands every later call
 * straight to it. Every message still goes through the real `Worker.prototype.postMessage`,
 * and every listener through the real `addEventListener`, so scripts that patch the prototype
 * (search-query.js) see the same calls as before, only later. `window.Worker.prototype` stays
 * the real prototype, so it makes no difference whether they load before or after this one.
 *
 * The index: Material's `XMLHttpRequest` for search/search_index.json is opened as usual but
 * sent only when search is wanted. From `file://` Material reads the index from a script
 * instead, once search opens; only the worker waits there.
 */
(() => {
  "use strict";

  const RealWorker = window.Worker;
  const INDEX = "search/search_index.json";
  const searchParams = new URLSearchParams(location.search);
  let wanted = searchParams.has("q") || searchParams.has("h");
  const waiting = [];

  function whenWanted(start) {
    if (wanted) start();
    else waiting.push(start);
  }

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach((start) => start());
  }

  // Material's configuration, once its <script id="__config"> is in the page.
  function config() {
    const element = document.getElementById("__config");
    return element ? JSON.parse(element.textContent) : {};
  }

  function resolved(url, base = location.href) {
    return new URL(url, base).href;
  }

  function isSearchWorker(url) {
    const { search } = config();
    return Boolean(search) && resolved(url) === resolved(search);
  }

  function isSearchIndex(url) {
    const { base } = config();
    return base !== undefined && resolved(url) === resolved(INDEX, resolved(base));
  }

  // A stand-in for what Material does with its worker (rxjs `fromEvent` and `postMessage`).
  function lazyWorker(url, options) {
    let real = null;
    const listeners = [];
    const queue = [];
    whenWanted(() => {
      real = new RealWorker(url, options);
      listeners.splice(0).forEach((args) => real.addEventListener(...args));
      queue.splice(0).forEach((args) => real.postMessage(...args));
    });
    return {
      addEventListener(...args) {
        if (real) real.addEventListener(...args);
        else listeners.push(args);
      },
      removeEventListener(...args) {
        if (real) return real.removeEventListener(...args);
        const [type, listener] = args;
        const at = listeners.findIndex((added) => added[0] === type && added[1] === listener);
        if (at >= 0) listeners.splice(at, 1);
      },
      postMessage(...args) {
        if (real) real.postMessage(...args);
        else queue.push(args);
      },
    };
  }

  // `new Worker(...)` as before for any other worker; the real prototype for any patch.
  function LazyWorker(url, options) {
    return isSearchWorker(url) ? lazyWorker(url, options) : new RealWorker(url, options);
  }
  LazyWorker.prototype = RealWorker.prototype;
  window.Worker = LazyWorker;

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const indexRequests = new WeakSet();
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (isSearchIndex(url)) indexRequests.add(this);
    else indexRequests.delete(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!indexRequests.has(this)) return send.apply(this, args);
    whenWanted(() => send.apply(this, args));
  };

  // The signs that a reader wants to search. Opening search by any way checks its toggle.
  const SEARCH = '.md-search, [for="__search"], .search-opener';
  const onSearch = (event) => {
    if (event.target instanceof Element && event.target.closest(SEARCH)) want();
  };
  document.addEventListener("pointerdown", onSearch, true);
  document.addEventListener("focusin", onSearch, true);
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__search") want();
  }, true);
})();
