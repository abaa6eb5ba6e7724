/*
 * Say when search has no good answer. Material lists every page that shares a word with the
 * query, so a question this site doesn't cover ("lambda timeout", "s3 bucket access denied")
 * still gets a page of results, often admin pages first, as if one of them answered it. When
 * the first result matches too few of the words that matter in what the reader typed, a short
 * message above the results says so and offers the guided troubleshooter, the error-message
 * index and AWS's own troubleshooting page (overrides/partials/search-gap.html).
 *
 * "Words that matter" leaves out the words the index leaves out (Lunr's stop words) and the
 * words every page here has ("aws"); a word counts as matched when the first result matched
 * it or one of the spellings search-query.js also searches for. The count of matched words,
 * not the score, decides: scores move whenever page boosts are retuned, the count doesn't. The
 * threshold was chosen with benchmarks/search_gap.py (README, "Search", "When search has no
 * good answer").
 *
 * The worker's answers are read by wrapping Worker.prototype, so it works whenever Material
 * creates its search worker: at page load or when search first opens.
 *
 * Keyboard: in Material's search the arrow keys move between the box and the results (Tab
 * closes search), so the message's links join that order, between the box and the results.
 */
(() => {
  "use strict";

  // Material's search worker protocol: { type: QUERY, data: "what the reader typed" } out,
  // { type: RESULT, data: { items: [[best item of a page, its sections...], ...] } } back,
  // each item with `terms`: each query term, true if the item matched it.
  const QUERY = 2;
  const RESULT = 3;

  // The message shows when the first result matches at most this share of the reader's words
  // that matter...
  const THRESHOLD = 0.5;
  // ...and fewer than this many of them: a long question rarely matches in full.
  const MATCHED_ENOUGH = 3;

  // The words Lunr's stop word filter drops from the index and from queries (lunr 2.3.9).
  const STOP_WORDS = new Set(("a able about across after all almost also am among an and any " +
    "are as at be because been but by can cannot could dear did do does either else ever every " +
    "for from get got had has have he her hers him his how however i if in into is it its just " +
    "least let like likely may me might most must my neither no nor not of off often on only " +
    "or other our own rather said say says she should since so some than that the their them " +
    "then there these they this tis to too twas us wants was we were what when where which " +
    "while who whom why will with would yet you your").split(" "));
  // On every page of this site: matching them says nothing about whether a page answers.
  const SITE_WORDS = new Set(["aws", "amazon"]);
  // A word still being typed is searched as a prefix only from three letters on.
  const TYPING_MIN_LENGTH = 3;

  const region = document.querySelector(".search-gap");
  const message = document.getElementById("search-gap-message");
  if (!region || !message || !self.signinHelpSearchWords) return;

  // The reader's words that matter, each as the terms it was searched for.
  function wordsThatMatter(query) {
    return self.signinHelpSearchWords(query)
      .filter(([word]) => !STOP_WORDS.has(word) && !SITE_WORDS.has(word));
  }

  // How many of the reader's words that matter the first result (a page and its sections)
  // matched, out of how many; null when there is nothing to judge. A short word still being
  // typed ("lost my m") may count for the result, never against it.
  function judge(query, groups) {
    const words = wordsThatMatter(query);
    if (!groups.length) return null;
    const found = new Set();
    for (const item of groups[0])
      for (const [term, matched] of Object.entries(item.terms || {})) if (matched) found.add(term);
    const isMatched = terms => terms.some(term => found.has(term));
    const last = words[words.length - 1];
    if (last && !/\s$/.test(query) && last[0].length < TYPING_MIN_LENGTH && !isMatched(last))
      words.pop();
    if (!words.length) return null;
    return { matched: words.filter(isMatched).length, words: words.length };
  }

  function show(judged) {
    // For benchmarks/search_gap.py, which weighs other thresholds with the same figures.
    region.dataset.matched = judged ? judged.matched : "";
    region.dataset.words = judged ? judged.words : "";
    const gap = judged !== null && judged.matched < MATCHED_ENOUGH
      && judged.matched / judged.words <= THRESHOLD;
    // Only a change touches the live region, so a screen reader hears the message once.
    if (gap === region.hasChildNodes()) return;
    if (gap) region.append(message.content.cloneNode(true));
    else region.replaceChildren();
  }

  // The arrow keys' order with the message shown: the box, its links, then Material's own order
  // (the same selector as Material's) from the first result on.
  const toggle = document.getElementById("__search");
  const input = document.querySelector(".md-search__input");
  const results = document.querySelector(".md-search-result");
  const RESULT_STOPS = ":not(details) > [href], summary, details[open] [href]";

  // Runs before Material's handler (on window, bubbling), and keeps it from seeing the keys it
  // handles, so Material's order stays as it is for every other step.
  window.addEventListener("keydown", event => {
    if (!toggle || !toggle.checked || !region.hasChildNodes()) return;
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const stops = [input, ...region.querySelectorAll("a[href]")];
    const first = results && results.querySelector(RESULT_STOPS);
    const down = event.key === "ArrowDown";
    const at = stops.indexOf(document.activeElement);
    let next = null;
    if (at >= 0) next = stops[at + (down ? 1 : -1)] || (down ? first : null);
    else if (!down && document.activeElement === first) next = stops[stops.length - 1];
    if (!next) return;
    event.preventDefault();
    event.stopPropagation();
    next.focus();
  }, true);

  // Queries each worker has yet to answer, oldest first: it answers them in order.
  const pending = new WeakMap();

  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (data, ...rest) {
    if (!pending.has(this)) {
      pending.set(this, []);
      this.addEventListener("message", ({ data: answer }) => {
        if (!answer || answer.type !== RESULT) return;
        const query = pending.get(this).shift();
        if (typeof query === "string") show(judge(query, answer.data.items || []));
      });
    }
    // Kept before search-query.js rewrites it: the reader's own words are the yardstick.
    if (data && data.type === QUERY) pending.get(this).push(data.data);
    return post.call(this, data, ...rest);
  };
})();
