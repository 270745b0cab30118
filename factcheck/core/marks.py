"""What an editor should see marked in an evidence sentence: the figures, negations, speakers and modal words
the comparison looks at."""

from __future__ import annotations

import re

from factcheck.results import ClaimResult, Marked
from factcheck.text.cues import MODALITY, cues
from factcheck.text.quantities import quantities


def checkable_spans(text: str, lang: str) -> tuple[str, ...]:
    """The parts of `text` the comparison reads, longest first (so that '67 000' wins over '67')."""
    found = cues(text, lang)
    spans = [q.text for q in quantities(text, lang)] + list(found.negations) + list(found.speakers)
    spans += [m.group() for ps in MODALITY.values() for p in ps for m in re.finditer(p, text, re.IGNORECASE)]
    return tuple(sorted({s for s in spans if s and s in text}, key=len, reverse=True))


def marks_of(results: tuple[ClaimResult, ...]) -> tuple[Marked, ...]:
    """Each evidence text of the claims with a finding, with its checkable spans (the HTML report marks them)."""
    texts = dict.fromkeys((e.text, e.lang) for r in results if r.has_finding for e in r.mentioning)
    return tuple(Marked(text, lang, checkable_spans(text, lang)) for text, lang in texts)
