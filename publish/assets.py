"""Our own style sheets as one file, and our scripts under content-hashed names.

The authors keep one style sheet per concern (mkdocs.yml `extra_css`); a reader on a slow
phone connection should not wait for six. The production build concatenates them in the
order the config lists them (later rules win, as before) into one file whose name carries a
hash of its content, and renames our scripts the same way, so a server can let browsers keep
them for a year: a changed file gets a new name.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class Asset:
    """A file the production build writes: its site path and its bytes."""

    path: str
    content: bytes


def hashed_name(path: str, content: bytes) -> str:
    """`stylesheets/x.css` -> `stylesheets/x.<8 hex digits of sha256>.css`."""
    pure = PurePosixPath(path)
    digest = hashlib.sha256(content).hexdigest()[:8]
    return str(pure.with_name(f"{pure.stem}.{digest}{pure.suffix}"))


def bundle_css(sheets: list[tuple[str, str]], folder: str = "stylesheets") -> Asset:
    """One style sheet from (path, text) pairs, in order, each introduced by its source path.

    Every sheet must live in `folder`, so that relative `url()`s inside it still resolve.
    """
    for path, _ in sheets:
        if PurePosixPath(path).parent != PurePosixPath(folder):
            raise ValueError(f"{path}: extra_css outside {folder}/ can't be bundled")
    text = "".join(f"/* {path} */\n{css.rstrip()}\n" for path, css in sheets)
    content = text.encode("utf-8")
    return Asset(hashed_name(f"{folder}/bundle.css", content), content)


def bundle_scripts(scripts: list[tuple[str, bytes]], folder: str = "javascripts") -> Asset:
    """One script from (path, bytes) pairs, in order: one request instead of one per file.

    Each source ends with its own `;`, so a file without a final semicolon can't run into the
    next one.
    """
    content = b"".join(f"/* {path} */\n".encode() + js.rstrip() + b"\n;\n" for path, js in scripts)
    return Asset(hashed_name(f"{folder}/bundle.js", content), content)
