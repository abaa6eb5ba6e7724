"""Helpers the test modules share; no test module imports another test module.

Support the benchmarks and publish tools also need (builds, Chromium, serving) is in sitetools/.
"""
