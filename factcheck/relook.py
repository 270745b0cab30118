"""Second looks over an archive, stored at three levels: a moved anchor costs one claim's decision per article."""

from __future__ import annotations

import hashlib
import struct
from typing import TYPE_CHECKING, Callable, Iterable

import numpy as np

from factcheck.articles import Article
from factcheck.calibration import Calibration
from factcheck.embed import PASSAGE, Embedder, encode_batched
from factcheck.evidence import ArticleMatch
from factcheck.anchored import Decisions, decide_all
from factcheck.feedback import Anchor, decision_key, second_look_key, with_decisions
from factcheck.match import ClaimMatrix

Near = dict[int, tuple[Anchor, ...]]  # claim index -> its anchors, for the claims an article nearly states
_STATED = struct.Struct("<id")  # a claim's second-look unit and p; an empty value: not stated

if TYPE_CHECKING:
    from factcheck.pipeline import MatchStore


class SecondLooks:
    """The second looks of one chunk of articles. Three kinds of entries are stored, read and written in
    batches:

    - per article and its near misses' anchors (second_look_key): empty if nothing changes, else the
      key of the changed match;
    - per article, claim and that claim's anchors: the claim's decision;
    - per article and the decisions that changed it: the match.

    An edit elsewhere that gives a claim another anchor misses the first kind for every near miss of
    that claim; the second kind then holds the decisions of the article's other claims, and the third
    the match, unless the new anchor changes the decision.
    """

    def __init__(self, todo: list[tuple[Article, Near]], first: Callable[[Article], ArticleMatch],
                 first_key: Callable[[Article], bytes], claims_of: Callable[[Article], ClaimMatrix],
                 embedder: Embedder, calibration: Calibration, store: "MatchStore | None"):
        self.todo, self.first, self.first_key, self.claims_of = todo, first, first_key, claims_of
        self.embedder, self.calibration, self.store = embedder, calibration, store
        self._vectors: dict[str, np.ndarray] = {}

    def matches(self) -> list[ArticleMatch]:
        """Each article's match after its second look, in the order of `todo`."""
        keys = [second_look_key(self.first_key(a), near) for a, near in self.todo]
        pointers = self._get(keys)
        matches = self._get([p for p in pointers.values() if p])
        known = {key for key, pointer in pointers.items() if not pointer or pointer in matches}
        redo = [n for n, key in enumerate(keys) if key not in known]
        decided = dict(zip(redo, self._decisions(redo)))
        fresh = {n: _changed_key(self.first_key(self.todo[n][0]), stated) if stated else b""
                 for n, stated in decided.items()}
        matches.update(self._get([p for p in set(fresh.values()) if p and p not in matches]))
        made = self._rematch({pointer: n for n, pointer in fresh.items() if pointer and pointer not in matches},
                             decided)
        self._put([(key, match.to_bytes()) for key, match in made.items()])
        self._put([(keys[n], pointer) for n, pointer in fresh.items()])
        return [self._match(n, fresh[n] if n in fresh else pointers[keys[n]], made, matches)
                for n in range(len(self.todo))]

    def _match(self, n: int, pointer: bytes, made: dict[bytes, ArticleMatch], stored: dict[bytes, bytes]):
        article = self.todo[n][0]
        if not pointer:
            return self.first(article)
        if pointer in made:
            return made[pointer]
        return ArticleMatch.from_bytes(stored[pointer], len(self.claims_of(article).claims))

    def _decisions(self, redo: list[int]) -> list[Decisions]:
        """The second-look decisions of the articles `redo` (positions in todo): stored ones read back, the
        others made, from the sentences' vectors, for the claims whose anchors are new to the article."""
        keys = {n: {i: decision_key(self.first_key(self.todo[n][0]), i, anchors)
                    for i, anchors in self.todo[n][1].items()} for n in redo}
        got = self._get([key for per_claim in keys.values() for key in per_claim.values()])
        undecided = {n: [i for i, key in per_claim.items() if key not in got] for n, per_claim in keys.items()}
        undecided = {n: claims for n, claims in undecided.items() if claims}
        anchors = self._anchor_vectors(a for n, claims in undecided.items() for i in claims for a in self.todo[n][1][i])
        self._read_vectors([self.todo[n][0] for n in undecided])
        items = [(self.claims_of(self.todo[n][0]), self.todo[n][0], self._vectors[self.todo[n][0].id],
                  {i: np.vstack([anchors[a.text] for a in self.todo[n][1][i]]) for i in claims})
                 for n, claims in undecided.items()]
        new = [(keys[n][i], _STATED.pack(*stated[i]) if i in stated else b"")
               for (n, claims), stated in zip(undecided.items(), decide_all(items, self.calibration)) for i in claims]
        got.update(new)
        self._put(new)
        return [{i: _STATED.unpack(got[key]) for i, key in keys[n].items() if got[key]} for n in redo]

    def _rematch(self, todo: dict[bytes, int], decided: dict[int, Decisions]) -> dict[bytes, ArticleMatch]:
        self._read_vectors([self.todo[n][0] for n in todo.values()])
        out = {}
        for key, n in todo.items():
            article = self.todo[n][0]
            out[key] = with_decisions(self.claims_of(article), article, self._vectors[article.id], self.calibration,
                                      decided[n])
        return out

    def _read_vectors(self, articles: list[Article]) -> None:
        """Each article's sentence vectors, read back from the cache: each distinct text once, then each
        article's rows taken from those (not one matrix of every sentence first: 40 MB more per chunk)."""
        need = [a for a in articles if a.id not in self._vectors]
        texts = [s.text for a in need for s in a.sentences]
        index = {text: i for i, text in enumerate(dict.fromkeys(texts))}
        distinct = encode_batched(self.embedder, list(index), PASSAGE)
        rows = np.fromiter((index[t] for t in texts), dtype=np.intp, count=len(texts))
        start = 0
        for article in need:
            self._vectors[article.id] = distinct[rows[start: start + len(article.sentences)]]
            start += len(article.sentences)

    def _anchor_vectors(self, anchors: Iterable[Anchor]) -> dict[str, np.ndarray]:
        texts = list(dict.fromkeys(a.text for a in anchors))
        return dict(zip(texts, encode_batched(self.embedder, texts, PASSAGE)))

    def _get(self, keys: list[bytes]) -> dict[bytes, bytes]:
        return self.store.get_matches(keys) if self.store is not None and keys else {}

    def _put(self, items: list[tuple[bytes, bytes]]) -> None:
        if self.store is not None and items:
            self.store.put_matches(items)


def _changed_key(first_key: bytes, stated: Decisions) -> bytes:
    digest = hashlib.blake2b(first_key, digest_size=20, person=b"changed")
    for claim, value in sorted(stated.items()):
        digest.update(struct.pack("<i", claim) + _STATED.pack(*value))
    return digest.digest()
