"""Which files are articles: `.txt` files given, or found in folders, each with its id; what is skipped and why."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from factcheck.records import Problem, ProblemsError

ARTICLE_SUFFIX = ".txt"
MAX_DEPTH = 64  # folders below an --articles folder; deeper trees are a mistake (or a link loop flattened)


class ArticlesError(ProblemsError):
    """A path given for articles does not exist or cannot be one."""


@dataclass(frozen=True)
class ArticleFile:
    id: str
    path: Path


def find_article_files(paths: list[str], follow_symlinks: bool = False) -> tuple[list[ArticleFile], list[Problem]]:
    """Expand files and folders into article files with ids, and the files skipped with why; raise
    ArticlesError if a path given does not exist or is no file or folder.

    A link inside a folder is followed only to a file inside that folder, unless `follow_symlinks`: a pull
    request must not make a CI run read (and upload in its reports) a file from elsewhere on the machine."""
    files, problems, wrong = [], [], []
    for raw in paths:
        path = Path(raw)
        if not raw:
            wrong.append(Problem("--articles", None, None, "an empty path; give a file or a folder"))
        elif not _is_utf8(raw):
            wrong.append(Problem(_shown(path), None, None, "its name is not UTF-8; rename it"))
        elif path.is_dir():
            found, skipped = _walk(path, follow_symlinks)
            files.extend(ArticleFile(_article_id(p, path), p) for p in found)
            problems.extend(skipped)
        elif path.is_file():
            files.append(ArticleFile(_strip_suffix(path.name), path))
        elif os.path.lexists(path) and not path.exists():
            wrong.append(Problem(raw, None, None, "a link to nothing"))
        elif path.exists():
            wrong.append(Problem(raw, None, None, "not a file or a folder (a pipe, a device or a socket)"))
        else:
            wrong.append(Problem(raw, None, None, "no such file or folder"))
    if wrong:
        raise ArticlesError(wrong)
    return _drop_duplicate_ids(files, problems)


def _walk(folder: Path, follow_symlinks: bool) -> tuple[list[Path], list[Problem]]:
    """The article files under `folder`, in sorted order, without recursion (a tree thousands of folders deep
    must not exhaust Python's stack); links to folders are not followed (they can loop)."""
    root = Path(os.path.realpath(folder))
    found: list[Path] = []
    skipped: list[Problem] = []
    todo = [(folder, 0)]
    while todo:
        current, depth = todo.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Problem(_shown(current), None, None, f"folder cannot be read: {exc.strerror}; skipped"))
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if depth + 1 > MAX_DEPTH:
                    skipped.append(Problem(_shown(path), None, None, f"over {MAX_DEPTH} folders deep; skipped"))
                else:
                    folders.append(path)
            elif entry.name.endswith(ARTICLE_SUFFIX):
                problem = _unusable(path, entry, root, follow_symlinks)
                if problem:
                    skipped.append(Problem(_shown(path), None, None, problem))
                else:
                    found.append(path)
        todo.extend((f, depth + 1) for f in reversed(folders))
    return sorted(found), skipped


def _unusable(path: Path, entry: os.DirEntry, root: Path, follow_symlinks: bool) -> str | None:
    """Why a .txt entry is not read, or None."""
    if not _is_utf8(entry.name):
        return "its name is not UTF-8; skipped (rename it)"
    if entry.is_symlink() and not follow_symlinks:
        target = Path(os.path.realpath(path))  # realpath, unlike resolve(), does not raise on a link loop
        if not target.is_relative_to(root):
            return f"a link to {_shown(target)}, outside {_shown(root)}; skipped (--follow-symlinks reads it)"
    try:
        mode = entry.stat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror}; skipped"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe, a device or a socket); skipped"
    return None


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes of the name, kept as surrogates by os.fsdecode
        return False
    return True


def _shown(path: Path) -> str:
    """A path as it can be printed and written into reports, whatever bytes its name has."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _article_id(path: Path, folder: Path) -> str:
    return _strip_suffix(path.relative_to(folder).as_posix())


def _strip_suffix(name: str) -> str:
    return name[: -len(ARTICLE_SUFFIX)] if name.endswith(ARTICLE_SUFFIX) else name


def _drop_duplicate_ids(files: list[ArticleFile], problems: list[Problem]):
    seen: dict[str, Path] = {}
    unique = []
    for f in files:
        if f.id in seen:
            message = f"article id {f.id!r} is also given by {seen[f.id]}; this copy is skipped"
            problems.append(Problem(str(f.path), None, None, message))
            continue
        seen[f.id] = f.path
        unique.append(f)
    return sorted(unique, key=lambda f: f.id), problems
