"""Pure logic behind the site's hooks: plain data in, plain data out, no MkDocs import.

Keeping MkDocs out of this package lets pytest exercise every rule and renderer directly,
and keeps the hook files in hooks/ down to thin event glue.
"""
