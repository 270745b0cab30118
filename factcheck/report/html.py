"""report.html: one self-contained page, a claim x article matrix, evidence side by side, and the marked articles."""

from __future__ import annotations

import html
import re

from factcheck.records import Article
from factcheck.report.findings import shown
from factcheck.results import ClaimResult, Report

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#1d1d1f;padding:0 1rem}
h1{margin-bottom:.2rem} .verdict{font-size:1.1rem;padding:.4rem .8rem;border-radius:6px;display:inline-block}
.blocking{background:#fde2e1;color:#8a1c17} .clean{background:#e3f5e1;color:#1d5e20}
table{border-collapse:collapse;margin:1rem 0;width:100%} th,td{border:1px solid #d0d0d5;padding:.35rem .5rem;
vertical-align:top;text-align:left} th{background:#f4f4f6;font-weight:600}
td.cell{text-align:center;font-size:.85rem;white-space:nowrap} .c-out{background:#f4f4f6;color:#999}
.c-absent{background:#fff;color:#999} .c-agree{background:#d9f2d9} .c-disagree{background:#f8c9c6;font-weight:600}
.c-reviewed{background:#d8e6fb} .c-single{background:#eef7ee}
mark{background:#ffe066;padding:0 .1em;border-radius:2px} mark.ev{background:#cfe3ff}
.side{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:.8rem}
.side div{border:1px solid #d0d0d5;border-radius:6px;padding:.6rem} .meta{color:#555;font-size:.85rem}
.legend .cell{padding:0 .35em;border-radius:3px} td.verified{font-size:.85rem;color:#1d5e20}
.lineno{color:#999;font-size:.8rem;display:inline-block;width:2.5em} details{margin:.4rem 0}
"""


LEGEND = (
    '<p class="legend" id="legend">Each cell: the version the article tells, ✓ for a claim without versions. '
    '<span class="cell c-disagree">differs</span> from another article or from the verified version; '
    '<span class="cell c-agree">agrees</span>; <span class="cell c-single">only source</span>; '
    '<span class="cell c-reviewed">differs, reviewed</span> by an editor; '
    '<span class="cell c-absent">–</span> the article does not state it; '
    '<span class="cell c-out">·</span> not in the claim\'s story.</p>'
)


def render_html(report: Report) -> str:
    body = [_header(report), _matrix(report)]
    marks = {(m.text, m.lang): m.spans for m in report.marks}
    body += [_disagreement(r, marks) for r in shown(report) if r.has_finding]
    body.append(_articles(report))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factcheck report</title><style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def _header(report: Report) -> str:
    n = len(report.blocking)
    verdict = (
        f'<span class="verdict blocking" id="verdict">{n} blocking finding(s)</span>'
        if n
        else '<span class="verdict clean" id="verdict">No blocking finding</span>'
    )
    return (
        f'<h1>factcheck report</h1>{verdict}<p class="meta">{len(report.results)} claims, '
        f"{len(report.articles)} articles, model {_e(report.settings.model)}</p>"
    )


def _cell(result: ClaimResult, article: str) -> tuple[str, str]:
    evidence = next((e for e in result.evidence if e.article == article), None)
    if evidence is None:
        return "c-out", "·"
    if not evidence.mentioned:
        return "c-absent", "–"
    label = evidence.version or "✓"
    involved = any(article in (d.left.article, d.right.article) for d in result.differences)
    if result.review is not None and involved:
        return "c-reviewed", label
    if involved or evidence in result.off_verified:
        return "c-disagree", label
    return ("c-single" if result.status == "single-source" else "c-agree"), label


def _matrix(report: Report) -> str:
    ids = [a.id for a in report.articles]
    head = "".join(f'<th title="{_e(i)}">{_e(i.split("_")[0])}</th>' for i in ids)
    rows = []
    for result in report.results:
        cells = "".join(
            f'<td class="cell {cls}" data-claim="{_e(result.claim.id)}" data-article="{_e(i)}">{_e(text)}</td>'
            for i in ids
            for cls, text in [_cell(result, i)]
        )
        link = f'<a href="#claim-{_e(result.claim.id)}">' if result.has_finding else "<span>"
        close = "</a>" if result.has_finding else "</span>"
        verified = _e(result.claim.verified or "")
        rows.append(
            f"<tr><th>{link}{_e(result.claim.id)}{close}</th><td>{_e(result.status)}</td>"
            f'<td class="verified">{verified}</td>{cells}</tr>'
        )
    return (
        f'<h2>Claims × articles</h2><table id="matrix"><tr><th>claim</th><th>status</th><th>verified</th>{head}</tr>'
        + "".join(rows)
        + "</table>"
        + LEGEND
    )


def _highlight(text: str, spans: tuple[str, ...]) -> str:
    """Escape `text` and mark what the comparison looks at: figures, negations, speakers, modality words."""
    if not spans:
        return _e(text)
    pattern = re.compile("|".join(re.escape(s) for s in spans))
    out, last = [], 0
    for m in pattern.finditer(text):
        out += [_e(text[last : m.start()]), f"<mark>{_e(m.group())}</mark>"]
        last = m.end()
    return "".join(out + [_e(text[last:])])


def _disagreement(result: ClaimResult, marks: dict[tuple[str, str], tuple[str, ...]]) -> str:
    sides = "".join(
        f'<div class="evidence" data-article="{_e(e.article)}"><p class="meta">{_e(e.article)} · line {e.line}'
        f"{' · version ' + _e(e.version) if e.version else ''} · score {e.score:.2f}</p>"
        f"<p>{_highlight(e.text, marks.get((e.text, e.lang), ()))}</p></div>"
        for e in result.mentioning
    )
    explanations = "".join(f"<li>{_e(d.explanation)}</li>" for d in (*result.differences, *result.internal))
    review = (
        f'<p class="meta">Reviewed by {_e(result.review.by)} on {_e(result.review.at)}: {_e(result.review.note)}</p>'
        if result.review is not None
        else ""
    )
    if result.stale_review is not None:
        r = result.stale_review
        review += f'<p class="meta">The review by {_e(r.by)} on {_e(r.at)} no longer applies: the evidence changed.</p>'
    return (
        f'<section class="finding" id="claim-{_e(result.claim.id)}"><h2>{_e(result.claim.id)}: '
        f"{_e(result.status)}{' (blocking)' if result.blocking else ''}</h2><blockquote>{_e(result.claim.text)}"
        f'</blockquote>{review}<ul>{explanations}</ul><div class="side">{sides}</div></section>'
    )


def _articles(report: Report) -> str:
    marked: dict[tuple[str, int, str], list[str]] = {}
    for result in report.results:
        for e in result.mentioning:
            for s in e.sentences:
                marked.setdefault((e.article, s.line, s.text), []).append(result.claim.id)
    return "<h2>Articles</h2>" + "".join(_article(a, marked) for a in report.articles)


def _article(article: Article, marked: dict) -> str:
    lines = []
    for s in article.sentences:
        claims = marked.get((article.id, s.line, s.text))
        text = _e(s.text)
        if claims:
            text = f'<mark class="ev" title="{_e(", ".join(claims))}">{text}</mark>'
        lines.append(f'<span class="lineno">{s.line}</span>{text}<br>')
    return (
        f'<details id="article-{_e(article.id)}"><summary>{_e(article.id)} ({_e(article.lang)})</summary>'
        f"<p>{''.join(lines)}</p></details>"
    )
