"""Realistic synthetic articles for benchmarks: Xinhua-style briefs with varied regions, dates, counts,
pairings. One article in ten lost its numbers the China Daily way, and the next article is a syndicated copy of
the same story that kept them (another site's header line, the same body), so that the build's passage
suggestions have work to do. Deterministic for a given seed."""
from __future__ import annotations

import datetime as dt
import random
from typing import Iterator

from extract.evaluation.damage import damage
from extract.nlp.gazetteer import default_gazetteer

MONTHS = ["Jan.", "Feb.", "March", "April"]
SITES = ["Xinhua", "China Daily", "CGTN", "People's Daily Online", "Global Times"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
STAFF = ["medical workers", "medics", "doctors and nurses", "medical personnel", "medical staff", "nurses"]
QUALIFIERS = ["", "", "", "more than ", "over ", "nearly ", "about "]
TEMPLATES = [
    "{CITY}, {date} -- {helper} Province sent {q}{n} {staff} to {recipient} on {weekday}, "
    "the {ordinal} batch under the pairing assistance program.",
    "As of {weekday}, {recipient} had reported {big} confirmed cases and {small} deaths, according to the "
    "provincial health commission.",
    "{recipient}, with {big} confirmed cases, will be backed by both {helper} and {helper2} provinces.",
    "The team of {n} members from {helper2} arrived in {recipient} on {month} {day}, bringing the total "
    "number of medics sent to the city to {big}.",
    "A total of {regions} provinces and municipalities have sent {teams} medical teams to {cities} cities "
    "in Hubei.",
    "{recipient} reported {small} new confirmed cases on {weekday}, while {other} reported {small2}.",
    "Hospitals in {recipient} discharged {small} patients on {weekday}, the city's health authority said.",
    "The county also donated {small} tons of vegetables worth {money} million yuan to {recipient}.",
    "Medical workers from {helper} will help {recipient} in its fight against the epidemic.",
]


def number_words(rng: random.Random) -> str:
    return rng.choice(["three", "five", "seven", "a dozen", "two hundred", "six", "four"])


class ArticleGenerator:
    def __init__(self, seed: int = 2020):
        self.rng = random.Random(seed)
        regions = default_gazetteer().regions
        self.helpers = sorted(r.canonical for r in regions if r.is_provincial and r.canonical != "Hubei"
                              and "(" not in r.canonical)
        self.recipients = sorted(r.canonical for r in regions if r.in_hubei)
        self.cities = sorted(r.canonical for r in regions if r.level == "prefecture" and "(" not in r.canonical)

    def article(self, index: int) -> tuple[str, str, str]:
        """(doc_id, text, published)."""
        rng = self.rng
        day = dt.date(2020, 2, 1) + dt.timedelta(days=rng.randrange(45))
        fields = dict(
            CITY=rng.choice(self.cities).upper(), date=f"{MONTHS[day.month - 1]} {day.day} (Xinhua)",
            helper=rng.choice(self.helpers), helper2=rng.choice(self.helpers), recipient=rng.choice(self.recipients),
            other=rng.choice(self.recipients), q=rng.choice(QUALIFIERS), staff=rng.choice(STAFF),
            weekday=rng.choice(WEEKDAYS), ordinal=rng.choice(["first", "second", "third", "5th"]),
            month=MONTHS[day.month - 1], day=max(1, day.day - rng.randrange(3)),
            n=rng.choice([str(rng.randrange(20, 300)), number_words(rng)]),
            big=f"{rng.randrange(1, 60):d},{rng.randrange(1000):03d}", small=str(rng.randrange(2, 400)),
            small2=str(rng.randrange(2, 400)), regions=str(rng.randrange(12, 20)), teams=str(rng.randrange(20, 300)),
            cities=str(rng.randrange(10, 17)), money=f"{rng.randrange(1, 9)}.{rng.randrange(10)}")
        first = TEMPLATES[0].format(**fields)
        others = rng.sample(TEMPLATES[1:], 2)
        text = first + " " + " ".join(t.format(**fields) for t in others) + "\n"
        return f"synthetic_{index:06d}", text, day.isoformat()

    def articles(self, n: int) -> Iterator[tuple[str, str, str]]:
        """n articles; one in ten damaged, each followed by its intact syndicated copy."""
        index, syndicated = 0, None
        while index < n:
            if syndicated is not None:
                yield f"synthetic_{index:06d}", syndicated[0], syndicated[1]
                index, syndicated = index + 1, None
                continue
            doc_id, text, published = self.article(index)
            if self.rng.random() < 0.1:
                syndicated = (f"{self.rng.choice(SITES)} | {published}\n{text}", published)
                text = damage(text).text
            yield doc_id, text, published
            index += 1


if __name__ == "__main__":
    for doc_id, text, published in ArticleGenerator().articles(3):
        print(doc_id, published, text)
