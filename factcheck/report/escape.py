"""Text from files (article ids, evidence, editors' notes) made inert for each output: markdown, XML, CI logs."""

from __future__ import annotations

import re
from urllib.parse import quote

# C0 controls but tab and newline, DEL and C1 controls (ANSI colour codes start with ESC), and what XML 1.0
# forbids besides (lone surrogates, U+FFFE, U+FFFF)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_MARKDOWN = re.compile(r"[\\`*\[\]|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def visible_controls(text: str) -> str:
    """Control characters shown as escapes ('\\x1b'), never sent raw to a terminal, a log or an XML file."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def markdown_inline(text: str) -> str:
    """`text` as plain words inside a markdown line or table cell: no HTML, no link, no emphasis, no heading, no
    cell break, and on one line. An underscore inside a word (000_178659b5888f47b6) is left as it is."""
    text = " ".join(visible_controls(text).split())
    text = "".join(_HTML.get(c, c) for c in text)
    return _MARKDOWN.sub(lambda m: "\\" + m.group(), text)


def uri_path(path: str) -> str:
    """A relative path as a URI reference (SARIF artifactLocation.uri): spaces, '|', '<', '%' and controls
    percent-encoded, '/' kept."""
    return quote(path, safe="/")
