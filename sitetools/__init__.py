"""What the tests, the benchmarks and the publish tools share, imported the same way by all three.

- `sitetools.paths`: the repository root and its `mkdocs.yml`.
- `sitetools.build`: build a site the way `mkdocs build --strict` does.
- `sitetools.chromium`: Debian's Chromium with the project's settings.
- `sitetools.serve`: serve a folder on 127.0.0.1, wait for a server's port.
- `sitetools.production`: the production site (`python -m publish`), built and served by nginx.
- `sitetools.search_box`: Material's real search box in Chromium, read as a reader sees it.
"""

import os

# Material prints a long end-of-life notice when it loads; it says nothing about these builds.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
