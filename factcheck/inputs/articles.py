"""Find article files, decode them, drop page furniture and split them into numbered sentences."""

from __future__ import annotations

import contextlib
import os
from functools import partial
from typing import Protocol

from factcheck.inputs.decode import NotText, decode_bytes
from factcheck.inputs.discover import ArticleFile
from factcheck.inputs.files import read_regular
from factcheck.records import Article, Problem, Sentence
from factcheck.text.language import detect_language
from factcheck.text.sentences import parse_article

# A news article is tens of KB. Matching memory grows with sentences (a vector each, and each claim's scores):
# a 19 MB one-line file of 345,000 short sentences took 5.3 GB; these caps keep one article near 150 MB.
MAX_ARTICLE_BYTES = 4 * 1024 * 1024
MAX_SENTENCES = 5_000
READ_BATCH = 500  # files read before their parsed forms are looked up at once
PARSE_PARALLEL = 64  # fewer new files than this are parsed in this process: workers cost ~0.1 s to start
MIN_LANGID_CHARS = 40
MAX_SENTENCE_CHARS = 1000  # longer runs are cut: models truncate far sooner (USE, E5: ~128-512 tokens)


class ParsedStore(Protocol):
    """Where parsed articles and claims' languages are kept between runs, keyed by their bytes and the parsing code."""

    def get_parsed_many(self, keys: list[bytes]) -> dict[bytes, dict]: ...

    def put_parsed(self, key: bytes, parsed: dict) -> None: ...


def read_articles(
    files: list[ArticleFile], store: ParsedStore | None = None, parser: bytes = b"", batch: int = READ_BATCH
) -> tuple[list[Article], list[Problem]]:
    """read_article for many files, asking the store once per batch of files (one query per
    article was a third of a warm run's reading at 20,000 articles) and parsing new files a batch
    at a time on every core; unusable files become problems.

    New files wait until a batch of them is found, or all files are read: a rerun's few new files,
    spread across the archive, are then parsed together, while the language model loads in the
    background as the cached ones are read."""
    articles: dict[int, Article] = {}
    problems: dict[int, Problem] = {}
    new: list[tuple[int, ArticleFile, bytes, bytes]] = []
    with _Parser() as workers:
        for start in range(0, len(files), batch):
            read = []
            for n, file in enumerate(files[start : start + batch], start):
                try:
                    read.append((n, file, _read_bytes(file)))
                except ValueError as exc:
                    problems[n] = Problem(str(file.path), None, None, str(exc))
            keys = [parsed_key(data, parser) for _, _, data in read]
            cached = store.get_parsed_many(keys) if store is not None else {}
            for (n, file, data), key in zip(read, keys):
                stored = article_from_dict(file.id, str(file.path), cached[key]) if key in cached else None
                if stored is not None:
                    _collect(n, file, partial(_usable, stored), articles, problems)
                else:  # new, or its stored form is damaged: parsed (again)
                    new.append((n, file, data, key))
            # only a rerun's scattered new files load the model ahead: a whole batch of them (a cold run) goes
            # at once to workers that load it themselves, and loading it here too added ~100 MB of peak memory
            if 0 < len(new) < batch:
                workers.expect()
            if len(new) >= batch or start + batch >= len(files):
                _parse_new(new, workers, store, articles, problems)
                new = []
    return [articles[n] for n in sorted(articles)], [problems[n] for n in sorted(problems)]


def _parse_new(
    new: list[tuple[int, ArticleFile, bytes, bytes]],
    parser: _Parser,
    store: ParsedStore | None,
    articles: dict[int, Article],
    problems: dict[int, Problem],
) -> None:
    fresh = parser.parse([(file, data) for _, file, data, _ in new])
    for n, file, _, key in new:
        _collect(n, file, partial(_fresh, file, key, fresh, store), articles, problems)


def _collect(n: int, file: ArticleFile, article, articles: dict[int, Article], problems: dict[int, Problem]) -> None:
    try:
        articles[n] = article()
    except ValueError as exc:
        problems[n] = Problem(str(file.path), None, None, str(exc))


class _Parser:
    """Parses new files: here for a few, else in one worker process per core. Parsing (language
    identification above all) is a quarter of a cold run, and the other core would sit idle."""

    def __init__(self):
        self._pool = None
        self._loading = None

    def __enter__(self) -> _Parser:
        return self

    def __exit__(self, *exc) -> None:
        self._loaded()
        if self._pool is not None:
            self._pool.shutdown()

    def expect(self) -> None:
        """New files are coming: load the language model in a thread meanwhile (0.5-0.9 s, mostly LZMA
        decompression, which lets go of the GIL). Workers forked later inherit it."""
        if self._loading is None:
            import threading

            self._loading = threading.Thread(target=_load_language_model, name="factcheck-langid", daemon=True)
            self._loading.start()

    def _loaded(self) -> None:
        if self._loading is not None:
            self._loading.join()

    def parse(self, todo: list[tuple[ArticleFile, bytes]]) -> dict[str, Article | ValueError]:
        from factcheck.parallel import can_fork

        self._loaded()  # neither parse nor fork while the model loads
        workers = os.cpu_count() or 1
        if len(todo) < PARSE_PARALLEL or workers < 2 or not can_fork():
            return {file.id: _parsed((file, data)) for file, data in todo}
        if self._pool is None:
            from factcheck.parallel import fork_pool

            self._pool = fork_pool(workers)
        return dict(zip((file.id for file, _ in todo), self._pool.map(_parsed, todo, chunksize=8)))


def _load_language_model() -> None:
    with contextlib.suppress(Exception):  # parsing loads it again and reports the failure where it is seen
        detect_language("warm up")


def _parsed(item: tuple[ArticleFile, bytes]) -> Article | ValueError:
    """The parsed article, or the reason it cannot be (returned, so that a worker process can send it)."""
    try:
        return _parse_bytes(*item)
    except ValueError as exc:
        return exc


def _fresh(file: ArticleFile, key: bytes, fresh: dict, store: ParsedStore | None) -> Article:
    article = fresh[file.id]
    if isinstance(article, ValueError):
        raise article
    if store is not None:
        store.put_parsed(key, article_to_dict(article))
    return _usable(article)


def _usable(article: Article) -> Article:
    if not article.sentences:
        raise ValueError("has no text to check (empty, or only page furniture)")
    if len(article.sentences) > MAX_SENTENCES:
        raise ValueError(f"has {len(article.sentences):,} sentences; articles of over {MAX_SENTENCES:,} are skipped")
    return article


def parsed_key(data: bytes, parser: bytes = b"") -> bytes:
    """The key of a file's parsed form: its bytes and the parsing code (app.code_digest)."""
    import hashlib

    return hashlib.blake2b(parser + b"\0" + data, digest_size=20).digest()


def article_to_dict(article: Article) -> dict:
    """The parsed article as JSON for the cache: the sentences' texts joined by newlines (a sentence never holds
    one), which decodes in less than half the time of one [line, text, lang] list per sentence."""
    return {
        "lang": article.lang,
        "encoding": article.encoding,
        "dropped": list(article.dropped_lines),
        "lines": [s.line for s in article.sentences],
        "langs": [s.lang for s in article.sentences],
        "text": "\n".join(s.text for s in article.sentences),
    }


def article_from_dict(article_id: str, path: str, data: dict) -> Article | None:
    """The article article_to_dict stored; None if `data` cannot be one (a damaged cache): it is parsed again."""
    try:
        lines, langs, text = data["lines"], data["langs"], data["text"]
        texts = text.split("\n") if lines else []
        if not (len(lines) == len(texts) == len(langs)) or not all(isinstance(n, int) for n in lines):
            return None
        dropped = tuple((int(line), str(dropped)) for line, dropped in data["dropped"])
        sentences = tuple(Sentence(article_id, line, text, str(lang)) for line, text, lang in zip(lines, texts, langs))
        return Article(article_id, path, str(data["lang"]), sentences, dropped, str(data["encoding"]))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _read_bytes(file: ArticleFile) -> bytes:
    return read_regular(file.path, MAX_ARTICLE_BYTES)  # an InputFileError is a ValueError: the file is skipped


def _parse_bytes(file: ArticleFile, data: bytes) -> Article:
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        raise ValueError(str(exc)) from None
    return parse_article(file.id, decoded.text, str(file.path), decoded.encoding)
