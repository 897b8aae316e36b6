"""`python -m simulator` runs the `coach` command line."""

from simulator.cli import main

main()
