"""Logic behind the site's hooks, imported by every hook: no hook file imports another.

Everything here but ``site`` is pure: plain data in, plain data out, no MkDocs import, so
pytest exercises every rule and renderer directly. ``site`` is the one bridge to MkDocs: it
loads the site model once per build and keeps it on the build's config.
"""
