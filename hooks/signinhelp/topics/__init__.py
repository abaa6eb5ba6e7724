"""Troubleshooting topics: their front matter, the page frame around them, and the lists of them."""
