/*
 * Search by keyboard. On a narrow screen the closed search box has no size, hidden behind the
 * header's magnifier, yet Material leaves it in the Tab order: a keyboard reader lands on
 * something invisible that opens search as a side effect. While search is closed there, the
 * box is taken out of the Tab order (search.css hides the closed result list), and the
 * magnifier becomes a button that Tab reaches and Enter or Space presses; opening search
 * focuses the box, as a click does. On a wide screen the box itself sits in the header.
 */
(() => {
  "use strict";

  const toggle = document.getElementById("__search");
  const opener = document.querySelector('.md-header label[for="__search"]');
  const input = document.querySelector(".md-search__input");
  // Material's breakpoint below which the search box hides behind the magnifier.
  const narrow = matchMedia("(max-width: 59.9375em)");
  if (!toggle || !opener || !input) {
    return;
  }

  const update = () => {
    // Focus by script (Material's, on opening) still works with tabindex -1.
    input.tabIndex = narrow.matches && !toggle.checked ? -1 : 0;
  };
  toggle.addEventListener("change", update);
  narrow.addEventListener("change", update);
  update();

  opener.tabIndex = 0;
  opener.setAttribute("role", "button");
  opener.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
  opener.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      opener.click();
    }
  });
})();
