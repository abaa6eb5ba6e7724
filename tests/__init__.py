"""The test suite: `test_*.py` modules, shared fixtures in conftest.py, helpers in support/."""
