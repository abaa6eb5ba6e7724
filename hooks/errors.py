"""Error-message index: one generated page listing every message the topics quote, A to Z.

Built from the topics' `errors`, so a message added to a topic is in the index on the next
build, and MkDocs checks each link, to its heading, like any other.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from signinhelp.site import label_for, site_model
from signinhelp.topics.messages import ERRORS_URI, page_source


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if files.get_file_from_path(ERRORS_URI):
        label = label_for(config)(ERRORS_URI)
        raise PluginError(f"{label}: file: the error-message index is generated there; rename it")
    # Listed in the nav by mkdocs.yml; NOT_IN_NAV keeps a site without that entry quiet.
    files.append(
        File.generated(
            config,
            ERRORS_URI,
            content=page_source(site_model(config, files).topics),
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
    )
    return files
