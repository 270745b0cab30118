"""Negation, modality and attribution cues in French, Turkish and English sentences (speakers: text/speakers.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.text.speakers import speakers

_NEGATION = {
    "fr": [
        r"\bn(?:e\b|['’])[^.;:]{0,40}?\b(?:pas|plus|jamais|rien|guère|aucun|aucune|nullement|personne)\b",
        r"\bsans\b",
        r"\baucune?\b",  # 'aucun blessé' (after 'ne', the pattern above holds it)
        r"\bnon\b",
        r"\bni\b",
        # verbs whose complement did not happen: 'a refusé de signer' is 'n'a pas signé'
        r"\b(?:refus|renonc)(?:e|ent|é|ée|és|ées|ait|aient)\s+(?:de|d['’]|à)",
        r"\b(?:échou)(?:e|ent|é|ait|aient)\s+à",
        r"\bni(?:e|ent|é|ait|aient)\b",
        # 'le projet manque de moyens' n'en a pas; 'un manque de moyens' is a noun
        r"\bmanqu(?<!\bun manqu)(?<!\ble manqu)(?<!\bau manqu)(?<!\bdu manqu)(?:e|ent|é|ait|aient)\s+(?:de|d['’])",
    ],
    "en": [
        r"\b(?:has|have|had|is|are|was|were)\s+yet\s+to\b",  # 'has yet to exhibit': has not exhibited
        r"\bno one\b",
        r"\bnot\b(?!\s+(?:only|just|merely)\b)",
        r"n['’]t\b",
        r"\bno\b(?!\.?\s*\d)",  # not 'no 1 in the charts'
        r"\bnever\b",
        r"\bnone\b",
        r"(?<!\ba )\bnobody\b",  # not 'a nobody from nowhere'
        r"(?<!\ba )\bnothing\b",
        r"\bneither\b",
        r"\bwithout\b",
        r"\bcannot\b",
        # verbs whose complement did not happen: 'failed to dig' is 'did not dig', 'denied hitting' 'did not hit'
        r"\b(?:fail|refus|declin)(?:e|es|ed|s|ing)?\s+to\b",
        r"\bden(?:y|ies|ied|ying)\b",
        r"\black(?:s|ed|ing)?\b(?!\s+of\b)",  # 'lacks skills' does not have them; 'for lack of' qualifies
    ],
    # Turkish negates verbs with -me/-ma (yapmadı, planlamıyor, yasaklamayacak, olmayan)
    "tr": [
        r"\bdeğil",
        r"\byok(?:tu|tur|muş)?\b",
        r"\w{2,}m[ıiuü]yor",
        r"\w{2,}m[ae]d[ıiuü]",
        r"\w{2,}m[ae]y[ae]c[ae]k",
        r"\w{2,}m[ae]z(?:lar|d[ıi]\w*)?\b(?!\s+ise\b)",  # 'yapmaz', 'bulundurmazdım'; 'göndermez ise' is 'if not'
        r"\w{2,}m[ae]y[ıi]z\b",  # 'söyleyemeyiz'
        r"\w{2,}m[ae]y[ae]n\b",
        r"\w{2,}m[ae]m[ıi]ş",
        r"\bolmadan\b",
        r"\w{2,}m[ae]s[ıi]n\b",  # 'yapmasın'; 'ayrılmasını' is a verbal noun, not a negation
    ],
}
# A negation inside a purpose clause ("pour qu'il ne soit pas bloqué") does not negate what the
# sentence states, so such clauses are set aside before negations are counted.
_PURPOSE_CLAUSE = re.compile(
    r"\b(?:pour qu['’e]|afin (?:de|qu['’e])|de peur qu['’e]|so that|in order (?:to|that)|lest|"
    r"(?:^|,\s*)(?:si|if|unless|à moins qu['’e]|eğer)\b)[^,;.]*",
    re.IGNORECASE,
)
# 'non seulement', 'non pas X mais Y': a contrast, not a negation of what the sentence states; nor a question
# of whether or not
_NOT_NEGATION = re.compile(
    r"\bnon (?:seulement|pas)\b|\bnot only\b|\bsadece\b[^.]{0,30}\bdeğil|"
    r"\b(\w{3,})[ıiuü]p\s+\1m[ae]\w*",  # 'kullanıp kullanmadıklarını': whether or not they used it
    re.IGNORECASE,
)
MODALITY = {
    "deliberate": [
        r"\bvolontairement\b",
        r"\bdélibérément\b",
        r"\bintentionnellement\b",
        r"\bsciemment\b",
        r"\bdeliberately\b",
        r"\bintentionally\b",
        r"\bon purpose\b",
        r"\bkasıtlı\b",
        r"\bbilerek\b",
        r"\bkasten\b",
    ],
    "alleged": [
        r"\bprésumée?s?\b",
        r"\bprétendument\b",
        r"\bsupposément\b",
        r"\ballegedly\b",
        r"\breportedly\b",
        r"\bpurportedly\b",
        r"\biddiaya göre\b",
        r"\biddia edilen\b",
        r"\bsöylenen\b",
    ],
    "planned": [
        r"\bprévoi(?:t|ent)\b",
        r"\benvisagea?i?(?:t|ent)?\b",
        r"\bplans? to\b",
        r"\bplanned to\b",
        r"\b(?:a|ont|avoir) pour projet\b",
        r"\bprojett?e(?:nt)?\b",
        r"\bplanlı?yor",
        r"\bplanlıyorlar\b",
    ],
    "partial": [r"\ben partie\b", r"\bpartiellement\b", r"\bpartly\b", r"\bpartially\b", r"\bin part\b", r"\bkısmen\b"],
    "insisted": [r"\binsist(?:é|e|ed|ing|s)?\b", r"\bısrar"],
    "called-for": [
        r"\b(?:a|ont|avoir) appelé\b",
        r"\bappel(?:le|lent|ant) à\b",
        r"\bcalled for\b",
        r"\bcalls? for\b",
        r"\burged\b",
        r"\bçağrı(?:da|sı)",
    ],
    # a stance taken on what happened: 'criticised for delaying' and 'voiced concern about the delay' are two
    # versions of one fact ('critiques positives', 'olumlu eleştiriler' are reviews: text/reception.py)
    "criticised": [
        r"\bcriti(?:cis|ciz)(?:e|es|ed|ing)\b",
        r"\bcriticisms?\b",
        r"\bcritiqu(?:é|ée|és|ées|ait|aient|er|ant|ent)\b",
        r"\b(?:de|des|les|aux|nombreuses|vives|sévères) critiques\b(?!\s+(?:positives|élogieuses|favorables|mitigées))",
        r"(?<!olumlu )(?<!olumsuz )(?<!karışık )\beleştir\w*",
    ],
    "concern": [
        r"\bconcerns?\s+(?:about|over|that)\b",
        r"\b(?:voic|express|rais)(?:e|es|ed|ing)\s+(?:\w+\s+)?concerns?\b",
        r"\bconcerned\s+(?:about|over|that|by)\b",
        r"\bpréoccup\w*",
        r"\binqui(?:et|ète|ets|ètes|étude|études|éta\w*|éte\w*)\b",
        r"\bendişe\w*",
        r"\bkaygı\w*",
    ],
}
_MODALITY = {kind: re.compile("|".join(f"(?:{p})" for p in ps), re.IGNORECASE) for kind, ps in MODALITY.items()}
# Negations that qualify a word, not the predicate: 'sans but lucratif', 'non radiophoniques', 'without delay'
_MODIFIERS = {"sans", "non", "without", "olmadan"}
_NEGATIONS = {
    lang: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) for lang, patterns in _NEGATION.items()
}


@dataclass(frozen=True)
class Cues:
    negations: tuple[str, ...]
    modality: tuple[str, ...]
    speakers: tuple[str, ...]
    scopes: tuple[str, ...] = ()  # per negation, the start of the word it bears on

    main_negations: int = 0  # negations of the main clause, before any 'but' (see main_clause)

    @property
    def negated(self) -> bool:
        """Odd number of negations: 'ne ... pas' negates, 'sans ne pas' does not."""
        return len(self.negations) % 2 == 1

    @property
    def predicate_negated(self) -> bool:
        """Whether the main clause's predicate is negated, as far as it can be told without the words."""
        return self.main_negations % 2 == 1


@lru_cache(maxsize=1 << 16)
def cues(text: str, lang: str) -> Cues:
    lang = lang if lang in _NEGATION else "en"
    main_clauses = _NOT_NEGATION.sub(" ", _PURPOSE_CLAUSE.sub(" ", text))
    matches = _negation_matches(main_clauses, lang)
    negations = tuple(m.group() for m in matches)
    scopes = tuple(_scope(m, main_clauses, lang) for m in matches)
    modality = tuple(sorted(kind for kind, pattern in _MODALITY.items() if pattern.search(text)))
    main_negations = sum(
        m.group().lower() not in _MODIFIERS for m in _negation_matches(main_clause(main_clauses, lang), lang)
    )
    return Cues(negations, modality, speakers(text, lang), scopes, main_negations)


def _negation_matches(text: str, lang: str) -> list[re.Match]:
    """One pattern for all, so that 'no one' is one negation, not two; in English, not one in a title."""
    return [m for m in _NEGATIONS[lang].finditer(text) if not (lang == "en" and _in_title(m, text))]


def _in_title(match: re.Match, text: str) -> bool:
    """A capitalised negation inside a sentence: 'Generation Nothing' (at its start, 'No Way Out is' cannot be
    told from 'No Kazakh official said')."""
    return match.group().istitle() and bool(text[: match.start()].strip())


_CONTRAST = re.compile(
    r"[,;]?\s+(?:mais|but|yet(?!\s+to\b)|however|ancak|ama|fakat|oysa|tandis qu['’e]|while|whereas)\b.*$", re.IGNORECASE
)
_RELATIVE = re.compile(r",\s*(?:who|which|whose|qui|dont|lequel|laquelle)\b[^,;.]*", re.IGNORECASE)
_TURKISH_ENDING = re.compile(r"(?:\S+\s+){0,1}\S+\s*[.!?…]*\s*$")


def main_clause(text: str, lang: str) -> str:
    """What a sentence states before any 'but' that adds something else ('…, but gave no details'), without
    its relative clauses; in
    Turkish, the final verb that carries the predicate (a negated participle earlier, 'doğal olmayan',
    is a modifier)."""
    clause = _RELATIVE.sub("", _CONTRAST.sub("", text))  # ', who felt it would not work': about someone else
    if lang == "tr":
        ending = _TURKISH_ENDING.search(clause.rstrip())
        return ending.group() if ending else clause
    return clause


_CLITICS = set(
    """me te se le la les lui leur y en nous vous l s m t do does did is are was were be been have has had will
    would can could should to a the any""".split()
)
# Adverbs between a negation and the word it bears on ('ne prévoit toujours pas', 'did not really plan').
_ADVERBS = set(
    """toujours encore vraiment jamais toutefois cependant donc pourtant même still yet really even ever actually
    necessarily also always""".split()
)


def _scope(match: re.Match, text: str, lang: str) -> str:
    """The word a negation bears on: the verb after 'ne'/'not', or a Turkish negated verb's stem."""
    if lang == "tr":
        word = match.group()
        stem = re.match(r"(\w{2,}?)m[ıiuüae]", word)
        return (stem.group(1) if stem else word)[:5].lower()
    # French 'ne ... pas' holds its verb; in English the word comes after the negation ('no one is permitted')
    words = re.findall(r"[^\W\d_]+", text[match.end() :] if lang == "en" else text[match.start() :])
    words = words[:7] if lang == "en" else words[1:8]
    content = [
        w
        for w in words
        if w.lower() not in _CLITICS | _ADVERBS
        and w.lower() not in ("pas", "plus")
        and not (lang == "en" and w.lower().endswith("ly"))
    ]
    return content[0][:5].lower() if content else ""


def bears_on(scope: str, text: str) -> bool:
    """Whether `text` uses the word a negation bears on (so the two sentences speak of one predicate)."""
    return bool(scope) and any(w.lower().startswith(scope) for w in re.findall(r"[^\W\d_]+", text))


_NEGATIVE_PREFIX = ("in", "im", "il", "ir", "un", "non", "dis", "dés", "dé", "a")


def negated_word(scope: str, text: str) -> bool:
    """Whether `text` says the word a negation bears on with a negative prefix ('not sufficient', 'insufficient')."""
    return bool(scope) and any(
        w.lower().startswith(prefix + scope) for w in re.findall(r"[^\W\d_]+", text) for prefix in _NEGATIVE_PREFIX
    )
