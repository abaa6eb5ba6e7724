"""Let the page paint before its scripts run: every external script of a page gets `defer`.

Material puts its scripts at the end of the body, but a script there still holds up the first
paint while it downloads and runs; on a slow phone that is most of the wait. Deferred scripts
run in the same order once the page is parsed, before DOMContentLoaded, which is when
Material and our search script start their work anyway.
"""

from __future__ import annotations

from publish.errors import PublishError
from publish.markup import StartTag, replace_tags, start_tags


def defer_scripts(page: str, where: str) -> str:
    """``page`` with `defer` on every external script that doesn't already wait.

    Every page Material writes loads its bundle: a page with no external script means the
    layout changed under this step, and ``where`` (the page's path) says where.
    """
    external = [tag for tag in start_tags(page, "script") if tag.has("src")]
    if not external:
        raise PublishError(f"{where}: no <script src=...> to defer; did Material's layout change?")
    return replace_tags(page, {tag: tag.with_attr("defer") for tag in external if _blocks(tag)})


def _blocks(tag: StartTag) -> bool:
    # An async script doesn't hold up the page either, and a module script is deferred already.
    return not (tag.has("defer") or tag.has("async") or tag.get("type") == "module")
