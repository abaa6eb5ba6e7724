"""The production build of the site and the server that publishes it as readers get it.

`python -m publish build` renders the site for one address (SITE_URL), bundles our style sheet,
works out the Content-Security-Policy from the built pages and precompresses every text file;
`python -m publish serve` does the same and serves it with nginx and the headers in nginx.conf.
"""
