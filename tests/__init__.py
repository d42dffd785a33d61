"""The test suite. Imported before conftest.py and every test module."""

import sys

# Compiled modules are kept between runs even where PYTHONDONTWRITEBYTECODE is set (as on this
# project's machines): compiling the package and the tests again cost every test process ~4 s of
# a quick loop under a minute. __pycache__ folders are ignored by git.
sys.dont_write_bytecode = False
