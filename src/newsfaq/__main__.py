"""``python -m newsfaq``."""

from newsfaq.cli import main

main()
