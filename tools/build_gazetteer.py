"""Regenerate extract/nlp/data/regions.csv from the division lists in this folder.

Sources: divisions_zh.csv (prefecture-level divisions with their GB/T 2260 code prefixes, from the public
modood/Administrative-divisions-of-China tables), provinces.csv and hubei_counties.csv (provincial-level areas
and Hubei's directly administered county-level areas), name_overrides.csv (conventional English names that
pinyin does not give: Hohhot, Ordos, Kashgar ...). English names of the rest are the pinyin of the Chinese
name (pypinyin, a development-only dependency: `pip install pypinyin`).

    python tools/build_gazetteer.py
"""
from __future__ import annotations

import csv
from pathlib import Path

from pypinyin import lazy_pinyin

HERE = Path(__file__).parent
TARGET = HERE.parent / "extract" / "nlp" / "data" / "regions.csv"
SOURCE = "GB/T 2260 via modood/Administrative-divisions-of-China; English: pinyin or conventional"
ZH_SUFFIXES = {"自治州": "autonomous_prefecture", "地区": "prefecture", "盟": "league", "市": "city"}
PROVINCE_SUFFIXES = {
    "province": ["Province"],
    "municipality": ["Municipality", "City"],
    "autonomous_region": ["Autonomous Region"],
    "sar": [],
}


def read(name: str) -> list[dict[str, str]]:
    with open(HERE / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def split_aliases(text: str) -> list[str]:
    return [alias for alias in text.split("|") if alias]


def prefecture_kind(zh: str) -> tuple[str, str]:
    for suffix, kind in ZH_SUFFIXES.items():
        if zh.endswith(suffix):
            return zh[: -len(suffix)], kind
    raise ValueError(f"divisions_zh.csv: no known suffix in {zh!r}")


def prefecture_aliases(base: str, kind: str, ethnic: str) -> list[str]:
    if kind == "city":
        return [f"{base} City"]
    if kind == "prefecture":
        return [f"{base} Prefecture"]
    if kind == "league":
        return [f"{base} League"]
    forms = [f"{base} Prefecture", f"{base} Autonomous Prefecture"]
    if ethnic:
        forms.append(f"{base} {ethnic} Autonomous Prefecture")
    return forms


def add_short_chinese_forms(rows: list[dict]) -> None:
    """`武汉` beside `武汉市`, `湖北省` beside `湖北`, unless the short form names two areas (吉林)."""
    def variants(row):
        zh = row["zh"]
        if row["level"] == "province":
            return [zh + "省"] if row["kind"] == "province" else [zh + "市"] if row["kind"] == "municipality" else []
        return [zh[:-1]] if zh.endswith("市") and len(zh) > 2 else []
    taken = {row["zh"] for row in rows}
    counts: dict[str, int] = {}
    for row in rows:
        for form in variants(row):
            counts[form] = counts.get(form, 0) + 1
    for row in rows:
        row["aliases"] += [f for f in variants(row) if counts[f] == 1 and f not in taken]


def main() -> None:
    overrides = {row["code"]: row for row in read("name_overrides.csv")}
    provinces = read("provinces.csv")
    province_names = {row["code"][:2]: row["canonical"] for row in provinces}
    rows = []
    for row in provinces:
        aliases = [f"{row['canonical']} {s}" for s in PROVINCE_SUFFIXES[row["kind"]]]
        aliases += split_aliases(row["aliases"])
        rows.append(dict(code=row["code"], canonical=row["canonical"], zh=row["zh"], level="province",
                         kind=row["kind"], parent="", aliases=aliases))
    for row in read("divisions_zh.csv"):
        zh_base, kind = prefecture_kind(row["name"])
        override = overrides.get(row["code"], {})
        english = override.get("english") or "".join(lazy_pinyin(zh_base)).capitalize()
        aliases = split_aliases(override.get("aliases", ""))
        disambiguated = "(" in english or english.endswith((" City", " Prefecture"))
        if not disambiguated:
            aliases = prefecture_aliases(english, kind, override.get("ethnic", "")) + aliases
        elif english.endswith(" Prefecture") and override.get("ethnic"):
            base = english.removesuffix(" Prefecture")
            aliases.append(f"{base} {override['ethnic']} Autonomous Prefecture")
        rows.append(dict(code=row["code"] + "00", canonical=english, zh=row["name"], level="prefecture",
                         kind=kind, parent=province_names[row["provinceCode"]], aliases=aliases))
    for row in read("hubei_counties.csv"):
        aliases = [f"{row['canonical']} City"] if row["kind"] == "county_city" else []
        aliases += split_aliases(row["aliases"])
        rows.append(dict(code=row["code"], canonical=row["canonical"], zh=row["zh"], level="county",
                         kind=row["kind"], parent="Hubei", aliases=aliases))
    add_short_chinese_forms(rows)
    rows.sort(key=lambda r: r["code"])
    with open(TARGET, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "canonical", "zh", "level", "kind", "parent", "aliases", "source"])
        for r in rows:
            writer.writerow([r["code"], r["canonical"], r["zh"], r["level"], r["kind"], r["parent"],
                             "|".join(r["aliases"]), SOURCE])
    print(f"wrote {len(rows)} regions to {TARGET}")


if __name__ == "__main__":
    main()
