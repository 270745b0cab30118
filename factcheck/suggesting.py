"""What `factcheck suggest` finds: the articles grouped into stories, their sentences aligned and compared."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.app import (
    Request,
    UsageError,
    calibration_or_default,
    loaded_model,
    model_spec,
    open_store,
    readable_articles,
)
from factcheck.core.match import claim_texts
from factcheck.inputs.claims import load_claims
from factcheck.models.embed import PASSAGE, QUERY, encode_batched
from factcheck.records import Article, ClaimSet, Problem
from factcheck.store.vectors import CachedEmbedder


def suggested(
    request: Request,
    notify: Callable[[str], None],
    story: str | None,
    limit: int,
    min_shared: float,
    problems: Callable[[list[Problem]], None],
):
    """`factcheck suggest`: the articles grouped into stories (the claims file's, else clustered), their sentences
    aligned and compared; without what the claims file (if given) already covers. The articles that cannot be
    read go to `problems`, as `run` lists them."""
    from factcheck.core.suggest import suggest

    claim_set = load_claims(request.claims) if request.claims else None
    store = open_store(request, notify)
    try:
        articles, unreadable = readable_articles(request, store)
        problems(unreadable)
        spec = model_spec(request, claim_set)
        embedder = CachedEmbedder(spec.identity, store, lambda: loaded_model(spec, notify))
        try:
            vectors = {a.id: encode_batched(embedder, [s.text for s in a.sentences], PASSAGE) for a in articles}
            stories = _stories(claim_set, articles, vectors, calibration_or_default(spec.identity, notify), min_shared)
            if story is not None:
                stories = [s for s in stories if s.name == story]
                if not stories:
                    raise UsageError(f"no story {story!r} in {request.claims or 'the stories factcheck found'}")
            claim_vectors = None
            if claim_set is not None:
                claim_vectors = encode_batched(embedder, claim_texts(list(claim_set.claims)), QUERY)
            return suggest(stories, vectors, claim_vectors, limit)
        finally:
            embedder.close()
    finally:
        store.close()


def _stories(claim_set: ClaimSet | None, articles: list[Article], vectors: dict, calibration, min_shared: float):
    """The claims file's stories, else groups of articles that state enough of each other (`stories`); every
    article in no story is a story of its own, where only its internal differences are looked for."""
    from factcheck.core.explain import shared_statements, suggest_stories
    from factcheck.core.suggest import Story

    by_id = {a.id: a for a in articles}
    curated = claim_set is not None and bool(claim_set.stories)
    if curated:
        groups = [(name, [a for a in articles if claim_set.in_story(name, a.id)]) for name, _ in claim_set.stories]
    else:
        shared = shared_statements(articles, [vectors[a.id] for a in articles], calibration)
        clusters = suggest_stories([a.id for a in articles], shared, min_shared)
        # named as `factcheck stories` names them, so that its block can be pasted with the claims
        groups = [(f"story-{n}", [by_id[i] for i in ids]) for n, ids in enumerate(clusters, 1)]
    grouped = {a.id for _, members in groups for a in members}
    stories = [Story(name, tuple(members), curated) for name, members in groups if members]
    return stories + [Story(None, (a,)) for a in articles if a.id not in grouped]
