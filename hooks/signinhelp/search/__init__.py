"""Search: what each page tells Material's index, and the help shown when nothing matches."""
