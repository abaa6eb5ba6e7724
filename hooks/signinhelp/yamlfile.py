"""One way to read hand-written YAML: every data file and every page's front matter.

PyYAML keeps the last of two equal keys without a word, so a pasted question would replace
another and a second `title:` would win over the first. This loader refuses the file instead,
and reads front matter exactly where MkDocs does.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# MkDocs' own rule (mkdocs.utils.meta.YAML_RE): the block it matches is the block MkDocs reads
# as the page's meta, so the check sees what MkDocs sees. tests/test_yaml_input.py compares.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


class UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that a key given twice in one mapping is an error."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                repeated = key in seen
            except TypeError:
                continue  # an unhashable key: the safe loader refuses it below, in its words
            if repeated:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{key}' appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml(text: str) -> Any:
    """The document in ``text``. Raises yaml.YAMLError if it is not valid or repeats a key."""
    return yaml.load(text, Loader=UniqueKeyLoader)


def front_matter_text(text: str) -> str | None:
    """The YAML between a page's opening --- lines, or None when the page has none."""
    # MkDocs reads pages with universal newlines; the data here may still hold \r\n.
    match = FRONT_MATTER.match(text.replace("\r\n", "\n").replace("\r", "\n"))
    return match.group(1) if match else None
