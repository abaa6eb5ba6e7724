// What a kept copy of the handbook needs: links to the published site, the site's address and
// review dates in the print header, and each topic's address under its title.
({ handbook, reviewed, topics, style }) => {
  // Links to other pages lead to the published site, not to the folder this was printed from.
  for (const link of document.querySelectorAll("a[href]")) {
    const target = link.getAttribute("href");
    if (target.startsWith("#")) continue;
    // A link within the site printed no address before it was made absolute; it still doesn't.
    if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) link.classList.add("handbook-pdf-site-link");
    link.href = new URL(target, handbook).href;
  }
  const header = document.querySelector(".print-header");
  header.querySelector("[data-print-url]").textContent = handbook;
  const date = header.querySelector("[data-print-date]");
  date.textContent = reviewed;
  date.hidden = false;
  // Under each topic's title: its address, as a link that doesn't spell itself out twice.
  for (const [id, address] of Object.entries(topics)) {
    const line = document.createElement("p");
    line.className = "handbook-pdf-address";
    line.append("Online: ");
    const link = line.appendChild(document.createElement("a"));
    link.href = link.textContent = address;
    document.getElementById(id).after(line);
  }
  document.head.appendChild(document.createElement("style")).textContent = style;
}
