"""Find article files, decode them, drop page furniture and split them into numbered sentences."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from factcheck.boilerplate import boilerplate_kind
from factcheck.language import detect_language
from factcheck.problems import Problem, ProblemsError
from factcheck.textio import NotText, decode_bytes

ARTICLE_SUFFIX = ".txt"
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
MIN_LANGID_CHARS = 40
MAX_SENTENCE_CHARS = 1000  # longer runs are cut: models truncate far sooner (USE, E5: ~128-512 tokens)


class ArticlesError(ProblemsError):
    """A path given for articles does not exist."""


@dataclass(frozen=True)
class Sentence:
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
class ArticleFile:
    id: str
    path: Path


def find_article_files(paths: list[str]) -> tuple[list[ArticleFile], list[Problem]]:
    """Expand files and folders into article files with ids; raise ArticlesError if a path does not exist."""
    files, problems, missing = [], [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(ArticleFile(_article_id(p, path), p) for p in _walk_txt(path))
        elif path.is_file():
            files.append(ArticleFile(_strip_suffix(path.name), path))
        else:
            missing.append(Problem(raw, None, None, "no such file or folder"))
    if missing:
        raise ArticlesError(missing)
    return _drop_duplicate_ids(files, problems)


def _walk_txt(folder: Path) -> list[Path]:
    found = []
    # followlinks=False: a symlinked folder can loop back on itself
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / n for n in sorted(names)
                     if n.endswith(ARTICLE_SUFFIX) and not n.startswith("."))
    return found


def _article_id(path: Path, folder: Path) -> str:
    return _strip_suffix(path.relative_to(folder).as_posix())


def _strip_suffix(name: str) -> str:
    return name[: -len(ARTICLE_SUFFIX)] if name.endswith(ARTICLE_SUFFIX) else name


def _drop_duplicate_ids(files, problems):
    seen: dict[str, Path] = {}
    unique = []
    for f in files:
        if f.id in seen:
            problems.append(Problem(str(f.path), None, None,
                                    f"article id {f.id!r} is also given by {seen[f.id]}; this copy is skipped"))
            continue
        seen[f.id] = f.path
        unique.append(f)
    return sorted(unique, key=lambda f: f.id), problems


def read_article(file: ArticleFile) -> Article:
    """Read one article file; raise ValueError with a user-facing reason when it is unusable."""
    try:
        size = file.path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ValueError(f"is {size // (1024 * 1024)} MiB; articles over "
                             f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MiB are not read")
        data = file.path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot be read: {exc.strerror or exc}") from None
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        raise ValueError(str(exc)) from None
    article = parse_article(file.id, decoded.text, str(file.path), decoded.encoding)
    if not article.sentences:
        raise ValueError("has no text to check (empty, or only page furniture)")
    return article


def parse_article(article_id: str, text: str, path: str = "", encoding: str = "utf-8") -> Article:
    """Split decoded article text into sentences that keep their 1-based line numbers."""
    lang = detect_language(text)
    sentences, dropped = [], []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if boilerplate_kind(line):
            dropped.append((number, line.strip()))
            continue
        line_lang = detect_language(line) if len(line) >= MIN_LANGID_CHARS else lang
        sentences.extend(Sentence(article_id, number, s, line_lang) for s in split_sentences(line, line_lang))
    return Article(article_id, path, lang, tuple(sentences), tuple(dropped), encoding)


def split_sentences(line: str, lang: str) -> list[str]:
    import sentencex

    sentences = (" ".join(p.split()) for p in sentencex.segment(lang, line))
    return [chunk for s in sentences if s for chunk in _bounded(s)]


def _bounded(sentence: str) -> list[str]:
    """Cut a run-on 'sentence' (a table, a URL dump) into pieces a model can read whole."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [sentence]
    words, chunks, current = sentence.split(" "), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > MAX_SENTENCE_CHARS:
            chunks.append(current)
            current = ""
        current = f"{current} {word}" if current else word[:MAX_SENTENCE_CHARS]
    return chunks + [current] if current else chunks
