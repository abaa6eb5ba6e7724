// html-validate's rules for the built site (tests/test_html_valid.py runs it over every page).
// Everything is on, but for rules that only Material's own markup breaks; each says why.
export default {
  extends: ["html-validate:recommended"],
  rules: {
    // Material's base.html writes <!doctype html> in lowercase, which HTML allows.
    "doctype-style": "off",
    // Material's templates leave whitespace at line ends; browsers ignore it.
    "no-trailing-whitespace": "off",
    // Material's ids start with underscores (__drawer, __search, __nav_2), which HTML allows.
    "valid-id": "off",
    // Material's navigation writes tabindex="" on its section labels.
    "attribute-allowed-values": "off",
    // Material nests unlabelled <nav> elements in its navigation and table of contents.
    "unique-landmark": "off",
    // Material sets autocomplete="off" on its drawer and search checkboxes.
    "valid-autocomplete": "off",
    // Material's search <form> searches as the reader types and has no submit button.
    "wcag/h32": "off",
    // Not Material's, ours: a topic's title is the reader's problem in the reader's words, and
    // the site name follows it. 70 characters is a search-engine guideline, not HTML.
    "long-title": ["error", { maxlength: 120 }],
  },
};
