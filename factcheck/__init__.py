"""factcheck: find where articles state curated claims and flag where versions of a story disagree."""

__version__ = "0.1.0"
