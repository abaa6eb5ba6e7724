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
# The WCAG 2.1 A/AA rules whose outcome depends on colours. The dark palette changes nothing
# but colours: Material's slate scheme and docs/stylesheets/ set colour properties only, apart
# from hiding "#only-light" images, which no page has (tests/test_accessibility.py checks
# both). So every other rule gives the same answer in both palettes, and the dark palette is
# checked with these alone.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# What axe-core runs in each palette (RUN_AXE_ONLY's argument): every rule in the light one.
CHECKS = {
    "light": {"type": "tag", "values": WCAG_21_AA},
    "dark": {"type": "rule", "values": COLOUR_RULES},
}

# axe-core's violations on the page, for `{type: "tag" | "rule", values: [...]}`: its tags or
# its rule ids.
RUN_AXE_ONLY = """async (only) => {
  const results = await axe.run(document, { runOnly: only, resultTypes: ["violations"] });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    count: v.nodes.length,
  }));
}"""
# The same, for a list of tags.
RUN_AXE = f"(tags) => ({RUN_AXE_ONLY})({{ type: 'tag', values: tags }})"

# Material mounts its components once the page has loaded, some on the next animation frame:
# axe reads the page after two frames are drawn, the state a reader sees. (Waiting for the
# network to be idle instead cost half a second a page and proved nothing more.)
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def open_settled(tab, url: str) -> None:
    """Open ``url`` in a Playwright tab and return once the page has loaded and drawn."""
    tab.goto(url, wait_until="load")
    tab.evaluate(SETTLED)


def axe_context(browser, color_scheme: str):
    """A Playwright browser context in which every page has axe-core before its own scripts.

    Handed to each page after it loaded instead (add_script_tag), the 500 kB script cost as
    much time as the checks themselves. The caller closes the context.
    """
    context = browser.new_context(color_scheme=color_scheme)
    context.add_init_script(path=AXE)
    return context
