/*
 * The navigation drawer by keyboard. Below Material's 76.25em breakpoint the site navigation
 * is a drawer off the left edge of the screen, yet its thirty-odd links stayed in the Tab order
 * while it was closed: a keyboard reader on a phone, or on a desktop zoomed in far enough,
 * tabbed through links they could not see before reaching the page. And the menu icon that
 * opens the drawer is a <label>, which Tab never reaches. While the drawer is closed there, it
 * is now inert; a real button stands in front of the label and says whether the drawer is
 * open (Tab then goes on into it); Escape in the drawer closes it and returns to the button.
 */
(() => {
  "use strict";

  const toggle = document.getElementById("__drawer");
  const opener = document.querySelector('.md-header label[for="__drawer"]');
  const drawer = document.querySelector(".md-sidebar--primary");
  // Material's breakpoint below which the navigation is a drawer.
  const narrow = matchMedia("(max-width: 76.2344em)");
  if (!toggle || !opener || !drawer) {
    return;
  }

  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon drawer-opener";
  button.setAttribute("aria-label", "Navigation");
  button.append(...[...opener.childNodes].map((node) => node.cloneNode(true)));

  const update = () => {
    drawer.inert = narrow.matches && !toggle.checked;
    button.setAttribute("aria-expanded", String(toggle.checked));
  };
  toggle.addEventListener("change", update);
  narrow.addEventListener("change", update);
  // Material also closes the drawer by script (an anchor chosen in it), which fires no change.
  drawer.addEventListener("transitionend", update);
  update();

  // The label still opens the drawer as Material wired it: the button only stands in front of it.
  button.addEventListener("click", () => {
    opener.click();
    update();
  });
  drawer.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked && narrow.matches) {
      toggle.click();
      update();
      button.focus();
    }
  });
  opener.before(button);
  opener.hidden = true;
})();
