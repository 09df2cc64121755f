"""RegionGazetteer: the Chinese administrative areas aidfacts recognises, loaded from data/regions.csv."""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

# Apostrophes scraped text writes in names (`Ma’anshan`, `Lu‘an`, `Xi´an`, `Yan`an`) for the gazetteer's `'`
APOSTROPHES = ("\u2019", "\u2018", "\u00b4", "`", "\u02bc", "\u2032", "\uff07")
STRAIGHTEN = str.maketrans({mark: "'" for mark in APOSTROPHES})
COLUMNS = ["code", "canonical", "zh", "level", "kind", "parent", "aliases", "source"]
LEVELS = {"province", "prefecture", "county"}


class GazetteerError(ValueError):
    """A data row of the gazetteer is wrong; the message names the file and the row."""


@dataclass(frozen=True)
class Region:
    code: str
    canonical: str
    zh: str
    level: str
    kind: str
    parent: str | None
    aliases: tuple[str, ...]

    @property
    def is_provincial(self) -> bool:
        return self.level == "province"

    @property
    def province(self) -> str | None:
        """The provincial-level area the region lies in (itself for a province)."""
        return self.canonical if self.is_provincial else self.parent

    @property
    def in_hubei(self) -> bool:
        return self.parent == "Hubei"


class RegionGazetteer:
    """Regions by canonical name and by every lower-cased surface form (canonical, aliases, Chinese)."""

    def __init__(self, regions: list[Region]):
        self.regions = tuple(regions)
        self.by_name = {r.canonical: r for r in regions}
        self.by_code = {r.code: r for r in regions}
        self.by_form: dict[str, Region] = {}
        for region in regions:
            for form in self.surface_forms(region):
                self.by_form[form.lower()] = region
        self.namesakes = self.find_namesakes(regions, self.by_name)
        # the first words of the English forms that name more than one region (`fuzhou`): a cheap first test
        self.namesake_words = frozenset(form.split()[0].lower() for name, shared in self.namesakes.items()
                                        for form in self.surface_forms(shared[0]) if form.isascii())

    @staticmethod
    def find_namesakes(regions, by_name: dict[str, Region]) -> dict[str, tuple[Region, ...]]:
        """The regions that share an English name, by the canonical name their English forms read as: a row
        `Fuzhou (Jiangxi)` (parent Jiangxi) is a namesake of `Fuzhou`, the region `Fuzhou` and `Fuzhou City`
        are matched as (Fujian's capital). Each tuple lists the default first."""
        found: dict[str, list[Region]] = {}
        for region in regions:
            name, _, rest = region.canonical.partition(" (")
            if not rest:
                continue
            default = by_name.get(name)
            if default is None or rest != f"{region.parent})" or default.level != region.level:
                raise GazetteerError(f"regions.csv ({region.canonical}): a name with a province in brackets must "
                                     f"be a namesake of a region {name!r} of its level, in that province")
            found.setdefault(name, [default]).append(region)
        return {name: tuple(found_regions) for name, found_regions in found.items()}

    def shared_form(self, form: str) -> tuple[Region, ...]:
        """The regions an English surface form may name (`Fuzhou`, `Fuzhou City`: Fujian's or Jiangxi's), the
        default first; empty for a form that names one region (a Chinese name names one)."""
        region = self.lookup(form)
        if region is None or not form.isascii():
            return ()
        return self.namesakes.get(region.canonical, ())

    @staticmethod
    def surface_forms(region: Region) -> list[str]:
        return list(dict.fromkeys([region.canonical, *region.aliases, region.zh]))

    @classmethod
    def matching_forms(cls, region: Region) -> list[str]:
        """The surface forms and, for a name with an apostrophe, the same name with each other apostrophe
        (`Ma'anshan`, `Ma’anshan`, `Ma‘anshan` ...): what a matcher of text should look for."""
        forms = cls.surface_forms(region)
        return forms + [form.replace("'", mark) for form in forms if "'" in form for mark in APOSTROPHES]

    def lookup(self, form: str) -> Region | None:
        """The region of a surface form, whatever apostrophe it is written with."""
        return self.by_form.get(form.translate(STRAIGHTEN).lower())

    def __getitem__(self, canonical: str) -> Region:
        return self.by_name[canonical]

    def __len__(self) -> int:
        return len(self.regions)

    @classmethod
    def from_csv(cls, path: Path | str) -> "RegionGazetteer":
        path = Path(path)
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames != COLUMNS:
                raise GazetteerError(f"{path.name}: columns {reader.fieldnames} (expected {COLUMNS})")
            rows = list(reader)
        regions, seen_forms, seen_codes = [], {}, set()
        for line, row in enumerate(rows, start=2):
            where = f"{path.name} line {line} ({row['canonical'] or '?'})"
            if not row["canonical"] or not row["code"].isdigit() or len(row["code"]) != 6:
                raise GazetteerError(f"{where}: needs a canonical name and a six-digit code")
            if row["level"] not in LEVELS:
                raise GazetteerError(f"{where}: unknown level {row['level']!r}")
            if row["code"] in seen_codes:
                raise GazetteerError(f"{where}: duplicate code {row['code']}")
            seen_codes.add(row["code"])
            region = Region(row["code"], row["canonical"], row["zh"], row["level"], row["kind"],
                            row["parent"] or None, tuple(a for a in row["aliases"].split("|") if a))
            for form in cls.surface_forms(region):
                other = seen_forms.get(form.lower())
                if other is not None:
                    raise GazetteerError(f"{where}: duplicate alias {form!r} (also {other})")
                seen_forms[form.lower()] = region.canonical
            regions.append(region)
        names = {r.canonical for r in regions}
        for line, region in enumerate(regions, start=2):
            if region.parent is not None and region.parent not in names:
                raise GazetteerError(f"{path.name} line {line} ({region.canonical}): unknown parent "
                                     f"{region.parent!r}")
        return cls(regions)


def data_path(name: str) -> Path:
    return Path(str(resources.files("extract.nlp") / "data" / name))


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> RegionGazetteer:
    """The bundled gazetteer, loaded and checked once per process."""
    return RegionGazetteer.from_csv(data_path("regions.csv"))
