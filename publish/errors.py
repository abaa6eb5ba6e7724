"""The one error the publish tools raise: its message is printed as one line, and the command exits 1."""


class PublishError(Exception):
    """Something the production build or the kit can't do; the message says what to fix."""
