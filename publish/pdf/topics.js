// The handbook's topics in order: each one's anchor and its title without the "¶" link.
() => [...document.querySelectorAll("h2.handbook-topic")].map(h => {
  const title = h.cloneNode(true);
  title.querySelectorAll(".headerlink").forEach(link => link.remove());
  return { id: h.id, title: title.textContent.trim() };
})
