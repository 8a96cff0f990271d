"""`python -m generator` runs the `lkj` command."""

from .cli import main

main()
