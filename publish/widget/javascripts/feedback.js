/*
 * "Did this page help?" (publish/widget/feedback.html), only in the production server's build.
 * Yes sends at once; No first offers the fixed reasons, and the reason picked (or none) goes
 * with it. One request per page view, to the site's own address, which nginx logs to a file of
 * its own and answers with 204 (publish/nginx.conf): no cookie, no referrer, nothing stored.
 */
(() => {
  "use strict";

  const widget = document.querySelector(".page-feedback");
  if (!widget) {
    return;
  }
  const votes = widget.querySelector(".page-feedback__votes");
  const reasons = widget.querySelector(".page-feedback__reasons");
  const thanks = widget.querySelector(".page-feedback__thanks");
  let sent = false;

  const send = (vote, reason) => {
    if (sent) {
      return;
    }
    sent = true;
    const url = new URL(widget.dataset.endpoint, location.href);
    url.search = new URLSearchParams({ page: widget.dataset.page, vote, reason }).toString();
    // A lost answer costs the reader nothing: the thanks shows whatever the network does.
    fetch(url, { cache: "no-store", credentials: "omit", keepalive: true }).catch(() => {});
    votes.hidden = true;
    reasons.hidden = true;
    thanks.hidden = false;
    // Focus follows the answer, so a keyboard or screen reader user hears the thanks.
    thanks.focus();
  };

  votes.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-vote]");
    if (!button || sent) {
      return;
    }
    if (button.dataset.vote === "yes") {
      send("yes", "");
      return;
    }
    votes.hidden = true;
    reasons.hidden = false;
    reasons.querySelector("button").focus();
  });

  reasons.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-reason]");
    if (button) {
      send("no", button.dataset.reason);
    }
  });

  widget.hidden = false;
})();
