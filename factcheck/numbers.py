"""Quantities in a sentence: digits in French/Turkish/English notation, scale and number words, percents, money."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SEP = r"[ \u00a0\u202f.,]"
_ORDINAL = r"(?:e|er|re|ème|eme|th|st|nd|rd)"
_NUMBER = re.compile(rf"(?<![\w.,])\d{{1,3}}(?:{_SEP}\d{{3}})+(?:[.,]\d+)?(?![\w])"
                     rf"|(?<![\w.,])\d+(?:[.,]\d+)?(?:{_ORDINAL}|\.(?=\s+[a-zçğıöşü]))?(?![\w])")
_SCALES = {
    "thousand": 1e3, "thousands": 1e3, "mille": 1e3, "bin": 1e3,
    "million": 1e6, "millions": 1e6, "milyon": 1e6,
    "billion": 1e9, "billions": 1e9, "milliard": 1e9, "milliards": 1e9, "milyar": 1e9, "bn": 1e9,
    "trillion": 1e12, "trilyon": 1e12,
}
_CURRENCIES = {
    "$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD", "dolar": "USD",
    "€": "EUR", "euro": "EUR", "euros": "EUR", "avro": "EUR",
    "tenge": "KZT", "tenges": "KZT", "kzt": "KZT",
    "lira": "TRY", "tl": "TRY", "livres": "GBP", "pounds": "GBP", "£": "GBP",
}
_PERCENT_AFTER = re.compile(r"^\s*(?:%|pour\s?cent|percent|per\s?cent)")
_PERCENT_BEFORE = re.compile(r"(?:%|yüzde)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)?")
_UNIT_SKIP = {"de", "d", "des", "of", "the", "les", "la", "le", "du", "a", "an", "adet", "tane", "plus", "more",
              "than", "over", "about", "environ", "près", "yaklaşık", "en", "et", "and", "ve",
              "ses", "son", "sa", "leur", "leurs", "ces", "their", "its", "his", "her", "these", "those", "bu", "şu"}

TURKISH_UNITS = {"bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9}
TURKISH_TENS = {"on": 10, "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "altmış": 60, "yetmiş": 70,
                "seksen": 80, "doksan": 90}
TURKISH_MULTIPLIERS = {"yüz": 100, "bin": 1000, "milyon": 10**6, "milyar": 10**9}


@dataclass(frozen=True)
class Quantity:
    value: float
    kind: str  # count, percent, money:<ISO code>, year, rank
    unit: str  # the word it counts ("employés"), '' when none
    text: str  # as written, for explanations


@lru_cache(maxsize=1 << 16)
def quantities(text: str, lang: str) -> tuple[Quantity, ...]:
    """Every quantity in `text`, with number words turned into digits first (memoised: an
    evidence sentence is compared with every other article's)."""
    text = words_to_digits(text, lang)
    found = []
    for match in _NUMBER.finditer(text):
        value = parse_number(match.group(), lang)
        before, after = text[: match.start()], text[match.end():]
        value, after, scale_text = _apply_scale(value, after)
        kind = _kind(value, match.group(), before, after, lang)
        written = (match.group() + scale_text).strip()
        if kind == "percent":
            prefix, suffix = _PERCENT_BEFORE.search(before), _PERCENT_AFTER.match(after)
            written = ((before[prefix.start():] if prefix else "") + written + (suffix.group() if suffix else "")).strip()
        found.append(Quantity(value, kind, _unit(after) if kind == "count" else "", written))
    return tuple(found)


def parse_number(token: str, lang: str) -> float:
    """'67 000', '100.000', '1,5', '1,000.5' -> float, by the notation of `lang`."""
    token = re.sub(rf"[ \u00a0\u202f]|{_ORDINAL}$|\.$", "", token)
    groups = re.split(r"[.,]", token)
    seps = re.findall(r"[.,]", token)
    if not seps:
        return float(token)
    thousands_only = all(len(g) == 3 for g in groups[1:])
    if len(set(seps)) == 2:  # both: the last one is the decimal mark
        decimal = seps[-1]
        return float(token.replace("," if decimal == "." else ".", "").replace(",", "."))
    sep = seps[0]
    decimal_mark = "." if lang == "en" else ","
    if thousands_only and (sep != decimal_mark or len(seps) > 1):
        return float(token.replace(sep, ""))
    return float(token.replace(sep, ".")) if len(seps) == 1 else float(token.replace(sep, ""))


def words_to_digits(text: str, lang: str) -> str:
    """'quatre employés' -> '4 employés' (text2num: fr, en, es, pt, de, nl, it, da), 'dört çalışan' -> '4 çalışan'."""
    if lang == "tr":
        return _turkish_words_to_digits(text)
    # text2num would read the scale word of '100 milliards' on its own: keep such spans aside
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group())
        return f"\uE000{len(kept) - 1}\uE001"

    shielded = re.sub(rf"\d(?:[\d.,\u00a0\u202f ]*\d)?\s+(?:{'|'.join(_SCALES)})\b", keep, text, flags=re.IGNORECASE)
    try:
        from text_to_num import alpha2digit

        shielded = alpha2digit(shielded, lang, threshold=2)  # 'deux mois' counts; 'un député' is an article
    except (ImportError, ValueError, KeyError, NotImplementedError):
        pass  # a language text2num does not know: digits are still found
    return re.sub("\uE000(\\d+)\uE001", lambda m: kept[int(m.group(1))], shielded)


def _turkish_words_to_digits(text: str) -> str:
    tokens = re.split(r"(\s+)", text)
    out, run = [], []
    for token in tokens + [""]:
        word = token.lower().strip(".,;:!?\"'’”“")
        if word in TURKISH_UNITS or word in TURKISH_TENS or word in TURKISH_MULTIPLIERS:
            run.append(token)
            continue
        if token.isspace() and run:
            run.append(token)
            continue
        if run:
            out.append(_turkish_run(run))
            run = []
        out.append(token)
    return "".join(out)


def _turkish_run(run: list[str]) -> str:
    words = [t.lower().strip(".,;:!?\"'’”“") for t in run if not t.isspace()]
    trailing = run[-1] if run[-1].isspace() else ""
    if words == ["bir"]:  # 'bir' alone is mostly the article 'a'
        return "".join(run)
    total = current = 0
    for word in words:
        if word in TURKISH_UNITS:
            current += TURKISH_UNITS[word]
        elif word in TURKISH_TENS:
            current += TURKISH_TENS[word]
        elif word == "yüz":
            current = (current or 1) * 100
        else:
            total += (current or 1) * TURKISH_MULTIPLIERS[word]
            current = 0
    return f"{total + current}{trailing}"


def _apply_scale(value: float, after: str) -> tuple[float, str, str]:
    match = re.match(r"\s*([^\W\d_]+)", after)
    if match and match.group(1).lower() in _SCALES:
        return value * _SCALES[match.group(1).lower()], after[match.end():], match.group(0)
    return value, after, ""


def _kind(value: float, token: str, before: str, after: str, lang: str) -> str:
    if re.search(rf"\d{_ORDINAL}$|\d\.$", token):
        return "rank"  # 17e, 17th, Turkish 17.
    if _PERCENT_AFTER.match(after) or _PERCENT_BEFORE.search(before):
        return "percent"
    currency = _currency(before, after)
    if currency:
        return f"money:{currency}"
    if re.fullmatch(r"(1[89]|20)\d\d", token):
        return "year"
    return "count"


def _currency(before: str, after: str) -> str | None:
    following = re.match(r"\s*(?:de\s+|d['’])?([$€£]|[^\W\d_]+)", after)
    if following and following.group(1).lower() in _CURRENCIES:
        return _CURRENCIES[following.group(1).lower()]
    preceding = re.search(r"([$€£])\s*$", before)
    return _CURRENCIES[preceding.group(1)] if preceding else None


def _unit(after: str) -> str:
    for word in _WORD.findall(after[:60])[:4]:
        if word.lower() not in _UNIT_SKIP:
            return word.lower()
    return ""
