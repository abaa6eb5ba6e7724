"""The handbook PDF's structure tree names its table headers the same way on every print.

Chromium names them after DOM node ids, which shift between prints of the same page; the
reproducibility test caught two builds one id apart. These tests build the tree Chromium writes
for one table (two header cells, a data cell pointing at both, the name index) by hand.
"""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from publish.pdf_structure import renumber_structure_ids


def text(value: str) -> TextStringObject:
    return TextStringObject(value)


def tagged_pdf(first_id: int) -> PdfWriter:
    """A one-page PDF whose two header cells are named from ``first_id`` on, as Chromium does."""
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    names = [f"node{first_id + n:08d}" for n in range(2)]
    headers = [
        writer._add_object(
            DictionaryObject(
                {NameObject("/S"): NameObject("/TH"), NameObject("/ID"): text(name)}
            )
        )
        for name in names
    ]
    cell = DictionaryObject(
        {
            NameObject("/S"): NameObject("/TD"),
            NameObject("/A"): ArrayObject(
                [
                    DictionaryObject(
                        {
                            NameObject("/O"): NameObject("/Table"),
                            NameObject("/Headers"): ArrayObject(text(name) for name in names),
                        }
                    )
                ]
            ),
        }
    )
    index = DictionaryObject(
        {
            NameObject("/Limits"): ArrayObject([text(names[0]), text(names[-1])]),
            NameObject("/Names"): ArrayObject(
                [text(names[0]), headers[0], text(names[1]), headers[1]]
            ),
        }
    )
    tree = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructTreeRoot"),
            NameObject("/K"): ArrayObject([*headers, writer._add_object(cell)]),
            NameObject("/IDTree"): DictionaryObject(
                {NameObject("/Kids"): ArrayObject([writer._add_object(index)])}
            ),
        }
    )
    writer.root_object[NameObject("/StructTreeRoot")] = writer._add_object(tree)
    return writer


def written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_two_prints_whose_node_ids_differ_give_the_same_bytes() -> None:
    first, second = tagged_pdf(5895), tagged_pdf(5896)
    assert written(first) != written(second)
    renumber_structure_ids(first)
    renumber_structure_ids(second)
    assert written(first) == written(second)


def test_every_reference_follows_its_header_and_the_index_stays_sorted() -> None:
    writer = tagged_pdf(5896)
    renumber_structure_ids(writer)
    pdf = written(writer)
    assert b"node00005896" not in pdf and b"node00005897" not in pdf
    assert b"/Headers [ (node00000001) (node00000002) ]" in pdf
    assert b"/Limits [ (node00000001) (node00000002) ]" in pdf
    # Each name still leads to its own header cell.
    tree = writer.root_object["/StructTreeRoot"].get_object()
    index = tree["/IDTree"]["/Kids"][0].get_object()["/Names"]
    assert [index[n + 1].get_object()["/ID"] for n in (0, 2)] == [index[0], index[2]]


def test_a_pdf_without_a_structure_tree_is_left_alone() -> None:
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    before = written(writer)
    renumber_structure_ids(writer)
    assert written(writer) == before
