"""build_nlp(): the one place that composes the aidfacts pipeline, and extract_doc() to run it."""
from __future__ import annotations

import functools
import re

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from extract.nlp import components  # noqa: F401  (registers the factories)
from extract.nlp.gazetteer import default_gazetteer
from extract.nlp.limits import MAX_CHARACTERS
from extract.nlp.triggers import triggers
from extract.nlp.docindex import SOURCE_KEY, new_index
from extract.nlp.wrapping import unwrapped
from extract.nlp.extensions import register, set_doc_attributes

PIPE_NAMES = ("aidfacts_sentences", "aidfacts_published", "aidfacts_dates", "aidfacts_regions",
              "aidfacts_numbers", "aidfacts_gaps", "aidfacts_counts", "aidfacts_tables", "aidfacts_pairings",
              "aidfacts_records",
              "aidfacts_accounting")
# Each CJK character is a token of its own, except full-width digits (`１２` is one number, as `12` is) and a
# full-width comma or full stop between digits (`1，200`, `1．5`: a separator, read as the ASCII one)
CJK_CHARACTER = (r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff0b\uff0d\uff0f\uff1a-\uffef]"
                 r"|[\uff0c\uff0e](?<![0-9\uff10-\uff19][\uff0c\uff0e])|[\uff0c\uff0e](?![0-9\uff10-\uff19])")
# a comma glued between a word and a number (`5 in Fuyang,4 in Hefei`, `March 1,the`) is a comma of its own;
# between digits (`1,234`) it stays a thousands separator
# (The infixes below start with the character they match, or test the rarer condition first: every infix is
# tried at every position of a word the tokenizer splits, and one that starts with a look-behind is tried in
# full there; the matches are the same.)
GLUED_COMMA = r",(?<=[A-Za-z],)(?=[0-9])|,(?<=[0-9],)(?=[A-Za-z])"
# Scraped text glues words together; these split them with offsets intact (an empty infix splits in place):
DIGIT_DASH = r"[\u2013\u2014~](?<=[0-9][\u2013\u2014~])(?=[0-9])"      # `40–50`, `8~11`: a range's two ends
DIGIT_WORD = r"(?<=[0-9])(?=[a-z]{3})"                   # `12cases`, `1.2million` (`21st`, `3rd` stay whole)
# `5in Xuzhou`, `47of which`: a number glued to a short function word that ends the token or meets a name
DIGIT_SHORT_WORD = r"(?<=[0-9])(?=(?:in|of|to|at|on)(?:$|[A-Z]))"
# `February13`: a month glued to its day (the digit is tested first: the 22 look-behinds are tried only before a
# digit, not at every position of every word the tokenizer splits)
MONTH_DIGIT = "(?=[0-9])(?:" + "|".join(f"(?<={month})" for name in (
    "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December") for month in (name, name.lower())) + ")"
GLUED_BEFORE_NAME = ("in", "of", "to", "and", "from", "at", "with", "for", "by", "on", "the", "including")
# `inJiangsu`, `1 inHuangshan`: a function word glued to a name (`WeChat`, `McLean`, `LinkedIn` stay whole)
WORD_NAME = "(?=[A-Z][a-z])(?:" + "|".join(f"(?<=^{word})" for word in GLUED_BEFORE_NAME) + ")"
AREA_NOUN = r"(?=(?:province|prefecture|municipality)$)(?<=[a-z]{3})"   # `Hubeiprovince`; `city`: see below
# `|ChinaNews|Published:2020-02-03`, `Deaths:3`: a label glued by its colon to the date or the number it gives
LABEL_COLON_NUMBER = r":(?<=[A-Za-z]:)(?=[0-9])"
# kept whole: ISO dates (2020-02-10) and clock times, which the default rules split at hyphens
# `a)779 confirmed cases;`, `2)59 cured`: a list item's marker glued to the number it opens with
MARKER_NUMBER = r"\)(?<=[A-Za-z0-9]\))(?=[0-9])"
WHOLE_TOKEN = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2})$")
PIPELINE_VERSION = "2"
TOKENIZER = "aidfacts.Tokenizer.v1"


@registry.tokenizers(TOKENIZER)
def make_tokenizer():
    """English's tokenizer (spaCy's own factory, spacy.Tokenizer.v1) with these changes: each Chinese
    character is a token, so that 湖北省 can be matched like `Hubei Province`; ISO dates and clock times stay
    whole; emoticons with digits are none (`Guangdong (8)`); words that scraping glued together are split
    (`inJiangsu`, `12cases`, `40–50`, `Deaths:3`, `a)779`, and as special cases `confirmedcases`, `Hubeiprovince`). Named in the config, so that spacy.blank builds this one tokenizer
    and not the default one first (a tokenizer loads its special cases when made: 0.2 s of every start-up)."""

    def tokenizer(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        infixes = list(defaults.infixes) + [CJK_CHARACTER, GLUED_COMMA, DIGIT_DASH, DIGIT_WORD, DIGIT_SHORT_WORD,
                                             MONTH_DIGIT, WORD_NAME, AREA_NOUN, LABEL_COLON_NUMBER, MARKER_NUMBER]
        return Tokenizer(nlp.vocab, rules={**numeral_safe(defaults.tokenizer_exceptions), **glued_word_rules()},
                         prefix_search=compile_prefix_regex(defaults.prefixes).search,
                         suffix_search=compile_suffix_regex(defaults.suffixes).search,
                         infix_finditer=compile_infix_regex(infixes).finditer,
                         token_match=WHOLE_TOKEN.match, url_match=defaults.url_match)

    return tokenizer


def numeral_safe(exceptions: dict) -> dict:
    """English's special cases less its emoticons with a digit (`8)`, `:3`, `(-8`): in news they are numbers
    (`Guangdong (8)`, `Deaths:3`), which must come apart from their brackets and colons like any other."""
    return {key: value for key, value in exceptions.items()
            if not (any(c.isdigit() for c in key) and any(c in "()[]:;=" for c in key))}


def glued_word_rules() -> dict[str, list[dict]]:
    """Tokenizer special cases for two known words written as one: a status or period word and the noun it
    qualifies (`confirmedcases`, `newcases`; data/triggers.json `glued_words`), two function words (`ofwhich`,
    `havebeen`), and a city's one-word name
    and `city` (`Wuhancity`; from the gazetteer: `city` ends too many English words for an infix rule)."""
    glued = triggers()["glued_words"]
    pairs = [(first, second) for first in glued["before"] for second in glued["after"]]
    pairs += [(first.title(), second) for first, second in pairs]
    names = {form for region in default_gazetteer().regions if region.level != "province"
             for form in (region.canonical, *region.aliases) if form.isascii() and form.isalpha()}
    pairs += [(name, "city") for name in sorted(names)]
    pairs += [(word, "in") for word in glued["before_in"]]   # `1wasin Nanjing`, `631 cases have been reportedin Jiangsu`
    pairs += [(first, second) for first, second in glued["pairs"]]   # `93 ofwhich`, `519 cases havebeen cured`
    return {first + second: [{ORTH: first}, {ORTH: second}] for first, second in pairs}


def build_nlp() -> Language:
    """spacy.blank("en") with aidfacts' tokenizer, plus aidfacts' rule components in their one fixed order.
    No model, no download."""
    register()
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.max_length = MAX_CHARACTERS + 1
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    return nlp


@functools.lru_cache(maxsize=1)
def shared_nlp() -> Language:
    """One pipeline per process: data files are loaded once."""
    return build_nlp()


def make_doc(nlp: Language, text: str, doc_id: str, published: str | None) -> Doc:
    """A Doc ready for the pipeline, carrying the fallback publication date (manifest or argument). A hard-wrapped
    text is read unwrapped (wrapping.py: a break in mid-sentence is a space to the rules); the facts quote the
    text as given."""
    read = unwrapped(text)
    doc = nlp.make_doc(read)
    new_index(doc, read)   # the document's one index (docindex.py), which every rule reads
    if read != text:
        doc.user_data[SOURCE_KEY] = text
    set_doc_attributes(doc, doc_id=doc_id, published=published, published_source="manifest" if published else None)
    return doc


def extract_doc(text: str, doc_id: str, published: str | None = None, nlp: Language | None = None) -> Doc:
    nlp = nlp or shared_nlp()
    return nlp(make_doc(nlp, text, doc_id, published))
