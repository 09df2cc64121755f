import pytest

from extract.nlp.gazetteer import GazetteerError, RegionGazetteer, data_path, default_gazetteer

HEADER = "code,canonical,zh,level,kind,parent,aliases,source\n"


def test_counts_by_level():
    gazetteer = default_gazetteer()
    levels = [r.level for r in gazetteer.regions]
    assert levels.count("province") == 34
    assert levels.count("prefecture") == 333
    assert {r.canonical for r in gazetteer.regions if r.level == "county"} == {
        "Xiantao", "Qianjiang", "Tianmen", "Shennongjia"}


@pytest.mark.parametrize("form, canonical, code", [
    ("Hubei Province", "Hubei", "420000"), ("hubei province", "Hubei", "420000"), ("湖北", "Hubei", "420000"),
    ("Chongqing Municipality", "Chongqing", "500000"), ("Inner Mongolia Autonomous Region", "Inner Mongolia", "150000"),
    ("Enshi Tujia and Miao Autonomous Prefecture", "Enshi", "422800"), ("Ordos", "Ordos", "150600"),
    ("Xinjiang Uygur Autonomous Region", "Xinjiang", "650000"), ("Macau", "Macao", "820000"),
    ("Xiantao City", "Xiantao", "429004"), ("Kashi", "Kashgar", "653100"), ("Xian", "Xi'an", "610100"),
])
def test_lookup(form, canonical, code):
    region = default_gazetteer().lookup(form)
    assert (region.canonical, region.code) == (canonical, code)


def test_parents_are_provinces():
    gazetteer = default_gazetteer()
    assert gazetteer["Wuhan"].parent == "Hubei" and gazetteer["Wuhan"].in_hubei
    assert gazetteer["Hubei"].parent is None and gazetteer["Hubei"].is_provincial
    for region in gazetteer.regions:
        if region.parent:
            assert gazetteer[region.parent].level == "province"


def test_duplicate_alias_names_the_row(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(HEADER + "420000,Hubei,湖北,province,province,,Hubei Province,x\n"
                             "430000,Hunan,湖南,province,province,,Hubei Province,x\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"line 3 \(Hunan\): duplicate alias 'Hubei Province'"):
        RegionGazetteer.from_csv(path)


def test_unknown_parent_names_the_row(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(HEADER + "420100,Wuhan,武汉市,prefecture,city,Hubie,,x\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"line 2 \(Wuhan\): unknown parent 'Hubie'"):
        RegionGazetteer.from_csv(path)


def test_wrong_columns(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text("name,code\nHubei,420000\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="columns"):
        RegionGazetteer.from_csv(path)


def test_bundled_file_is_package_data():
    assert data_path("regions.csv").is_file()
