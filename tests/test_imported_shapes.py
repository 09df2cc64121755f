"""Cases split by where the patients came from (issue 23), invented sentences: in a place's bulletin, imported
cases and cases from another province are the reporting place's cases, never the country or province of origin
(the contract's region is whose cases they are)."""
import pytest

SHAPES = [
    # (text, the reporting place, values it must count)
    ("Heilongjiang reported 20 new imported cases on Monday. Of the imported cases, 5 came from Russia.",
     "Heilongjiang", [20, 5]),
    ("Heilongjiang reported 20 new imported cases on Monday, 18 of them from Russia.", "Heilongjiang", [20, 18]),
    ("Guangdong has reported 1,300 confirmed cases. Of them, 650 had travelled from Hubei.", "Guangdong",
     [1300, 650]),
    ("Guangdong has reported 1,300 confirmed cases, including 650 imported from Hubei.", "Guangdong", [1300, 650]),
    ("Guangdong has reported 1,300 confirmed cases, including 650 cases from Hubei.", "Guangdong", [1300, 650]),
    ("Jiangsu reported 5 new cases on Monday. Of the new cases, 3 were imported from Hubei.", "Jiangsu", [5, 3]),
    ("Jiangsu reported 5 new cases on Monday. Three of them had come from Hubei.", "Jiangsu", [5, 3]),
    ("Jiangsu reported 5 new cases on Monday. Three cases were imported from Hubei.", "Jiangsu", [5, 3]),
    ("Of the 308 cases in Jiangsu, 200 were Hubei residents.", "Jiangsu", [308, 200]),
    ("Of the 308 cases in Jiangsu, 200 were from Wuhan and 50 from other parts of Hubei.", "Jiangsu", [308, 200]),
    ("Zhejiang reported 1,100 cases, of which 600 were people who returned from Wuhan.", "Zhejiang", [1100, 600]),
    ("Shanghai reported 12 new imported cases. Of the imported cases, 7 came from Britain and 5 from Italy.",
     "Shanghai", [12, 7]),
    ("Gansu reported 3 new cases imported from Iran on Sunday.", "Gansu", [3]),
    # the origin's own report is the origin's
    ("Henan reported 1,200 cases. Hubei reported 400 new cases.", None, [1200, 400]),
]


@pytest.mark.parametrize("text, place, values", SHAPES, ids=[t[:50] for t, _, _ in SHAPES])
def test_imported_cases_are_the_reporting_place_s(facts_of, text, place, values):
    facts = facts_of(text, kind="case_count")
    assert set(values) <= {f["value"] for f in facts}
    if place is not None:
        assert {f["region"] for f in facts} == {place}
    else:
        assert {(f["value"], f["region"]) for f in facts} == {(1200, "Henan"), (400, "Hubei")}
