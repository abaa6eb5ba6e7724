"""axe-core (npm, pinned in package.json) as the accessibility tests run it in Chromium.

Shared by the site's accessibility test and the offline copy's (tests/test_kit.py).
"""

from __future__ import annotations

from sitetools.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# axe-core's tags for the success criteria of WCAG 2.0 and 2.1, levels A and AA.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Palette -> the color scheme the browser reports, and the Material scheme the page must pick.
PALETTES = {"light": ("light", "default"), "dark": ("dark", "slate")}

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    count: v.nodes.length,
  }));
}"""

# Material mounts its components once the page has loaded, some on the next animation frame:
# axe reads the page after two frames are drawn, the state a reader sees. (Waiting for the
# network to be idle instead cost half a second a page and proved nothing more.)
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def open_settled(tab, url: str) -> None:
    """Open ``url`` in a Playwright tab and return once the page has loaded and drawn."""
    tab.goto(url, wait_until="load")
    tab.evaluate(SETTLED)
