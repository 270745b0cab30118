"""`python -m factcheck`."""

from factcheck.cli import console_main

console_main()
