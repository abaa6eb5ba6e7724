"""Production build of the site, and the break-glass kit made alongside it."""
