"""claims.yaml loading and strict validation: every problem, with file, line and key."""

from pathlib import Path

import pytest

from factcheck.inputs.claims import ClaimsError, load_claims, parse_claims, story_warnings

ROOT = Path(__file__).resolve().parents[1]


def problems(text):
    with pytest.raises(ClaimsError) as info:
        parse_claims(text, "claims.yaml")
    return [str(p) for p in info.value.problems]


def test_project_claims_are_valid_and_cover_every_seed():
    claim_set = load_claims(ROOT / "claims.yaml")
    assert len(claim_set.claims) >= 25
    seeds = [p.stem for p in (ROOT / "seeds").glob("*.txt")]
    assert len(seeds) == 5
    for article in seeds:
        assert any(c.story and claim_set.checks(c, article) for c in claim_set.claims), article
    assert story_warnings(claim_set, seeds) == []


def test_minimal_file_loads_with_defaults():
    claim_set = parse_claims("claims:\n  - id: a\n    text: Something happened.\n")
    (claim,) = claim_set.claims
    assert (claim.id, claim.text, claim.severity, claim.story, claim.versions) == (
        "a",
        "Something happened.",
        "error",
        None,
        (),
    )
    assert claim.line == 2


def test_every_error_is_reported_at_once_with_its_line():
    text = """\
stories:
  s1: ["000_*"]
claims:
  - id: a
    text: One.
    story: nope
  - id: a
    text: Two.
  - id: bad id
    text: ""
    colour: red
  - id: v
    text: Three.
    versions: [one, two]
    verified: one
  - id: w
    text: Four.
    versions:
      x: X happened.
    verified: y
    severity: fatal
"""
    assert problems(text) == [
        "claims.yaml:6: claims[0].story: names no story: 'nope' (known: s1)",
        "claims.yaml:7: claims[1].id: duplicate id 'a' (first used on line 4)",
        "claims.yaml:9: claims[2].id: 'bad id' may use only letters, digits, '-' and '_'",
        "claims.yaml:10: claims[2].text: is empty; write the claim as one sentence",
        "claims.yaml:11: claims[2]: unknown key 'colour' (allowed: id, text, story, versions, verified, severity)",
        "claims.yaml:14: claims[3].versions: expected a mapping of id -> text, got a list",
        "claims.yaml:15: claims[3].verified: names no version: 'one' (allowed: the claim has no versions)",
        "claims.yaml:20: claims[4].verified: names no version: 'y' (allowed: x)",
        "claims.yaml:21: claims[4].severity: expected one of error, warning, got 'fatal'",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("claims: [\n", "claims.yaml:2: invalid YAML: expected the node content, but found '<stream end>'"),
        ("", "claims.yaml:1: empty file; expected a 'claims:' list"),
        ("claims:\n\t- id: a\n", "claims.yaml:2: tab used for indentation; YAML allows spaces only"),
        ("just some prose\n", "claims.yaml:1: top level: expected a mapping, got a string"),
        ("claims: {}\n", "claims.yaml:1: claims: expected a list of claims, got a mapping"),
        ("stories: {}\n", "claims.yaml:1: top level: missing required key 'claims'"),
        ("claims:\n  - id: a\n    text: 5\n", "claims.yaml:3: claims[0].text: expected a string, got a number"),
        (
            "claims:\n  - id: a\n    id: b\n    text: x\n",
            "claims.yaml:3: claims[0]: duplicate key 'id' (first on line 2)",
        ),
        ("claims:\n  - id: a\n", "claims.yaml:2: claims[0]: missing required key 'text'"),
        (
            "claims:\n  - id: a\n    text: " + "x" * 2001 + "\n",
            "claims.yaml:3: claims[0].text: is 2001 characters long; at most 2000 are allowed",
        ),
    ],
)
def test_single_problem_messages(text, expected):
    assert problems(text) == [expected]


def test_missing_file_is_a_problem_not_a_traceback(tmp_path):
    with pytest.raises(ClaimsError) as info:
        load_claims(tmp_path / "nope.yaml")
    assert str(info.value) == f"{tmp_path / 'nope.yaml'}: no such file"


def test_story_glob_that_matches_nothing_is_a_warning():
    claim_set = parse_claims('stories:\n  s: ["zzz_*"]\nclaims:\n  - id: a\n    text: x\n    story: s\n')
    assert [str(w) for w in story_warnings(claim_set, ["000_a"])] == [
        "claims.yaml:2: stories.s: pattern 'zzz_*' matches no article"
    ]


def test_a_duplicate_id_is_told_even_when_the_duplicate_has_other_problems():
    text = "claims:\n  - id: a\n    text: x\n  - id: a\n    text: ''\n"
    assert problems(text) == [
        "claims.yaml:4: claims[1].id: duplicate id 'a' (first used on line 2)",
        "claims.yaml:5: claims[1].text: is empty; write the claim as one sentence",
    ]


def test_anchors_and_aliases_are_resolved():
    claim_set = parse_claims("claims:\n  - id: a\n    text: &t Shared text.\n  - id: b\n    text: *t\n")
    assert [c.text for c in claim_set.claims] == ["Shared text.", "Shared text."]


def test_claims_languages_are_detected_once_then_read_back(monkeypatch):
    import factcheck.inputs.claims as claims_module
    from factcheck.store import MemoryStore

    claim_set = parse_claims(
        "claims:\n  - id: fr\n    text: Les mineurs ont volé de l'électricité à l'État.\n"
        "  - id: tr\n    text: Dört çalışan devletin bilgisayarlarında kripto para üretti.\n"
    )
    store = MemoryStore()
    first = claims_module.with_languages(claim_set, store, b"parser")
    assert [c.lang for c in first.claims] == ["fr", "tr"]

    def no_model(text):
        raise AssertionError("the language model was asked again")

    monkeypatch.setattr(claims_module, "detect_language", no_model)
    assert claims_module.with_languages(claim_set, store, b"parser") == first
    store._parsed = {key: {"lang": 3} for key in store._parsed}  # damaged entries are detected again
    monkeypatch.undo()
    assert claims_module.with_languages(claim_set, store, b"parser") == first
