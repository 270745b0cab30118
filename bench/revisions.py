"""Revised drafts of the seeds, and XNLI pairs: how well differences in figures, negation and attribution are caught.

usage: python bench/revisions.py [--data ../shared/eval/external] [--xnli-rows 2490]

Revised-draft corpus: every seed sentence that allows it gets one edit of one kind:
  number       a figure changed (digits or number words),
  negation     a negation removed or added (French 'ne ... pas', Turkish verb '-ma/-me'),
  attribution  the person a statement is given to replaced by another,
  rewording    meaning kept: a verb of saying swapped, digits written as words or the
               reverse, thousands written with another separator.
Each edited sentence is a claim; the original seed and a copy with only that edit
are two articles of one story, and the whole pipeline (USE, matching, comparison)
runs on them. A change should make the claim a 'disagreement' with a difference of
its kind; a rewording should leave it 'consistent'.
XNLI: the pairwise detector alone on premise/hypothesis pairs, fr, tr and fr-tr.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.inputs.articles import find_article_files, read_article  # noqa: E402
from factcheck.records import Sentence  # noqa: E402
from factcheck.text.sentences import parse_article  # noqa: E402
from factcheck.models.calibration import calibration_for  # noqa: E402
from factcheck.records import Claim, ClaimSet  # noqa: E402
from factcheck.core.compare import compare  # noqa: E402
from factcheck.text.cues import cues  # noqa: E402
from factcheck.models.embed import load_embedder, resolve_model  # noqa: E402
from factcheck.records import Evidence  # noqa: E402
from factcheck.text.numbers import TURKISH_UNITS  # noqa: E402
from factcheck.core.check import check  # noqa: E402
from factcheck.records import Settings  # noqa: E402

FR_WORDS = {"quatre": "six", "deux": "trois", "trois": "cinq", "cinq": "sept", "dix": "douze"}
FR_DIGIT_WORDS = {"4": "quatre", "2": "deux", "3": "trois", "5": "cinq"}
SAYING = {"fr": [("a déclaré", "a indiqué"), ("a expliqué", "a précisé"), ("a ajouté", "a poursuivi"),
                 ("ont déclaré", "ont indiqué"), ("a annoncé", "a fait savoir")],
          "tr": [("açıkladı", "duyurdu"), ("söyledi", "belirtti"), ("dile getirdiler", "ifade ettiler")]}
OTHER_PEOPLE = ["Marie Lefèvre", "Aigerim Nurlanova", "John Carter"]
BACK_VOWELS = set("aıou")


def change_number(text: str, lang: str) -> str | None:
    match = re.search(r"\d+", text)
    if match:
        new = str(int(match.group()) + 2)
        return text[: match.start()] + new + text[match.end():]
    for word, other in (FR_WORDS if lang == "fr" else {w: "altı" for w in TURKISH_UNITS if w != "bir"}).items():
        if re.search(rf"\b{word}\b", text):
            return re.sub(rf"\b{word}\b", other, text, count=1)
    return None


def flip_negation(text: str, lang: str) -> str | None:
    if lang == "fr":
        if cues(text, lang).negated:
            flipped = re.sub(r"\bn(?:e\s+|['’])(\S+)\s+(pas|plus|jamais)\s+", r"\1 ", text, count=1)
            return flipped if flipped != text else None
        flipped = re.sub(r"\b(a|ont|est|sont|avait|avaient)\s+(?=\w+é)", lambda m: _ne(m.group(1)), text, count=1)
        return flipped if flipped != text else None
    if lang == "tr":
        match = re.search(r"(\w+?)([dt])([ıiuü])(lar|ler)?([.,]?)\s*$", text)
        if match and not cues(text, lang).negated:
            stem = match.group(1)
            vowel = next((c for c in reversed(stem) if c in "aeıioöuü"), "a")
            neg = "ma" if vowel in BACK_VOWELS else "me"
            i = "ı" if vowel in BACK_VOWELS else "i"
            return text[: match.start()] + f"{stem}{neg}d{i}{match.group(4) or ''}{match.group(5)}"
    return None


def _ne(aux: str) -> str:
    return ("n'" if aux[0] in "aeé" else "ne ") + aux + " pas "


def reassign(text: str, context: str, lang: str) -> tuple[str, str] | None:
    for where in ("text", "context"):
        source = text if where == "text" else context
        speakers = cues(source, lang).speakers if source else ()
        if speakers:
            replaced = source.replace(speakers[0], OTHER_PEOPLE[len(source) % 3], 1)
            return (replaced, context) if where == "text" else (text, replaced)
    return None


def reword(text: str, lang: str) -> str | None:
    for old, new in SAYING.get(lang, []):
        if old in text:
            return text.replace(old, new, 1)
    if lang == "fr":
        for digit, word in FR_DIGIT_WORDS.items():
            if re.search(rf"\b{digit}\b(?!\s*%)", text):
                return re.sub(rf"\b{digit}\b", word, text, count=1)
        for word, digit in {v: k for k, v in FR_DIGIT_WORDS.items()}.items():
            if re.search(rf"\b{word}\b", text):
                return re.sub(rf"\b{word}\b", digit, text, count=1)
        if re.search(r"\d{1,3} \d{3}", text):
            return re.sub(r"(\d{1,3}) (\d{3})", r"\1.\2", text, count=1)
    return None


def edits(article) -> list[tuple[str, int, str, str]]:
    """(kind, sentence index, new sentence text, new context text) for each possible edit."""
    out = []
    sentences = article.sentences
    for i, s in enumerate(sentences):
        context = sentences[i - 1].text if i else ""
        for kind, new in (("number", change_number(s.text, s.lang)), ("negation", flip_negation(s.text, s.lang)),
                          ("rewording", reword(s.text, s.lang))):
            if new and new != s.text:
                out.append((kind, i, new, context))
        moved = reassign(s.text, context, s.lang)
        if moved and i and moved != (s.text, context):
            out.append(("attribution", i, *moved))
    return out


def revised_copy(article, index: int, text: str, context: str, new_id: str):
    sentences = list(article.sentences)
    sentences[index] = Sentence(new_id, sentences[index].line, text, sentences[index].lang)
    if index and context != sentences[index - 1].text:
        sentences[index - 1] = Sentence(new_id, sentences[index - 1].line, context, sentences[index - 1].lang)
    sentences = [Sentence(new_id, s.line, s.text, s.lang) for s in sentences]
    return article.__class__(new_id, "", article.lang, tuple(sentences))


class MemoEmbedder:
    def __init__(self, model):
        self.model, self.memo, self.identity = model, {}, model.identity

    def encode(self, texts, kind):
        missing = [t for t in dict.fromkeys(texts) if (kind, t) not in self.memo]
        if missing:
            for t, v in zip(missing, self.model.encode(missing, kind)):
                self.memo[kind, t] = v
        import numpy as np

        return np.vstack([self.memo[kind, t] for t in texts])


def run_drafts(embedder, calibration) -> tuple[dict, list]:
    files, _ = find_article_files([str(ROOT / "seeds")])
    outcomes: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for file in files:
        article = read_article(file)
        for kind, index, text, context in edits(article):
            copy = revised_copy(article, index, text, context, article.id + "-rev")
            claim = Claim("edited", article.sentences[index].text, story="s")
            claim_set = ClaimSet((claim,), (("s", (article.id, copy.id)),))
            report = check(claim_set, [article, copy], embedder, Settings("use", "", calibration))
            result = report.results[0]
            kinds = {d.kind for d in result.differences}
            flagged = result.status == "disagreement"
            outcomes[kind]["cases"] += 1
            outcomes[kind]["flagged"] += flagged
            outcomes[kind]["right kind"] += kind in kinds
            outcomes[kind]["found"] += len(result.mentioning) == 2
            for other in kinds - {kind}:
                outcomes[other]["wrong-kind flags"] += 1
            if (kind == "rewording") == flagged or (kind != "rewording" and kind not in kinds):
                misses.append((kind, article.id[:3], article.sentences[index].text[:70], text[:70],
                               sorted(kinds)))
    return outcomes, misses


def drafts_table(outcomes: dict) -> str:
    rows = []
    for kind in ("number", "negation", "attribution"):
        o = outcomes[kind]
        tp = o["right kind"]
        fp = o["wrong-kind flags"]  # flags of this kind on edits of another kind, rewording included
        rows.append([kind, o["cases"], o["found"], tp, f"{tp / max(o['cases'], 1):.2f}",
                     f"{tp / max(tp + fp, 1):.2f}"])
    r = outcomes["rewording"]
    rows.append(["rewording", r["cases"], r["found"], r["flagged"], f"flagged {r['flagged'] / max(r['cases'], 1):.1%}", ""])
    return tabulate(rows, headers=["edit", "cases", "both found", "caught (right kind)", "recall", "precision"],
                    tablefmt="github")


def xnli_table(data: Path, limit: int) -> str:
    rows = []
    with open(data / "xnli" / "xnli_dev_aligned_en_fr_tr.jsonl", encoding="utf-8") as fh:
        pairs = [json.loads(line) for line in fh][:limit]
    for left_lang, right_lang in (("fr", "fr"), ("tr", "tr"), ("fr", "tr")):
        counts: dict[str, Counter] = defaultdict(Counter)
        for row in pairs:
            left = _evidence("p", row["premise"][left_lang], left_lang)
            right = _evidence("h", row["hypothesis"][right_lang], right_lang)
            kinds = {d.kind for d in compare(left, right)}
            counts[row["label"]]["n"] += 1
            counts[row["label"]]["flagged"] += bool(kinds)
        ent, con, neu = counts["entailment"], counts["contradiction"], counts["neutral"]
        rows.append([f"{left_lang}-{right_lang}", ent["n"], f"{ent['flagged'] / ent['n']:.1%}",
                     con["n"], f"{con['flagged'] / con['n']:.1%}", f"{neu['flagged'] / neu['n']:.1%}"])
    return tabulate(rows, headers=["pair", "entailment", "wrongly flagged", "contradiction", "caught",
                                   "neutral flagged"], tablefmt="github")


def _evidence(article_id: str, text: str, lang: str) -> Evidence:
    sentences = tuple(Sentence(article_id, 1, s.text, lang) for s in parse_article(article_id, text).sentences)
    return Evidence("x", article_id, True, 1.0, 1.0, (Sentence(article_id, 1, " ".join(s.text for s in sentences), lang),))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/eval/external")
    ap.add_argument("--xnli-rows", type=int, default=2490)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    spec = resolve_model("use")
    outcomes, misses = run_drafts(MemoEmbedder(load_embedder(spec)), calibration_for(spec.identity))
    print(drafts_table(outcomes))
    if args.show_misses:
        for miss in misses:
            print("miss:", *miss)
    print()
    print(xnli_table(args.data, args.xnli_rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
