"""Load claims.yaml into frozen records, collecting every problem with its line; the claims' languages."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import replace
from pathlib import Path

from factcheck.inputs.articles import ParsedStore, parsed_key
from factcheck.inputs.files import MAX_YAML_BYTES, InputFileError, read_regular
from factcheck.inputs.yamlnodes import NodeReader
from factcheck.records import Claim, ClaimSet, Problem, ProblemsError
from factcheck.text.language import detect_language

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]+$")
MAX_TEXT_CHARS = 2000
SEVERITIES = ("error", "warning")
TOP_KEYS = ("stories", "claims", "model", "nli")
CLAIM_KEYS = ("id", "text", "story", "versions", "verified", "severity")


class ClaimsError(ProblemsError):
    """claims.yaml cannot be used; carries every problem found."""


def story_warnings(claim_set: ClaimSet, article_ids: list[str]) -> list[Problem]:
    """Story globs that match no article: usually a typo."""
    out = []
    for story, patterns in claim_set.stories:
        for pattern in patterns:
            if not fnmatch.filter(article_ids, pattern):
                line = claim_set.glob_line(story, pattern)
                out.append(Problem(claim_set.path, line, f"stories.{story}", f"pattern {pattern!r} matches no article"))
    return out


def load_claims(path: str | Path) -> ClaimSet:
    """Read and validate a claims file; raise ClaimsError listing every problem."""
    path = Path(path)
    try:
        text = read_regular(path, MAX_YAML_BYTES).decode("utf-8-sig")
    except InputFileError as exc:
        raise ClaimsError([Problem(str(path), None, None, str(exc))]) from None
    except UnicodeDecodeError as exc:
        raise ClaimsError([Problem(str(path), None, None, f"not UTF-8 text (byte {exc.start})")]) from None
    return parse_claims(text, str(path))


def parse_claims(text: str, filename: str = "claims.yaml") -> ClaimSet:
    """Validate claims given as YAML text; raise ClaimsError listing every problem."""
    reader = NodeReader(filename)
    root = reader.compose(text)
    if reader.problems:
        raise ClaimsError(reader.problems)
    top = reader.mapping(root, "", TOP_KEYS, required=("claims",))
    stories, glob_lines = _read_stories(reader, top.get("stories"))
    model = reader.string(top["model"], "model") if "model" in top else None
    nli = reader.string(top["nli"], "nli") if "nli" in top else None
    claims = _read_claims(reader, top.get("claims"), dict(stories))
    if reader.problems:
        raise ClaimsError(reader.problems)
    return ClaimSet(tuple(claims), tuple(stories), model, filename, nli, tuple(glob_lines))


def _read_stories(reader: NodeReader, node) -> tuple[list[tuple[str, tuple[str, ...]]], list[tuple[str, str, int]]]:
    """Each story's globs, and the line of each glob (for the warning when one matches no article)."""
    if node is None:
        return [], []
    out, lines = [], []
    for key_node, value in reader.pairs(node, "stories", "a mapping of story -> list of globs"):
        name = reader.identifier(key_node, "stories", ID_PATTERN)
        where = f"stories.{name}"
        items = reader.sequence(value, where, "a list of article-id globs")
        read = [(reader.string(item, f"{where}[{n}]"), item.start_mark.line + 1) for n, item in enumerate(items)]
        globs = tuple(glob for glob, _ in read if glob)
        if items and not globs:
            continue
        if not items:
            reader.error(value, where, "expected at least one article-id glob")
        out.append((name, globs))
        lines += [(name, glob, line) for glob, line in read if glob]
    return out, lines


def _read_claims(reader: NodeReader, node, stories: dict) -> list[Claim]:
    items = reader.sequence(node, "claims", "a list of claims")
    if node is not None and not items and not reader.problems:
        reader.error(node, "claims", "expected at least one claim")
    claims, seen = [], {}
    for index, item in enumerate(items):
        claim_id, claim = _read_claim(reader, item, f"claims[{index}]", stories)
        if claim_id is None:
            continue
        if claim_id in seen:  # told even when this claim has other problems: an empty text, say
            reader.error(
                item, f"claims[{index}].id", f"duplicate id {claim_id!r} (first used on line {seen[claim_id]})"
            )
            continue
        seen[claim_id] = item.start_mark.line + 1
        if claim is not None:
            claims.append(claim)
    return claims


def _read_claim(reader: NodeReader, node, where: str, stories: dict) -> tuple[str | None, Claim | None]:
    """The claim's id (if it has a valid one) and the claim (if it has no problem)."""
    fields = reader.mapping(node, where, CLAIM_KEYS, required=("id", "text"))
    if not fields:
        return None, None
    claim_id = reader.string(fields.get("id"), f"{where}.id", pattern=ID_PATTERN)
    text = reader.text(fields.get("text"), f"{where}.text", MAX_TEXT_CHARS)
    story = _read_story_ref(reader, fields.get("story"), f"{where}.story", stories)
    versions = _read_versions(reader, fields.get("versions"), f"{where}.versions")
    verified = _read_verified(reader, fields.get("verified"), f"{where}.verified", versions)
    severity = _read_severity(reader, fields.get("severity"), f"{where}.severity")
    if claim_id is None or text is None:
        return claim_id, None
    return claim_id, Claim(claim_id, text, story, tuple(versions), verified, severity, node.start_mark.line + 1)


def _read_story_ref(reader: NodeReader, node, where: str, stories: dict) -> str | None:
    if node is None:
        return None
    story = reader.string(node, where)
    if story is not None and story not in stories:
        known = ", ".join(sorted(stories)) or "none are defined under 'stories'"
        reader.error(node, where, f"names no story: {story!r} (known: {known})")
    return story


def _read_versions(reader: NodeReader, node, where: str) -> list[tuple[str, str]]:
    if node is None:
        return []
    versions = []
    for key_node, value in reader.pairs(node, where, "a mapping of id -> text"):
        vid = reader.identifier(key_node, where, ID_PATTERN)
        text = reader.text(value, f"{where}.{vid}", MAX_TEXT_CHARS)
        if vid is not None and text is not None:
            versions.append((vid, text))
    return versions


def _read_verified(reader: NodeReader, node, where: str, versions) -> str | None:
    if node is None:
        return None
    verified = reader.string(node, where)
    ids = [vid for vid, _ in versions]
    if verified is not None and verified not in ids:
        allowed = ", ".join(ids) if ids else "the claim has no versions"
        reader.error(node, where, f"names no version: {verified!r} (allowed: {allowed})")
    return verified


def _read_severity(reader: NodeReader, node, where: str) -> str:
    if node is None:
        return "error"
    severity = reader.string(node, where)
    if severity is not None and severity not in SEVERITIES:
        reader.error(node, where, f"expected one of {', '.join(SEVERITIES)}, got {severity!r}")
    return severity if severity in SEVERITIES else "error"


def with_languages(claim_set: ClaimSet, store: ParsedStore, parser: bytes) -> ClaimSet:
    """The claims with the language of their text: read back from `store` where an earlier run detected it (a
    warm run then never loads the language model, which was half of it), else detected and stored."""
    keys = {c.text: parsed_key(b"claim language\0" + c.text.encode("utf-8"), parser) for c in claim_set.claims}
    stored = store.get_parsed_many(list(dict.fromkeys(keys.values())))
    languages = {}
    for text, key in keys.items():
        language = stored.get(key, {}).get("lang")
        if not isinstance(language, str):  # new, or a damaged entry
            language = detect_language(text)
            store.put_parsed(key, {"lang": language})
        languages[text] = language
    return replace(claim_set, claims=tuple(replace(c, lang=languages[c.text]) for c in claim_set.claims))
