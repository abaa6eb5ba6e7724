"""Scripts that print figures (not tests): run each from the repository root as a module,
`.venv/bin/python -m benchmarks.build`, so it imports sitetools like the tests do."""
