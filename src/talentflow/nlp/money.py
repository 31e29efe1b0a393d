"""Find and parse amounts of money in French and English text, without spaCy.

"4 milliards de dollars" -> (4000000000.0, "USD"), "£650,000" -> (650000.0, "GBP"),
"1,5 milliard d'euros" -> (1500000000.0, "EUR"), "1.2bn" -> (1200000000.0, None).

Number reading follows the language: in French the comma is the decimal mark and spaces
(also no-break and thin spaces) or dots group thousands; in English commas group thousands.
An amount needs a currency, or an abbreviated scale that only money takes ("1.2bn", "3 Md"),
so "300 millions d'utilisateurs" is not money.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from talentflow.nlp.spans import longest_first

__all__ = ["MoneyMatch", "find_amounts", "parse_amount"]


@dataclass(frozen=True)
class MoneyMatch:
    start: int
    end: int
    text: str
    amount: float
    currency: str | None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


# Symbols and codes written before (or glued after) the number.
_SYMBOLS = {"us$": "USD", "u.s.$": "USD", "$us": "USD", "$": "USD", "c$": "CAD", "ca$": "CAD",
            "a$": "AUD", "au$": "AUD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL",
            "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
            "fr.": "CHF", "chf": "CHF", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY",
            "cny": "CNY", "rmb": "CNY", "cad": "CAD", "aud": "AUD", "inr": "INR", "sek": "SEK",
            "nok": "NOK", "dkk": "DKK", "krw": "KRW", "brl": "BRL", "hkd": "HKD", "sgd": "SGD"}
_SYMBOL_RE = ("(?:US\\$|U\\.S\\.\\$|\\$US|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|HK\\$|S\\$|R\\$|\\$|€|£"
              "|¥|₹"
              "|₩|₽|CHF|USD|EUR|GBP|JPY|CNY|RMB|CAD|AUD|INR|SEK|NOK|DKK|KRW|BRL|HKD|SGD)")

# Currency words after the number, matched on folded text (accents and case removed).
# Ordered longest first so "francs suisses" is tried before a bare word.
_WORDS = [
    (r"dollars?\s+(?:americains?|us|des\s+etats-unis)", "USD"),
    (r"(?:us|u\.s\.|american)\s+dollars?", "USD"),
    (r"dollars?\s+canadiens?|canadian\s+dollars?", "CAD"),
    (r"dollars?\s+australiens?|australian\s+dollars?", "AUD"),
    (r"dollars?\s+de\s+hong\s+kong|hong\s+kong\s+dollars?", "HKD"),
    (r"dollars?\s+(?:de\s+)?singapour|singapore\s+dollars?", "SGD"),
    (r"francs?\s+suisses?|swiss\s+francs?", "CHF"),
    (r"livres?\s+sterling|livres?\s+britanniques?|pounds?\s+sterling|british\s+pounds?"
     r"|sterling", "GBP"),
    (r"couronnes?\s+suedoises?|swedish\s+kron(?:or|a)", "SEK"),
    (r"couronnes?\s+norvegiennes?|norwegian\s+kron(?:er|e)", "NOK"),
    (r"couronnes?\s+danoises?|danish\s+kron(?:er|e)", "DKK"),
    (r"dollars?", "USD"), (r"euros?", "EUR"), (r"livres?|pounds?", "GBP"),
    (r"yens?", "JPY"), (r"yuans?|renminbi", "CNY"), (r"roupies?|rupees?", "INR"),
    (r"wons?", "KRW"), (r"roubles?|rubles?", "RUB"), (r"shekels?", "ILS"),
]
_WORD_RE = "(?:" + "|".join(p for p, _ in _WORDS) + ")"
_WORD_CODES = [(re.compile(p + r"\Z"), code) for p, code in _WORDS]

_SCALES = {"thousand": 1e3, "mille": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6,
           "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "mm": 1e6,
           "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9,
           "mrds": 1e9, "bn": 1e9, "b": 1e9, "billion": 1e9, "billions": 1e9,
           "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "tr": 1e12}
# Spelled-out scales need a space before them; abbreviations may be glued ("$1.3m", "10M€").
_SCALE_WORD = r"(?:thousand|mille|millions?|milliards?|billions?|trillions?)"
_SCALE_ABBR = r"(?:mln|mio|mn|mm|mrds?|mds?|bn|tn|k|m|b)"
# Abbreviations that only money takes; "m" or "k" alone could be metres or a count.
_MONEY_ONLY_ABBR = {"bn", "md", "mds", "mrd", "mrds", "mln", "mn", "tn"}

_NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
                 "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "a": 1, "an": 1, "one": 1,
                 "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "half a": 0.5, "a half": 0.5, "demi": 0.5}

_SP = "[ \u00a0\u202f\u2009]"  # one space of any kind used to group thousands
# Never start inside a number, even one badly spaced by a converter ("100, 000").
_NOT_INSIDE = r"(?<![\d.,])(?<!\d,\s)(?<!\d\.\s)"
_DIGITS = (rf"{_NOT_INSIDE}(?:\d{{1,3}}(?:(?:{_SP}|,|\.)\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
           r"(?![.,]?\d)")
# After a currency symbol a comma-and-space still groups thousands ("$1, 799").
_DIGITS_AFTER_SYMBOL = (rf"{_NOT_INSIDE}(?:\d{{1,3}}(?:(?:{_SP}|,{_SP}?|\.)\d{{3}})+"
                        r"(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![.,]?\d)")
_NUMBER = (rf"(?P<num>{_DIGITS}|(?:un|une|deux|trois|quatre|cinq|dix|a|an|one|two|three|ten)"
           r"(?![^\W\d_]))")
_SCALE = (rf"(?:{_SP}?(?P<abbr>{_SCALE_ABBR})(?![^\W\d_])|(?:\s+|-)(?P<word>{_SCALE_WORD})"
          rf"(?![^\W\d_]))")
_OF = r"(?:\s+(?:de|d['’])\s*|\s+|(?=[€$£¥]))"

# "$4 billion", "€500 million", "£650,000", "$1.3m", "USD 5 million"
# A range ("$3-5 million", "$3 to $5 billion") reads as its lower bound at the shared scale.
_RANGE_END = (rf"(?P<upto>\s*(?:-|–|to|à|and|et)\s*(?:{_SYMBOL_RE})?{_SP}?\d+(?:[.,]\d+)?"
              rf"(?=(?:{_SP}?{_SCALE_ABBR}|(?:\s+|-){_SCALE_WORD})(?![^\W\d_])))")
_PREFIXED = re.compile(rf"(?<![\w$€£¥])(?P<sym>{_SYMBOL_RE}){_SP}?"
                       rf"(?P<num>{_DIGITS_AFTER_SYMBOL}){_RANGE_END}?"
                       rf"(?:{_SCALE})?(?!\w)", re.IGNORECASE)
# "4 milliards de dollars", "10 M€", "2 Md$", "200 000 dollars", "1.2bn", "3 million euros"
_SUFFIXED = re.compile(
    rf"(?<![\w$€£¥.,]){_NUMBER}(?:{_SCALE})?(?:{_OF}(?:(?P<sym>{_SYMBOL_RE})(?![\w$])"
    rf"|(?P<cur>{_WORD_RE})(?![^\W\d_])))?",
    re.IGNORECASE)


_AMBIGUOUS_UNIT = re.compile(r"pounds?|livres?")


def _currency_of_word(word: str) -> str | None:
    folded = re.sub(r"\s+", " ", _fold(word))
    for pattern, code in _WORD_CODES:
        if pattern.match(folded):
            return code
    return None


def _to_number(digits: str, lang: str, scaled: bool = False) -> float | None:
    """Read "1,5", "1.5", "200 000", "1,300,000", "1.500.000" by the language's convention.

    A single comma before exactly three digits groups thousands in English, and in French
    too unless a scale word follows ("650,000 dollars" but "1,500 milliard").
    """
    token = digits.strip()
    if _fold(token) in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[_fold(token)])
    token = re.sub(_SP, "", token)
    commas, dots = token.count(","), token.count(".")
    if commas and dots:  # the later mark is the decimal one
        decimal = "," if token.rfind(",") > token.rfind(".") else "."
        token = token.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif commas:
        grouped = re.fullmatch(r"\d{1,3}(?:,\d{3})+", token)
        if commas > 1 or (grouped and not (lang.startswith("fr") and scaled)):
            token = token.replace(",", "")
        else:
            token = token.replace(",", ".")
    elif dots:
        grouped = re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token)
        if dots > 1 or (grouped and lang.startswith("fr")):
            token = token.replace(".", "")
    try:
        return float(token)
    except ValueError:
        return None


def _scale_of(m: re.Match, lang: str) -> tuple[float, str | None]:
    abbr, word = m.group("abbr"), m.group("word")
    if word:
        w = word.lower()
        # In French "billion" is a million millions; "4 billions de ..." is French phrasing.
        if w.startswith("billion") and lang.startswith("fr") and w.endswith("s"):
            return 1e12, w
        return _SCALES[w], w
    if abbr:
        a = abbr.lower()
        return _SCALES[a], a
    return 1.0, None


def _from_match(m: re.Match, lang: str) -> tuple[float | None, str | None, bool]:
    """(amount, currency, is_money) for one regex match."""
    groups = m.groupdict()
    scale, scale_token = _scale_of(m, lang)
    number = _to_number(m.group("num"), lang, scaled=scale_token is not None)
    if number is None:
        return None, None, False
    sym = groups.get("sym")
    currency = _SYMBOLS.get(sym.lower()) if sym else None
    cur_word = groups.get("cur")
    if cur_word:
        currency = _currency_of_word(cur_word)
        if scale_token is None and _AMBIGUOUS_UNIT.fullmatch(_fold(cur_word)):
            currency = None  # "6.6 pounds" weighs, "300 livres" are books

    is_money = currency is not None or (scale_token or "") in _MONEY_ONLY_ABBR
    return round(number * scale, 6), currency, is_money


def find_amounts(text: str, lang: str) -> list[MoneyMatch]:
    """Every amount of money in ``text``, left to right, never overlapping (longest wins)."""
    lang = (lang or "").lower()
    found: list[MoneyMatch] = []
    for pattern in (_PREFIXED, _SUFFIXED):
        for m in pattern.finditer(text):
            amount, currency, is_money = _from_match(m, lang)
            if is_money and amount is not None:
                start, end = m.start(), m.end()
                found.append(MoneyMatch(start, end, text[start:end], amount, currency))
    return longest_first(found)


_BARE = re.compile(rf"\s*{_NUMBER}(?:{_SCALE})?\s*", re.IGNORECASE)
_CURRENCY_ONLY = re.compile(rf"\s*(?:(?P<sym>{_SYMBOL_RE})|(?P<cur>{_WORD_RE}))\s*",
                            re.IGNORECASE)


def parse_amount(expression: str, lang: str) -> tuple[float | None, str | None]:
    """(amount, ISO currency) of one money expression (say a MONEY entity's text).

    Either part is None when the expression does not give it: "300 millions" -> (3e8, None),
    "dollars" -> (None, "USD"), "beaucoup" -> (None, None).
    """
    if not expression or not expression.strip():
        return None, None
    lang = (lang or "").lower()
    matches = find_amounts(expression, lang)
    if matches:
        best = max(matches, key=lambda a: a.end - a.start)
        return best.amount, best.currency
    if m := _BARE.fullmatch(expression):
        amount, currency, _ = _from_match(m, lang)
        return amount, currency
    if m := _CURRENCY_ONLY.fullmatch(expression):
        if m.group("sym"):
            return None, _SYMBOLS.get(m.group("sym").lower())
        return None, _currency_of_word(m.group("cur"))
    return None, None
