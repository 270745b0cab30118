"""The vectors of the words a run has embedded, kept while it runs: one article shares most of its words with
the others, so a word is embedded once, not once per chunk or per worker."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

# About 100 MB of USE vectors. The words met first are mostly the common ones, which come back most often; past
# the limit a new word is embedded whenever it is met, as every word was before.
WORD_LIMIT = 50_000

Encode = Callable[[list[str]], np.ndarray]


class KnownWords:
    """The words' vectors embedded so far in a run. A worker forked from this process reads them as they were at
    the fork; what it embeds comes back (WordEncoder.fresh) and is kept here with `keep`. What is known changes
    how long a run takes, never what it finds: a word's vector is the same whenever it is embedded."""

    def __init__(self, limit: int = WORD_LIMIT):
        self.limit = limit
        self._vectors: dict[str, np.ndarray] = {}

    def encoder(self, encode: Encode) -> WordEncoder:
        """An encoder of words that embeds (with `encode`) only those not known yet."""
        return WordEncoder(self._vectors, encode)

    def keep(self, fresh: dict[str, np.ndarray]) -> None:
        """Keep the words a WordEncoder embedded, up to the limit."""
        room = self.limit - len(self._vectors)
        new = [w for w in fresh if w not in self._vectors][: max(room, 0)]
        self._vectors.update((w, fresh[w]) for w in new)

    def __len__(self) -> int:
        return len(self._vectors)

    def __contains__(self, word: str) -> bool:
        return word in self._vectors


class WordEncoder:
    """encode() for words: the known ones read back, the others embedded in one batch and kept in `fresh`."""

    def __init__(self, known: dict[str, np.ndarray], encode: Encode):
        self._known = known
        self._encode = encode
        self.fresh: dict[str, np.ndarray] = {}

    def __call__(self, words: list[str]) -> np.ndarray:
        if not words:
            return np.zeros((0, 1), dtype=np.float32)
        missing = list(dict.fromkeys(w for w in words if w not in self._known and w not in self.fresh))
        if missing:
            self.fresh.update(zip(missing, self._encode(missing)))
        return np.vstack([self._known[w] if w in self._known else self.fresh[w] for w in words])
