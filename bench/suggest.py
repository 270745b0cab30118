"""How well `factcheck suggest` finds edited facts, and how quiet it stays on rewording; prints a table.

usage: python bench/suggest.py [--half test|fit|all]

- Revised drafts of the seeds (bench/data/drafts, each edit labelled in EDIT_KINDS below): each draft
  and its seed as one story; an edit is found when a suggestion has the draft's line of that edit as a side;
  a rewording is flagged when a suggestion has its line and the line has no other edit.
- Real revisions (../shared/eval/external/revisions): the two drafts of one sentence as two one-sentence
  articles (VitaminC contradictions must give a suggestion, IteraTeR rewordings must not).
- The seeds: how many suggestions, by kind.
Every edit and pair falls in one half as in bench/accuracy.py; choose on 'fit', report 'test'.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml
from tabulate import tabulate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.sets import FIT, TEST  # noqa: E402
from bench.sets.revisions import revision_pairs  # noqa: E402
from bench.sets.runner import Tool  # noqa: E402
from factcheck.core.suggest import Story, suggest  # noqa: E402
from factcheck.models.embed import PASSAGE, encode_batched  # noqa: E402
from factcheck.text.sentences import parse_article  # noqa: E402

DATA = ROOT / "bench" / "data"
# the kind of each replacement of drafts-edits.yaml, in its order (drafts-expected.yaml labels claims, and a
# claim may cover two replacements)
EDIT_KINDS = {
    "000r": "number negation rewording attribution other number rewording other rewording attribution negation "
    "rewording",
    "002r": "number number number rewording number rewording other number negation",
    "003r": "number number number number negation rewording attribution attribution",
    "004r": "number number number number number rewording negation rewording",
}


def vectors_of(tool: Tool, articles) -> dict:
    return {a.id: encode_batched(tool.embedder, [s.text for s in a.sentences], PASSAGE) for a in articles}


def found_sides(tool: Tool, articles) -> set[tuple[str, int]]:
    """(article, line) of every side of every suggestion."""
    suggestions = suggest([Story(None, tuple(articles))], vectors_of(tool, articles), None, 1_000)
    return {(side.article, side.line) for s in suggestions for side in s.sides}


def drafts(tool: Tool, half: str, counts: dict) -> None:
    edits = yaml.safe_load((DATA / "drafts-edits.yaml").read_text("utf-8"))
    seeds = {p.stem[:3]: p for p in (ROOT / "seeds").glob("*.txt")}
    for draft_id, spec in edits.items():
        seed_path, draft_text = seeds[spec["from"]], (DATA / "drafts" / f"{draft_id}.txt").read_text("utf-8")
        seed, draft = parse_article(seed_path.stem, seed_path.read_text("utf-8")), parse_article(draft_id, draft_text)
        found = found_sides(tool, [seed, draft])
        labels = EDIT_KINDS[draft_id].split()
        lines = [_line_of(draft_text, new) for _, new in spec["replace"]]
        edited = {line for line, kind in zip(lines, labels) if kind != "rewording"}
        for index, (line, kind) in enumerate(zip(lines, labels)):
            if half != "all" and (FIT if index % 2 == 0 else TEST) != half:
                continue
            if kind != "rewording":
                counts[f"drafts: {kind} found"].append((draft_id, line) in found)
            elif line not in edited:  # a line with an edit of meaning too is rightly suggested
                counts["drafts: rewording flagged"].append((draft_id, line) in found)


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def revisions(tool: Tool, half: str, counts: dict) -> None:
    for pair in revision_pairs():
        if half != "all" and pair.half != half:
            continue
        a = parse_article("a", pair.left)
        b = parse_article("b", pair.right)
        if not a.sentences or not b.sentences:
            continue
        flagged = bool(found_sides(tool, [a, b]))
        row = pair.row.replace("revision pair ", "revisions: ")
        counts[row + (" found" if pair.want else " flagged")].append(flagged)


def seeds(tool: Tool) -> Counter:
    articles = [parse_article(p.stem, p.read_text("utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    stories = [Story("ministry-miners", tuple(a for a in articles if a.id[:3] in ("000", "001", "003")))]
    stories += [Story(None, (a,)) for a in articles if a.id[:3] in ("002", "004")]
    return Counter(s.kind for s in suggest(stories, vectors_of(tool, articles), None, 1_000))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=(FIT, TEST, "all"), default=TEST)
    args = ap.parse_args()
    tool = Tool()
    counts: dict[str, list[bool]] = defaultdict(list)
    try:
        drafts(tool, args.half, counts)
        revisions(tool, args.half, counts)
        kinds = seeds(tool)
    finally:
        tool.close()
    rows = [[row, f"{sum(v) / len(v):.2f} ({sum(v)}/{len(v)})"] for row, v in sorted(counts.items())]
    print(f"half: {args.half}\n")
    print(tabulate(rows, headers=["set", "share"], tablefmt="github"))
    print(f"\nseeds (ministry story, 002 and 004 alone): {sum(kinds.values())} suggestions, {dict(kinds)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
