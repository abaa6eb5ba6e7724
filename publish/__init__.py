"""The production build of the site, the break-glass kit made with it, and the server.

`python -m publish build` renders the site for one address (SITE_URL), makes the kit (an offline
copy and the handbook as a PDF), bundles our style sheet, works out the Content-Security-Policy
from the built pages and precompresses every text file; `python -m publish serve` does the same
and serves it with nginx and the headers in nginx.conf, its topic pages asking "Did this page
help?" (feedback.py); `feedback` counts the answers from the server's log (feedback_log.py);
`kit`, `offline` and `pdf` make the kit or one of its files alone. One command line (cli.py),
one error type (errors.py).
"""
