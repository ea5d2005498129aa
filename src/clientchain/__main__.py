"""``python -m clientchain``."""

from clientchain.cli import main

main()
