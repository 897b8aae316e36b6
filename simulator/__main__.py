"""`python -m simulator` runs the `coach` command line."""

from simulator.shell.cli import main

main()
