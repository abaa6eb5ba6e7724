// The date each topic's facts were last reviewed, as the page states it (ISO, from <time>).
() => [...document.querySelectorAll(".topic-reviewed time[datetime]")]
  .map(t => t.getAttribute("datetime"))
