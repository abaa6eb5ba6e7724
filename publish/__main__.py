"""`python -m publish`: see publish/cli.py, or `python -m publish --help`."""

from publish.cli import main

main()
