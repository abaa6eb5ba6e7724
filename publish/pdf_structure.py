"""Stable names in a tagged PDF's structure tree, so the same page prints to the same bytes.

Chromium names each table header cell it tags after the renderer's id for its DOM node
(`/ID (node00005896)`), and data cells point at their headers by that name (`/Headers`). The
renderer hands those ids out as anything asks for one, paint timing included, so two prints of
the same page can be one apart. Renumbering the names in their order keeps every reference
and the structure tree's name index (`/IDTree`, sorted by name) as they were.
"""

from __future__ import annotations

from collections.abc import Iterator

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, PdfObject, TextStringObject

ID = NameObject("/ID")
HEADERS = NameObject("/Headers")
NAMES = NameObject("/Names")
LIMITS = NameObject("/Limits")


def renumber_structure_ids(writer: PdfWriter) -> None:
    """Rename every structure element's /ID to node00000001, node00000002... in their order."""
    tree = writer.root_object.get("/StructTreeRoot")
    if tree is None:
        return
    dictionaries = list(_dictionaries(tree))
    found = {str(d[ID]) for d in dictionaries if ID in d}
    # Same-width numbers: sorting the names sorts the numbers, and the index stays in order.
    new = {old: f"node{number:08d}" for number, old in enumerate(sorted(found), 1)}
    for dictionary in dictionaries:
        if ID in dictionary:
            dictionary[ID] = TextStringObject(new[str(dictionary[ID])])
        for key in (HEADERS, LIMITS):
            if key in dictionary:
                dictionary[key] = _renamed(dictionary[key], new)
        if NAMES in dictionary:
            dictionary[NAMES] = _renamed(dictionary[NAMES], new)


def _renamed(names: PdfObject, new: dict[str, str]) -> ArrayObject:
    """An array with each old name replaced; other entries (the name index's references) kept."""
    array = names.get_object()
    if not isinstance(array, ArrayObject):
        return ArrayObject([array])
    return ArrayObject(
        TextStringObject(new[item]) if isinstance(item, str) and item in new else item
        for item in array
    )


def _dictionaries(start: PdfObject) -> Iterator[DictionaryObject]:
    """Every dictionary reachable from ``start`` through /K, /A, /IDTree and /Kids, once each.

    Not /P (an element's parent) or /Pg (its page): those lead back up or out of the tree.
    """
    seen: set[int] = set()
    todo = [start]
    while todo:
        item = todo.pop()
        target = item.get_object()
        if id(target) in seen:
            continue
        seen.add(id(target))
        if isinstance(target, ArrayObject):
            todo.extend(target)
        elif isinstance(target, DictionaryObject):
            yield target
            todo.extend(target[key] for key in ("/K", "/A", "/IDTree", "/Kids") if key in target)
