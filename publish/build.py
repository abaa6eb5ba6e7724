"""The production build: a pipeline of named steps over one output folder.

    SITE_URL=https://help.example.org/ python -m publish build [--out dist] [--meta-policy]

writes `dist/site/` (what a host serves) and `dist/content-security-policy.txt` (the policy
its pages need, for the host's configuration). Each step takes the `Build` and adds to the
folder; a new step slots into `STEPS` where its input is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import load_config

from publish import assets, compress, csp, feedback, kit, scripts
from publish.errors import PublishError
from sitetools.build import run_build
from sitetools.paths import CONFIG, ROOT

DEFAULT_OUT = ROOT / "dist"
# Inside the output folder, beside the server's configuration; builds leave it alone.
FEEDBACK_LOG = Path("nginx", "feedback.log")


@dataclass
class Build:
    """One production build: where it goes, for which address, and what the steps found."""

    out: Path
    site_url: str
    # For hosts that can't send headers (GitHub Pages): the policy goes into every page too.
    meta_policy: bool = False
    # For a server that logs the site's `feedback` address as publish/nginx.conf does: topic
    # pages ask readers "Did this page help?" (publish/feedback.py).
    feedback: bool = False
    policy: str = ""
    # What the site's kit links show (overrides/partials/kit-links.html): each file and its size.
    kit: dict[str, dict] = field(default_factory=dict)
    # The site's config: an organization's edition has its own (examples/example-corp/).
    config_file: Path = CONFIG

    @property
    def site(self) -> Path:
        """The folder a host serves."""
        return self.out / "site"

    @property
    def kit_dir(self) -> Path:
        """Where the break-glass kit is made, before it is copied into the site."""
        return self.out / "kit"

    @property
    def feedback_log(self) -> Path:
        """Where the server logs answers to "Did this page help?": beside its configuration."""
        return self.out / FEEDBACK_LOG

    @property
    def policy_file(self) -> Path:
        """The Content-Security-Policy header value, one line, outside what is served."""
        return self.out / "content-security-policy.txt"


def make_kit(build: Build) -> None:
    """The offline copy and the handbook PDF, first: the site links them with their size."""
    build.kit_dir.mkdir(parents=True, exist_ok=True)
    build.kit = kit.make_kit(ROOT, build.kit_dir, build.site_url, build.config_file)


def render(build: Build) -> None:
    """Build the pages for the public address, linking one style sheet and one script of ours."""
    config = load_config(
        str(build.config_file), site_dir=str(build.site), site_url=build.site_url, strict=True
    )
    config.extra["kit"] = build.kit
    docs = Path(config.docs_dir)
    sheets = [(path, (docs / path).read_text(encoding="utf-8")) for path in config.extra_css]
    if build.feedback:
        name, css = feedback.widget_file(feedback.STYLESHEET)
        sheets.append((name, css.decode("utf-8")))
    bundle = assets.bundle_css(sheets)
    # Entries are paths, or script settings with a path (MkDocs accepts both). A `type`, `async`
    # or `defer` of its own would be lost in the bundle, so such a script stops the build.
    special = [
        entry.path
        for entry in config.extra_javascript
        if not isinstance(entry, str) and (entry.type or entry.async_ or entry.defer)
    ]
    if special:
        raise PublishError(f"extra_javascript: {special[0]} has settings the bundle can't keep")
    script_paths = [getattr(entry, "path", entry) for entry in config.extra_javascript]
    script_files = [(path, (docs / path).read_bytes()) for path in script_paths]
    if build.feedback:
        script_files.append(feedback.widget_file(feedback.SCRIPT))
    scripts = assets.bundle_scripts(script_files)  # type: ignore[arg-type]
    # Scripts that run before Material's (the head's `polyfills`) stay files of their own.
    early_paths = list(config.extra.get("polyfills", []))
    early = [hashed(path, (docs / path).read_bytes()) for path in early_paths]
    sources = list(config.extra_css) + script_paths + early_paths
    config.extra_css = [bundle.path]
    config.extra_javascript = [scripts.path]
    config.extra["polyfills"] = [asset.path for asset in early]
    run_build(config)
    # The sources were copied as they are; nothing links to them any more.
    for path in sources:
        (build.site / path).unlink()
    for asset in (bundle, scripts, *early):
        (build.site / asset.path).write_bytes(asset.content)
    # MkDocs empties the site's folder before it builds: the kit goes in after.
    kit.copy_kit(build.kit_dir, build.site)


def ask_for_feedback(build: Build) -> None:
    """Ask "Did this page help?" on every topic page, when the server takes the answers."""
    if build.feedback:
        feedback.add_to_topics(build.site, feedback.endpoint(build.site_url))


def hashed(path: str, content: bytes) -> assets.Asset:
    """One script under a name that changes with its content, so browsers may keep it a year."""
    return assets.Asset(assets.hashed_name(path, content), content)


def robots_txt(site_url: str) -> str:
    """Let every crawler in and point it at the sitemap (an absolute address, as robots needs)."""
    return f"User-agent: *\nDisallow:\n\nSitemap: {site_url}sitemap.xml\n"


def write_robots(build: Build) -> None:
    """robots.txt at the site's root."""
    (build.site / "robots.txt").write_text(robots_txt(build.site_url), encoding="utf-8")


def defer_scripts(build: Build) -> None:
    """Every page paints before its scripts run."""
    for page in build.site.rglob("*.html"):
        where = page.relative_to(build.site).as_posix()
        page.write_text(scripts.defer_scripts(page.read_text("utf-8"), where), "utf-8")


def secure(build: Build) -> None:
    """Work out the policy from the built pages; put it in every page when headers can't."""
    hashes = csp.site_script_hashes(build.site)
    build.policy = csp.policy(hashes)
    build.policy_file.write_text(build.policy + "\n", encoding="utf-8")
    if build.meta_policy:
        in_page = csp.policy(hashes, meta=True)
        for page in build.site.rglob("*.html"):
            page.write_text(csp.with_meta_policy(page.read_text("utf-8"), in_page), "utf-8")


def precompress(build: Build) -> None:
    """A .br and a .gz next to every text file, last, so they hold the final bytes."""
    compress.precompress(build.site)


Step = Callable[[Build], None]
STEPS: tuple[tuple[str, Step], ...] = (
    ("make the break-glass kit (offline copy, handbook PDF)", make_kit),
    ("render the pages", render),
    ("ask 'Did this page help?' on topic pages, for a server that logs it", ask_for_feedback),
    ("write robots.txt", write_robots),
    ("defer the scripts", defer_scripts),
    ("allow the inline scripts by their hashes", secure),
    ("precompress every text file", precompress),
)


def run(build: Build, report: Callable[[str], None] = print) -> Build:
    """Run every step in order, saying which one is running."""
    build.out.mkdir(parents=True, exist_ok=True)
    for name, step in STEPS:
        report(f"production build: {name}")
        step(build)
    return build
