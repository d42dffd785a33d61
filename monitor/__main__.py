"""`python -m monitor` runs the command line."""

from monitor.cli import main

if __name__ == "__main__":  # not when a reading process imports this module as __mp_main__
    main()
