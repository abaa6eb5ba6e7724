/*
 * Troubleshooter answers by keyboard. Each answer was a Tab stop of its own, so reaching the
 * last of seven answers took seven Tabs, and leaving the question as many again. Now a
 * question's answers are one stop, as a group of radio buttons is: Tab reaches the group, the
 * arrow keys (and Home, End) move between the answers, Enter follows the one in focus, and the
 * next Tab leaves the group. The answers stay links in a list, so a screen reader lists, reads
 * and follows them as before; without script each answer is its own Tab stop again. The hint
 * under the answers (decision_page.md.j2) shows while an answer has keyboard focus and is the
 * group's description for a screen reader.
 */
(() => {
  "use strict";

  const group = document.querySelector(".troubleshooter-answers");
  const answers = group ? [...group.querySelectorAll("a[href]")] : [];
  if (answers.length < 2) {
    return;
  }

  // The answer last focused keeps the Tab stop, so Shift+Tab back into the group returns to it.
  const holdStop = (current) => {
    answers.forEach((answer) => {
      answer.tabIndex = answer === current ? 0 : -1;
    });
  };
  holdStop(answers[0]);
  group.addEventListener("focusin", (event) => {
    if (answers.includes(event.target)) {
      holdStop(event.target);
    }
  });

  group.addEventListener("keydown", (event) => {
    const at = answers.indexOf(event.target);
    if (at < 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    const last = answers.length - 1;
    // Up and down as the list reads; left and right too, as in a radio group. Both ends wrap.
    const to = {
      ArrowDown: at === last ? 0 : at + 1,
      ArrowRight: at === last ? 0 : at + 1,
      ArrowUp: at === 0 ? last : at - 1,
      ArrowLeft: at === 0 ? last : at - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (to === undefined) {
      return;
    }
    // The keys move focus only; without this the page would scroll as well.
    event.preventDefault();
    answers[to].focus();
  });

  const hint = document.getElementById("troubleshooter-keys");
  if (hint) {
    hint.hidden = false;
    group.setAttribute("aria-describedby", hint.id);
  }
})();
