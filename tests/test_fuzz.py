"""Property-based: whatever claims file or article bytes arrive, factcheck exits 0, 1 or 2, never with a traceback."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli import main

DATA = Path(__file__).parent / "data" / "cli"
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30))
yaml_like = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                ["claims", "stories", "id", "text", "story", "versions", "verified", "severity", "model", "x"]
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)


def _run(claims_bytes: bytes, article_bytes: bytes, capsys) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "claims.yaml").write_bytes(claims_bytes)
        (tmp / "a.txt").write_bytes(article_bytes)
        code = main(
            [
                "run",
                "--claims",
                str(tmp / "claims.yaml"),
                "--articles",
                str(tmp / "a.txt"),
                "--out",
                str(tmp / "out"),
                "-q",
            ]
        )
    err = capsys.readouterr().err
    return code, err


def _assert_clean(code: int, err: str) -> None:
    assert code in (0, 1, 2)
    assert "Traceback" not in err and "internal error" not in err, err


@FUZZ
@given(st.binary(max_size=400))
def test_any_claims_bytes(fake_model, capsys, data):
    _assert_clean(*_run(data, (DATA / "a.txt").read_bytes(), capsys))


@FUZZ
@given(yaml_like)
def test_any_yaml_structure(fake_model, capsys, value):
    import yaml

    _assert_clean(
        *_run(yaml.safe_dump(value, allow_unicode=True).encode("utf-8"), (DATA / "a.txt").read_bytes(), capsys)
    )


@FUZZ
@given(st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: t.encode("utf-8")))
def test_any_article_bytes(fake_model, capsys, data):
    _assert_clean(*_run((DATA / "claims.yaml").read_bytes(), data, capsys))


_WORDS = st.sampled_from(
    [
        "not",
        "Not",
        "no",
        "never",
        "but",
        ",",
        "who",
        "which",
        "Nothing",
        "ne",
        "pas",
        "il",
        "n'a",
        "değil",
        "gelmedi",
        "ama",
        "the",
        "law",
        "will",
        "save",
        "si",
        "if",
        "only",
        ".",
    ]
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(_WORDS, max_size=14),
    st.sampled_from(["en", "fr", "tr"]),
    st.lists(_WORDS, max_size=14),
    st.sampled_from(["en", "fr", "tr"]),
)
def test_comparing_any_two_sentences_never_fails(a, lang_a, b, lang_b):
    """A claim against evidence in any words: a negation counted in the main clause is one of the sentence's."""
    from factcheck.core.compare import differences
    from factcheck.core.telling import Telling

    for against_claim in (False, True):
        differences(Telling("x", " ".join(a), lang_a), Telling("y", " ".join(b), lang_b), against_claim)
