"""Typed reads over a composed YAML node tree, recording a Problem with the line for each misfit."""

from __future__ import annotations

import re

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from factcheck.records import Problem

_SURROGATE = re.compile("[\ud800-\udfff]")
# libyaml's parser when PyYAML was built with it: 50,000 claims parse in seconds instead of half a minute
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 50  # claims.yaml needs 4 levels; deeper nesting is a mistake or an attack on the (recursive) composer
MAX_EXPANDED = 200_000  # values aliases stand for: a few small aliases cannot make a file of millions

_TAG_NAMES = {
    "tag:yaml.org,2002:str": "a string",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:null": "nothing (null)",
    "tag:yaml.org,2002:timestamp": "a date",
}


def describe(node: Node | None) -> str:
    """How a user would name what they wrote: 'a list', 'a number', ..."""
    if node is None:
        return "nothing"
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return _TAG_NAMES.get(node.tag, "a value")


class NodeReader:
    """Reads values out of YAML nodes for one file, collecting problems instead of raising."""

    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []

    def error(self, node: Node | None, where: str | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(Problem(self.filename, line, where or None, message))

    def compose(self, text: str) -> Node | None:
        tabbed = [n for n, row in enumerate(text.splitlines(), 1) if "\t" in row[: len(row) - len(row.lstrip())]]
        if tabbed:
            self.problems.append(
                Problem(self.filename, tabbed[0], None, "tab used for indentation; YAML allows spaces only")
            )
            return None
        try:
            root = self._parse(text, _FAST_LOADER)
        except yaml.YAMLError:
            # read again by the Python parser: its error messages are the ones we document, and it lets a lone
            # surrogate escape through to validation, which names the field
            root = self._parse_wording_errors(text)
        if root is None and not self.problems:
            self.problems.append(Problem(self.filename, 1, None, "empty file; expected a 'claims:' list"))
        return root

    def _parse_wording_errors(self, text: str) -> Node | None:
        try:
            return self._parse(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            self.problems.append(Problem(self.filename, line, None, f"invalid YAML: {exc.problem or exc.context}"))
        except yaml.YAMLError as exc:
            self.problems.append(Problem(self.filename, None, None, f"invalid YAML: {exc}"))
        return None

    def _parse(self, text: str, loader) -> Node | None:
        """The node tree, or None when the file is too deep or its aliases too many (a problem says which)."""
        if not self._shape_is_sane(text, loader):
            return None
        return yaml.compose(text, Loader=loader)

    def _shape_is_sane(self, text: str, loader) -> bool:
        """Whether the file nests at most MAX_DEPTH levels and its aliases stand for at most MAX_EXPANDED values,
        read from the parser's events, which need neither recursion nor the expanded tree. Values written out
        are not counted: the file's size cap bounds them, and a file of 50,000 plain claims is fine."""
        depth = values = expanded = 0
        sizes: dict[str, int] = {}  # per anchor, the values under it
        open_collections: list[tuple[str | None, int]] = []
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                values += sizes.get(event.anchor, 1)
                expanded += sizes.get(event.anchor, 1)
            elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                values += 1
                if isinstance(event, yaml.ScalarEvent) and event.anchor:
                    sizes[event.anchor] = 1
            if expanded > MAX_EXPANDED:
                return self._refuse(event, f"aliases expand it to more than {MAX_EXPANDED:,} values")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return self._refuse(event, f"nested more than {MAX_DEPTH} levels deep")
                open_collections.append((event.anchor, values - 1))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                anchor, start = open_collections.pop()
                if anchor:
                    sizes[anchor] = values - start
        return True

    def _refuse(self, event, message: str) -> bool:
        self.problems.append(Problem(self.filename, event.start_mark.line + 1, None, f"too complex: {message}"))
        return False

    def pairs(self, node: Node | None, where: str, expected: str) -> list[tuple[Node, Node]]:
        """Key/value node pairs of a mapping, reporting duplicate keys."""
        if not isinstance(node, MappingNode):
            self.error(node, where, f"expected {expected}, got {describe(node)}")
            return []
        seen: dict[str, int] = {}
        out = []
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else None
            if name in seen:
                self.error(key, where, f"duplicate key {name!r} (first on line {seen[name]})")
                continue
            if name is not None:
                seen[name] = key.start_mark.line + 1
            out.append((key, value))
        return out

    def mapping(
        self, node: Node | None, where: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, Node]:
        """A mapping with a fixed key set; unknown and missing keys are problems."""
        label = where or "top level"
        fields = {}
        for key, value in self.pairs(node, label, "a mapping"):
            name = key.value if isinstance(key, ScalarNode) else None
            if name not in allowed:
                self.error(key, label, f"unknown key {name!r} (allowed: {', '.join(allowed)})")
                continue
            fields[name] = value
        if isinstance(node, MappingNode):
            for name in required:
                if name not in fields:
                    self.error(node, label, f"missing required key {name!r}")
        return fields

    def sequence(self, node: Node | None, where: str, expected: str) -> list[Node]:
        if node is None:
            return []
        if not isinstance(node, SequenceNode):
            self.error(node, where, f"expected {expected}, got {describe(node)}")
            return []
        return list(node.value)

    def string(self, node: Node | None, where: str, pattern: re.Pattern | None = None) -> str | None:
        if node is None:
            return None
        if not isinstance(node, ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            self.error(node, where, f"expected a string, got {describe(node)}")
            return None
        surrogate = _SURROGATE.search(node.value)
        if surrogate:  # a YAML escape such as "\ud800": no text holds one, and it cannot be written out
            self.error(node, where, f"holds a lone surrogate ({surrogate.group().encode('unicode_escape').decode()})")
            return None
        if pattern is not None and not pattern.fullmatch(node.value):
            self.error(node, where, f"{node.value!r} may use only letters, digits, '-' and '_'")
            return None
        return node.value

    def identifier(self, node: Node, where: str, pattern: re.Pattern) -> str | None:
        """A mapping key used as an id (story or version names)."""
        if not isinstance(node, ScalarNode):
            self.error(node, where, f"expected a name as key, got {describe(node)}")
            return None
        if not pattern.fullmatch(node.value):
            self.error(node, where, f"{node.value!r} may use only letters, digits, '-' and '_'")
            return None
        return node.value

    def text(self, node: Node | None, where: str, max_chars: int) -> str | None:
        """Non-empty prose, such as a claim or version text."""
        value = self.string(node, where)
        if value is None:
            return None
        value = " ".join(value.split())
        if not value:
            self.error(node, where, "is empty; write the claim as one sentence")
            return None
        if len(value) > max_chars:
            self.error(node, where, f"is {len(value)} characters long; at most {max_chars} are allowed")
            return None
        return value
