"""Language identification of article text (py3langid), shared by decoding and splitting."""

from __future__ import annotations

UNDETERMINED = "und"


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'und' for blank text."""
    import py3langid

    return py3langid.classify(text[:5000])[0] if text.strip() else UNDETERMINED
