// The contents list gets each topic's first page number, right-aligned on its line; links to a
// topic after the first topic's heading are the topics' own, not the contents'.
(pages) => {
  const first = document.querySelector("h2.handbook-topic");
  for (const [id, page] of Object.entries(pages)) {
    for (const link of document.querySelectorAll(`li > a[href="#${CSS.escape(id)}"]`)) {
      if (!(link.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      const number = link.parentElement.insertBefore(document.createElement("span"), link);
      number.className = "handbook-pdf-page";
      number.textContent = page;
    }
  }
}
