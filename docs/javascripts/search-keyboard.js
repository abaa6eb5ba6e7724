/*
 * Search by keyboard. On a narrow screen the closed search box has no size, hidden behind the
 * header's magnifier, yet Material leaves it in the Tab order: a keyboard reader lands on
 * something invisible that opens search as a side effect. While search is closed there, the
 * box is taken out of the Tab order (search.css hides the closed result list), and the
 * magnifier (a <label>, which may not take a button's role) is swapped for a real button that
 * Tab reaches and Enter or Space presses; opening search focuses the box, as a click does. On
 * a wide screen the box itself sits in the header, and search.css hides the button.
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

  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon search-opener";
  button.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
  button.append(...[...opener.childNodes].map((node) => node.cloneNode(true)));
  // The label still opens search as Material wired it: the button only stands in front of it.
  button.addEventListener("click", () => opener.click());
  opener.before(button);
  opener.hidden = true;
})();
