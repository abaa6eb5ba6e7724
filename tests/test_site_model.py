"""Reading the site model is a plain cached read: it changes no file list and publishes no data.

The data files stay out of the site through `exclude_docs` in mkdocs.yml, so any hook may ask
for the model first, in any event, and the build's files are the same whoever asked.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import InclusionLevel, get_files

from signinhelp.site import DATA_URIS, site_model
from sitetools.paths import ROOT


def test_reading_the_model_leaves_the_files_alone() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    files = get_files(config)
    before = [(file.src_uri, file.inclusion) for file in files]
    model = site_model(config, files)
    assert site_model(config, files) is model
    assert [(file.src_uri, file.inclusion) for file in files] == before
    for src_uri in DATA_URIS:
        data_file = files.get_file_from_path(src_uri)
        assert data_file is not None and data_file.inclusion == InclusionLevel.EXCLUDED


def test_no_data_file_is_published(site: Path) -> None:
    assert sorted(site.rglob("*.yml")) == []
