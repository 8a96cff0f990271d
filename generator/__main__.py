"""`python -m generator` runs the `lkj` command."""

from generator.commands.cli import main

# Guarded: worker processes (started with `spawn`, as on Windows) import the main module again.
if __name__ == "__main__":
    main()
