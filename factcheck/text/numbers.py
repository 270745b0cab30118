"""Numbers as written: digits in French, Turkish and English notation ('67 000', '1,5', '1,000.5'), scale words
and suffixes ('100 milliards', '$77B'), and number words turned into digits ('quatre', 'dört')."""

from __future__ import annotations

import re

SEP = r"[ \u00a0\u202f.,]"
ORDINAL = r"(?:e|er|re|ème|eme|th|st|nd|rd)"
_SUFFIX_SCALE = r"(?:billion|million|bn|b|mn|m|k)"  # $77B, 55bn, 4.8M, $22million
_YEAR_DIGITS = r"(?:1[89]|20)\d\d\b"
# a figure hyphened onto a word is part of a name: COVID-19, F-16, G-20; 'August 11,1980' is a day and a year
NUMBER = re.compile(
    rf"(?<![\w.,])(?<![^\W\d_]-)\d{{1,3}}(?:{SEP}\d{{3}})+(?:[.,]\d+)?(?![\w])"
    rf"|(?<![\w.,])(?<![^\W\d_]-)\d+(?:\.\d+|,(?!{_YEAR_DIGITS})\d+)?"
    rf"(?:{ORDINAL}|{_SUFFIX_SCALE}|\.(?=\s+[a-zçğıöşü]))?(?![\w])"
    rf"|(?<=\d,){_YEAR_DIGITS}",
    re.IGNORECASE,
)
SUFFIX_SCALES = {"billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6, "k": 1e3}
_SCALE_WORDS = (
    ("thousand thousands mille bin", 1e3),
    ("million millions milyon", 1e6),
    ("billion billions milliard milliards milyar bn", 1e9),
    ("trillion trilyon", 1e12),
)
SCALES = {word: scale for words, scale in _SCALE_WORDS for word in words.split()}
_CURRENCY_WORDS = (
    ("$ dollar dollars usd dolar", "USD"),
    ("€ euro euros avro", "EUR"),
    ("tenge tenges kzt", "KZT"),
    ("lira tl", "TRY"),
    ("livres pounds £", "GBP"),
)
CURRENCIES = {word: code for words, code in _CURRENCY_WORDS for word in words.split()}
MONEY_SIGN = re.compile(r"([$€£])\s*$")  # a currency sign right before a figure: '$ 5', '€4.28 billion'

TURKISH_UNITS = {"bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9}
TURKISH_TENS = dict(zip("on yirmi otuz kırk elli altmış yetmiş seksen doksan".split(), range(10, 100, 10)))
TURKISH_MULTIPLIERS = {"yüz": 100, "bin": 1000, "milyon": 10**6, "milyar": 10**9}
EXACT = 1e-6  # a whole number written out in full ('46 wins', '1997') is exact


def rounding_tolerance(token: str, value: float, scale_text: str) -> float:
    """Half the place of the last digit written: '45.4 million' allows 45.35 to 45.45 million, '36 million'
    35.5 to 36.5 million; a whole number written out in full allows itself."""
    written = parse_number(token, "en") if scale_text else value
    scale = value / written if scale_text and written else 1.0
    decimals = re.search(r"[.,](\d{1,2})$", token.replace(" ", ""))
    if scale != 1.0 and written % 1:  # '1.027 billion': three decimals, not a thousands separator
        decimals = re.search(r"[.,](\d+)$", token.replace(" ", ""))
    if decimals and (scale != 1.0 or not re.search(r"[.,]\d{3}$", token)):
        return 0.5 * 10 ** -len(decimals.group(1)) * scale
    return 0.5 * scale if scale != 1.0 else EXACT


def split_suffix(token: str) -> tuple[str, str]:
    """'77B' -> ('77', 'b'): a scale written onto the figure."""
    match = re.fullmatch(rf"(.*\d)({_SUFFIX_SCALE})", token, re.IGNORECASE)
    return (match.group(1), match.group(2).lower()) if match else (token, "")


def parse_number(token: str, lang: str) -> float:
    """'67 000', '100.000', '1,5', '1,000.5' -> float, by the notation of `lang`."""
    token = re.sub(rf"[ \u00a0\u202f]|{ORDINAL}$|\.$", "", token)
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
    if thousands_only and (sep != decimal_mark or len(seps) > 1 or groups[-1] == "000"):
        return float(token.replace(sep, ""))
    return float(token.replace(sep, ".")) if len(seps) == 1 else float(token.replace(sep, ""))


_JOINED_WORDS = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


_MANY = re.compile(r"\b(?:hundreds|thousands|millions|billions|dozens|tens)\s+of\b", re.IGNORECASE)
_A_SCALE = re.compile(r"(?<!half )\ba (hundred|thousand|million|billion)\b", re.IGNORECASE)


def words_to_digits(text: str, lang: str) -> str:
    """'quatre employés' -> '4 employés' (text2num: fr, en, es, pt, de, nl, it, da), 'dört çalışan' -> '4 çalışan'."""
    if lang == "tr":
        return _turkish_words_to_digits(text)
    # text2num would read the scale word of '100 milliards' on its own: keep such spans aside
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group())
        return f"\ue000{len(kept) - 1}\ue001"

    # ('8 cents' is money in French too, not 8 hundreds; '65 pour cent' is a percent)
    shielded = re.sub(
        rf"\d(?:[\d.,\u00a0\u202f ]*\d)?\s+(?:{'|'.join(SCALES)}|cents?|pour\s+cent)\b", keep, text, flags=re.IGNORECASE
    )
    shielded = _MANY.sub(keep, shielded)  # 'millions of people' is no figure, not one million
    shielded = _JOINED_WORDS.sub(" ", shielded)  # 'a nine-episode series' has nine episodes; 'dix-huit' is 18
    if lang == "en":  # 'more than a million copies' is more than 1 000 000, not 'a' 1 000 000
        shielded = _A_SCALE.sub(r"one \1", shielded)
    try:
        from text_to_num import alpha2digit

        shielded = alpha2digit(shielded, lang, threshold=2)  # 'deux mois' counts; 'un député' is an article
    except (ImportError, ValueError, KeyError, NotImplementedError):
        pass  # a language text2num does not know: digits are still found
    return re.sub("\ue000(\\d+)\ue001", lambda m: kept[int(m.group(1))], shielded)


def _turkish_words_to_digits(text: str) -> str:
    tokens = re.split(r"(\s+)", text)
    out, run = [], []
    for token in tokens + [""]:
        word = token.lower().strip(".,;:!?\"'’”“")
        after_digits = not run and word in TURKISH_MULTIPLIERS and out and re.search(r"\d\s*$", "".join(out[-2:]))
        if not after_digits and (word in TURKISH_UNITS or word in TURKISH_TENS or word in TURKISH_MULTIPLIERS):
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


def apply_scale(value: float, after: str, money: bool = False) -> tuple[float, str, str]:
    """The scale word after a figure ('67 million'); after an amount of money, its abbreviation too ('$4.8 M',
    '$2 bn'), which after other figures may be a unit ('4.8 m' tall)."""
    basis = _BASIS_POINTS.match(after)
    if basis:  # '250 basis points' are '2,5 points' of a rate, 'yüzde 2,5 puan'
        word = basis.group("en") or basis.group("fr") or basis.group("tr") or "points"
        return value / 100, " " + word + after[basis.end() :], basis.group(0)
    match = re.match(r"(?:\s*|-)([^\W\d_]+)", after)  # '$70-million' too
    if match and match.group(1).lower() in SCALES:
        return value * SCALES[match.group(1).lower()], after[match.end() :], match.group(0)
    ending = match and _TURKISH_SCALE_ENDING.fullmatch(match.group(1).lower())
    if ending:  # '65 milyondan fazla': the scale with a case ending, which a qualifier may follow
        return value * SCALES[ending.group(1)], after[match.end() :], match.group(0)
    if match and money and match.group(1) in _MONEY_SCALES:
        return value * _MONEY_SCALES[match.group(1)], after[match.end() :], match.group(0)
    return value, after, ""


# a hundredth of a percentage point; what stays is the language's word for points, which a unit reads
_BASIS_POINTS = re.compile(
    r"\s*(?:basis[\s-](?P<en>points?)|(?P<fr>points?)\s+de\s+base|baz\s+(?P<tr>puan)|bps?\b)", re.IGNORECASE
)
_TURKISH_SCALE_ENDING = re.compile(
    r"(milyon|milyar|trilyon)(?:d[ae]n|t[ae]n|[ıiuü]n?|[ae]|d[ae]|l[ae]r\w*|l[ıiuü]k\w*)"
)
_MONEY_SCALES = {"M": 1e6, "Mn": 1e6, "mn": 1e6, "B": 1e9, "Bn": 1e9, "bn": 1e9, "K": 1e3}


def currency_of(before: str, after: str) -> str | None:
    """The ISO code of the currency written after a figure ('100 milliards de tenges', Turkish 'dolarlık') or
    its sign before it ('$ 5'); None when there is none."""
    following = re.match(r"\s*(?:de\s+|d['’])?([$€£]|[^\W\d_]+)", after)
    if following:
        word = following.group(1).lower()
        if word in CURRENCIES:
            return CURRENCIES[word]
        # Turkish endings on the currency: dolarlık, doları, avroya
        stem = next((c for c in CURRENCIES if len(c) >= 4 and word.startswith(c)), None)
        if stem:
            return CURRENCIES[stem]
    preceding = MONEY_SIGN.search(before)
    return CURRENCIES[preceding.group(1)] if preceding else None


# Fractions said in words are percents: 'a third of the companies' is 'un tiers des sociétés'.
_FRACTIONS = [
    (re.compile(p, re.IGNORECASE), share)
    for p, share in (
        (r"\b(?:two|deux) (?:thirds|tiers)\b|\büçte ikisi\b", 200 / 3),
        (r"\bthree quarters\b|\btrois quarts\b|\bdörtte üçü\b", 75),
        # 'a third of', not 'a third death'
        (r"\b(?:a|one) third(?= of\b)|\bun tiers\b|\büçte biri\b", 100 / 3),
        (r"\b(?:a|one) quarter(?= of\b)|\bun quart\b|\bdörtte biri\b", 25),
        (r"\b(?:a|one) fifth(?= of\b)|\bun cinquième\b|\bbeşte biri\b", 20),
        (r"\b(?:a|one) tenth(?= of\b)|\bun dixième\b|\bonda biri\b", 10),
        (r"\b(?:a |one )?half\b|\b(?:la|une) moitié\b|\byarısı\b", 50),
    )
]
FRACTION_MARK = "\ue002"  # where a fraction said in words was


def mark_fractions(text: str) -> tuple[str, list[tuple[float, str, str, str]]]:
    """`text` with each fraction said in words replaced by FRACTION_MARK, and each (share in percent, as written,
    text before it, text after it)."""
    found = []
    for pattern, share in _FRACTIONS:
        for match in pattern.finditer(text):
            found.append((share, match.group(), text[: match.start()], text[match.end() :]))
        text = pattern.sub(FRACTION_MARK, text)
    return text, found
