"""What a hook makes once per build and keeps on that build's config."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from mkdocs.config.defaults import MkDocsConfig

T = TypeVar("T")


def per_build(config: MkDocsConfig, key: str, make: Callable[[], T]) -> T:
    """What ``make`` returns, made once per build and kept on that build's config.

    Never in a module global: MkDocs imports a hook module once and reuses it for every
    `mkdocs serve` rebuild and every build of a test session, each with a new config.
    """
    if config.get(key) is None:
        config[key] = make()
    return cast(T, config[key])
