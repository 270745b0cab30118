"""Who a sentence gives a statement to, in French, Turkish and English: 'Selon X', 'a déclaré X', 'X'e göre',
'X said'; and whether two speakers are one."""

from __future__ import annotations

import re

_SPEECH_TR = r"(?:dedi|açıkladı|söyledi|belirtti|ifade etti|dile getirdi)"
_SPEECH_FR = r"(?:déclaré|affirmé|indiqué|expliqué|ajouté|précisé|annoncé|estimé|souligné|assuré|confié)"
_ATTRIBUTION = {
    "fr": [
        # 'les informations selon lesquelles…' says what was reported, not who said it; a speaker ends on a word
        r"\b(?i:selon|d['’]après)\s+(?!(?:lequel|laquelle|lesquels|lesquelles|qui|quoi)\b)"
        r"(?P<who>[^,.:;«»]{3,80})(?![^,.:;«»\s])",
        rf"\ba(?:‑|-)?t?(?:-il|-elle)?\s+{_SPEECH_FR}\s+(?P<who>[A-ZÉÈ][^,.;:«»]{{2,80}}?)(?=[,.;:]|\s+dans|$)",
        rf"(?P<who>\b[A-ZÉÈ][\w’'\- ]{{2,80}}?)\s*,?\s+(?:a|ont)\s+{_SPEECH_FR}",
        r"\b(?:estime|affirme|déclare|explique)\s+(?P<who>[A-ZÉÈ][\w\- ]{2,60})",
    ],
    "en": [
        r"\b(?i:according to)\s+(?!(?:which|whom)\b)(?P<who>[^,.:;]{3,80})(?![^,.:;\s])",
        r"(?P<who>\b[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,5}?)\s+(?:said|says|told|stated|announced|claimed)\b",
        r"\b(?:said|says|told)\s+(?P<who>[A-Z][\w\- ]{2,60})",
    ],
    "tr": [
        r"(?P<who>\b[A-ZÇĞİÖŞÜ][\w’'\- ]{2,80}?)(?:['’](?:[ynd]?[ae]))?\s+göre\b",
        # the speaker is the subject: marked by 'ise', or right before what was said (not an object phrase)
        rf"(?P<who>(?:\b[A-ZÇĞİÖŞÜ][\w’'\-]*\s+){{1,6}})ise\s+[^.]{{0,160}}?\b{_SPEECH_TR}\b",
        # the subject opens the sentence (SOV), two capitalised words or more, maybe after an opener ('Olayın
        # ardından'): not a place or object nearer the verb ('Münih, Almanya'daki Ar-Ge sitesini'); one
        # capitalised word alone may be any sentence's first ('Hayır, ...'); words before a genitive are
        # whose ('Bilişim Teknolojileri departmanlarının kontrolünü'), not who
        r"(?:^|[.!?]\s+)(?:[A-ZÇĞİÖŞÜ][\w’'\-]*\s+[a-zçğıöşü][\w’'\-]*\s+)?"
        r"(?P<who>(?:[A-ZÇĞİÖŞÜ][\w’'\-]*\s+){1,5}[A-ZÇĞİÖŞÜ][\w’'\-]*)(?![\w’'\-]|\s+[\w’'\-]*n[ıiuü]n\b)"
        rf"[^.]{{0,200}}?\b{_SPEECH_TR}\b",
        rf"(?P<who>(?:\b[A-ZÇĞİÖŞÜ][\w’'\-]*\s+){{1,6}})[^.]{{0,40}}?\b{_SPEECH_TR}\b",
    ],
}
# A speaker named by a pronoun is someone named earlier: not comparable with anyone.
_THIRD_PERSON = "he|she|they|il|elle|ils|elles|o|onlar"
_PRONOUN = re.compile(rf"^(?:{_THIRD_PERSON}|it|we|i|you|on|nous|biz)\b", re.IGNORECASE)
# 'according to reports', 'selon les informations', '…bilgilere göre': what was reported, not who said it
_NO_ONE = re.compile(
    r"^(?:the\s+|les\s+|des\s+|la\s+|le\s+|certain(?:e?s)?\s+)?(?:media|médias|press|presse|reports?|rapports?|"
    r"information|informations|sources?)\b"
    r"|\b(?:reports?|information|sources?|rapports?|informations|médias|bilgi\w*|haber\w*|rapor\w*|kaynak\w*)$",
    re.IGNORECASE,
)
_STOP = set(
    """le la les du de des the of and et a an ise ve en un une il elle ils ce cet cette this that bu président
    president başkanı""".split()
)


def speakers(text: str, lang: str) -> tuple[str, ...]:
    """The speakers named in `text`, in order: not a pronoun (someone named earlier), not 'reports'."""
    found = dict.fromkeys(_clean(m.group("who")) for p in _ATTRIBUTION.get(lang, ()) for m in re.finditer(p, text))
    return tuple(s for s in found if s and not _PRONOUN.match(s) and not _NO_ONE.search(s))


# Words between a speaker and 'said' that are not the speaker's: 'Sony Ericsson also said', 'Smith later told'
_TRAILING = re.compile(
    r"(?:\s+(?:also|later|then|previously|earlier|further|however|too|again|recently|has|had|have))+$"
)


def _clean(who: str) -> str:
    return _TRAILING.sub("", " ".join(who.split())).strip(" ,;:-–—'’\"")


def speaker_keys(speaker: str) -> set[str]:
    """Content words of a speaker, for comparing 'Daniyar Akishev' with 'le président Akishev'."""
    words = re.findall(r"[^\W\d_]{3,}", speaker.lower())
    return {w[:6] for w in words if w not in _STOP}


def same_speaker(a: str, b: str) -> bool:
    return bool(speaker_keys(a) & speaker_keys(b))


# a sentence whose subject is a third person's pronoun: 'Ils semblaient pour la plupart d'accord' (000:22)
_REFERS_BACK = re.compile(rf"\W*(?:{_THIRD_PERSON})\b", re.IGNORECASE)


def refers_back(sentence: str) -> bool:
    """Whether `sentence` opens with a third person's pronoun, whose referent is named in a sentence before it,
    often further back than the sentence just before ('Ils' in 000:22 are the conference's participants of
    000:20)."""
    return bool(_REFERS_BACK.match(sentence))
