"""The frozen records every layer shares about a run's inputs: claims, articles, problems, settings."""

from __future__ import annotations

import fnmatch
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from factcheck.models.calibration import Calibration


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, where it is: `file:line: where: message`."""

    file: str
    line: int | None
    where: str | None
    message: str

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        key = f" {self.where}:" if self.where else ""
        return f"{place}:{key} {self.message}"


class ProblemsError(Exception):
    """Input that cannot be used; `problems` lists every reason, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        super().__init__("\n".join(map(str, self.problems)))


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    story: str | None = None
    versions: tuple[tuple[str, str], ...] = ()
    verified: str | None = None
    severity: str = "error"
    line: int = 0
    lang: str | None = None  # the language of its text, when known before matching (read back from the cache)

    @property
    def version_ids(self) -> tuple[str, ...]:
        return tuple(vid for vid, _ in self.versions)

    @property
    def assertion(self) -> str | None:
        """What the claim itself asserts: its verified version, else its text when it has no versions. A claim
        with versions and none verified asserts nothing: it only asks which one each article tells."""
        if self.verified is not None:
            return dict(self.versions)[self.verified]
        return None if self.versions else self.text


@dataclass(frozen=True)
class ClaimSet:
    claims: tuple[Claim, ...]
    stories: tuple[tuple[str, tuple[str, ...]], ...] = ()
    model: str | None = None
    path: str = "claims.yaml"
    nli: str | None = None  # an NLI cross-encoder for the optional contradiction stage
    glob_lines: tuple[tuple[str, str, int], ...] = ()  # (story, pattern, line): where each glob is written

    def glob_line(self, story: str, pattern: str) -> int | None:
        return next((line for s, p, line in self.glob_lines if (s, p) == (story, pattern)), None)

    def story_patterns(self, story: str) -> tuple[str, ...]:
        return dict(self.stories).get(story, ())

    def checks(self, claim: Claim, article_id: str) -> bool:
        """Whether `article_id` is in scope for `claim` (its story, or all)."""
        return claim.story is None or self.in_story(claim.story, article_id)

    def in_story(self, story: str, article_id: str) -> bool:
        """Whether `article_id` matches one of the story's globs."""
        return any(fnmatch.fnmatchcase(article_id, p) for p in self.story_patterns(story))


class Sentence(NamedTuple):
    """One sentence of an article, at its 1-based line. A NamedTuple: immutable and light (an archive run
    builds half a million)."""

    article: str
    line: int
    text: str
    lang: str


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    lang: str
    sentences: tuple[Sentence, ...]
    dropped_lines: tuple[tuple[int, str], ...] = ()
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Settings:
    """What a run's results depend on besides claims and articles; the key of everything stored for it."""

    model: str
    claims_file: str
    calibration: Calibration
    min_severity: str = "warning"  # findings of claims below it are left out of the findings formats
    code: str = ""  # a digest of the code that matches and decides (app.py): a new version matches again

    def match_key(self) -> bytes:
        """What a stored match depends on besides the claims and the sentences, as one key (as black's
        Mode.get_cache_key): the model, the calibration and the code. min_severity is not in it: it only
        filters what reports show."""
        text = json.dumps([self.model, self.calibration.to_dict(), self.code], sort_keys=True, default=str)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=20).digest()
