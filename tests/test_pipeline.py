import spacy

from extract.nlp.pipeline import PIPE_NAMES, build_nlp


def test_pipes_in_order_and_analysis_clean(nlp):
    assert tuple(nlp.pipe_names) == PIPE_NAMES
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values())


def test_factories_register_through_entry_points():
    nlp = spacy.blank("en")
    nlp.add_pipe("aidfacts_dates")     # found through the spacy_factories entry point
    assert nlp.pipe_names == ["aidfacts_dates"]


def test_no_statistical_model():
    nlp = build_nlp()
    assert nlp.meta.get("vectors", {}).get("width", 0) == 0
    assert all(name.startswith("aidfacts_") for name in nlp.pipe_names)


def test_python_api_for_notebooks(tmp_path):
    import shutil
    from pathlib import Path

    from extract import build_dataset, extract_text, load_dataset

    frame = extract_text("Hunan sent 120 nurses to Huanggang on Monday.", published="2020-02-12")
    staff = frame[frame["kind"] == "personnel_count"].iloc[0]
    assert (staff["value"], staff["origin"], staff["destination"], staff["date"]) == (120, "Hunan", "Huanggang",
                                                                                      "2020-02-10")
    corpus = tmp_path / "corpus"
    shutil.copytree(Path(__file__).resolve().parent.parent / "corpus", corpus)
    report = build_dataset(corpus, tmp_path / "outputs", use_cache=False)
    tables = load_dataset(tmp_path / "outputs")
    assert report.documents == len(list(corpus.glob("*.txt"))) and len(tables["facts"]) == report.facts
    assert tables["facts"]["start"].dtype == "Int64" and tables["facts"]["region_code"].dropna().str.len().eq(6).all()


def test_numbers_start_at_numerals_and_number_words(nlp):
    from extract.nlp.pipeline import extract_doc

    doc = extract_doc("a dozen teams of 2,345 nurses, covid-19, twenty - one, one's onerous", "t", None, nlp)
    assert [(s.text, s._.value) for s in doc.spans["number"]] == [("a dozen", 12), ("2,345", 2345),
                                                                   ("twenty - one", 21)]


def test_sentence_starts_after_end_marks_closers_and_line_breaks():
    from extract.nlp.components.sentences import CLOSERS, SENTENCE_END, sentence_starts

    texts = ["He", "said", ".", '"', "Yes", ".", "e.g", "?", "no", "\n\n", "next", "?", " ", "A", ".", ")", "x"]
    assert sentence_starts(texts, frozenset(SENTENCE_END), frozenset(CLOSERS)) == [0, 4, 10, 13]


def test_tokenizer_splits_chinese_characters_and_keeps_iso_dates_and_times_whole():
    from extract.nlp.pipeline import shared_nlp

    words = [t.text for t in shared_nlp().make_doc("湖北省 on 2020-02-10 at 09:02, Feb. 4 (Xinhua) -- e-mail")]
    assert words == ["湖", "北", "省", "on", "2020-02-10", "at", "09:02", ",", "Feb.", "4", "(", "Xinhua", ")",
                     "--", "e", "-", "mail"]
