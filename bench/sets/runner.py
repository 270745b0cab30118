"""What the benchmark asks of factcheck: a report.json for claims and articles given as text, and the
comparison alone for a pair of sentences. The one place that knows factcheck's Python API."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.core.check import check
from factcheck.core.compare import compare, contradictions
from factcheck.inputs.claims import parse_claims
from factcheck.models.calibration import calibration_for
from factcheck.models.embed import load_embedder, resolve_model
from factcheck.records import Sentence, Settings
from factcheck.report.json_report import render_json
from factcheck.results import Evidence
from factcheck.store import MemoryStore
from factcheck.store.sqlite import CacheStore
from factcheck.store.vectors import CachedEmbedder
from factcheck.text.sentences import parse_article

CACHE = Path(__file__).resolve().parents[1] / ".cache"


class Tool:
    """factcheck with one model, loaded once, its vectors cached in bench/.cache between runs."""

    def __init__(self, model: str = "use"):
        spec = resolve_model(model)
        CACHE.mkdir(exist_ok=True)
        self.store = CacheStore(CACHE)
        self.embedder = CachedEmbedder(spec.identity, self.store, lambda: load_embedder(spec))
        self.settings = Settings(spec.identity, "claims.yaml", calibration_for(spec.identity))

    def report(self, claims_yaml: str, articles: dict[str, str]) -> dict:
        claim_set = parse_claims(claims_yaml)
        parsed = [parse_article(article_id, text) for article_id, text in articles.items()]
        parsed = [a for a in parsed if a.sentences]
        report = check(claim_set, parsed, self.embedder, self.settings, MemoryStore())
        return json.loads("".join(render_json(report)))

    def differs(self, left: str, left_lang: str, right: str, right_lang: str, against_claim: bool = False) -> bool:
        if against_claim:
            return bool(contradictions(" ".join(left.split()), left_lang, _evidence("r", right, right_lang)))
        return bool(compare(_evidence("l", left, left_lang), _evidence("r", right, right_lang)))

    def close(self) -> None:
        self.embedder.close()
        self.store.close()


def _evidence(article: str, text: str, lang: str) -> Evidence:
    sentence = Sentence(article, 1, " ".join(text.split()), lang)
    return Evidence("x", article, True, 1.0, 1.0, (sentence,))
