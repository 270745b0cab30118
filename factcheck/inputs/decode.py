"""Decode article bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, else a detected legacy charset."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from factcheck.text.language import detect_language

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not text in any encoding we can trust."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes) -> Decoded:
    """Decode `data`, trusting a BOM first, then UTF-8, then charset detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_normalise_newlines(data.decode(encoding)), encoding)
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}") from None
    if b"\x00" in data:
        raise NotText("contains NUL bytes: a binary file, not text")
    try:
        return Decoded(_normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


# Legacy code pages often decode a text equally cleanly (cp1250 and cp1252 differ only in
# letters a French text may not use). Among equally clean candidates, take the one its
# language was most likely written in.
_LEGACY_BY_LANGUAGE = {"tr": "cp1254", "fr": "cp1252", "en": "cp1252", "de": "cp1252", "es": "cp1252"}


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise NotText("is neither UTF-8 nor any text encoding that could be recognised")
    cleanest = [m for m in results if m.chaos <= results[0].chaos]
    preferred = _LEGACY_BY_LANGUAGE.get(detect_language(str(results[0])))
    chosen = next((m for m in cleanest if m.encoding == preferred), results[0])
    return Decoded(_normalise_newlines(str(chosen)), chosen.encoding)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
