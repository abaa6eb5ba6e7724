"""The printable handbook: every topic on one page, in menu order."""
