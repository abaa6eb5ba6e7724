"""axe-core (npm, pinned in package.json) as the accessibility tests run it in Chromium.

Shared by every test that runs it: the site's pages, the kit's links, the organization's boxes
and the feedback widget.
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
# both). So every other rule gives the same answer in both palettes, and a page is checked with
# these alone in the second palette it is seen in.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# What axe-core runs (RUN_AXE_ONLY's argument): every rule in the palette a page opens in,
# the colour rules in the other one.
EVERY_RULE = {"type": "tag", "values": WCAG_21_AA}
COLOUR_ONLY = {"type": "rule", "values": COLOUR_RULES}
# Material's scheme -> the other one, which the header's toggle switches to.
OTHER_SCHEME = {"default": "slate", "slate": "default"}
# The header's palette toggle: the label of the palette that is not showing.
TOGGLE = "[data-md-component=palette] label:visible"
# The switch is over: the scheme is on the page, and Material has turned transitions back on
# (it holds them off with this attribute, for one frame, while the colours change).
SWITCHED = """scheme => document.body.getAttribute("data-md-color-scheme") === scheme
  && !document.body.hasAttribute("data-md-color-switching")"""

# axe-core's violations on the page, for `{type: "tag" | "rule", values: [...]}`: its tags or
# its rule ids.
# Without each node's HTML in the answer (noHtml), which the lines don't show: a fifth faster.
RUN_AXE_ONLY = """async (only) => {
  axe.configure({ noHtml: true });
  const results = await axe.run(document, { runOnly: only, resultTypes: ["violations"] });
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
# Its answer is the Material scheme the page shows.
SETTLED = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
  () => done(document.body.getAttribute("data-md-color-scheme")))))"""


def open_settled(tab, url: str) -> str:
    """Open ``url`` in a Playwright tab and return once the page has loaded and drawn: the
    Material scheme it shows."""
    tab.goto(url, wait_until="load")
    scheme: str = tab.evaluate(SETTLED)
    return scheme


def violations(tab, where: str, only: dict) -> list[str]:
    """axe-core's violations on the page open in the tab, one line each, starting ``where``."""
    return [
        f"{where}: {v['id']} ({v['impact']}, {v['count']} element(s)): {v['help']}"
        f" at {', '.join(v['targets'])}"
        for v in tab.evaluate(RUN_AXE_ONLY, only)
    ]


def check_both_palettes(tab, base: str, url: str, opens_in: str) -> tuple[list[str], str]:
    """Open a page, check it in the palette it opens in (Material's scheme ``opens_in``, which
    the test asserts), switch palettes with the header's toggle as a reader does, and check its
    colours again. Returns the violations and the scheme the next page will open in: Material
    keeps the reader's choice.

    One load for both palettes: loading every page twice took as long as axe-core's checks.
    """
    where = url or "/"
    scheme = open_settled(tab, base + url)
    assert scheme == opens_in, f"{where}: opened in {scheme}, not {opens_in}"
    found = violations(tab, f"{where} in {scheme}", EVERY_RULE)
    tab.locator(TOGGLE).click()
    switched = OTHER_SCHEME[scheme]
    tab.wait_for_function(SWITCHED, arg=switched, polling="raf")
    return found + violations(tab, f"{where} in {switched}", COLOUR_ONLY), switched


def axe_context(browser, color_scheme: str):
    """A Playwright browser context in which every page has axe-core before its own scripts.

    Handed to each page after it loaded instead (add_script_tag), the 500 kB script cost as
    much time as the checks themselves. The caller closes the context.
    """
    context = browser.new_context(color_scheme=color_scheme)
    context.add_init_script(path=AXE)
    return context
