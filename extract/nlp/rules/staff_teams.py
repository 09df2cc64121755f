"""How many teams or batches a staff count is stated with (`1,463 medical workers in nine batches` -> 9,
`217 medical teams with 25,633 medical workers` -> 217): the count of teams nearest it in its clause, with no
other count of staff between them. A per-team size (`three teams, each of 135 doctors`) has none."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.rules.relations import clause_bounds, lower_words
from extract.nlp.rules.staff_roles import staff_words


def staff_teams(doc: Doc, fact: Span, facts: list[Span]) -> Span | None:
    """The team count stated with the staff count `fact` (facts: every count of the document, by position)."""
    lo, hi = clause_bounds(doc, fact.start)
    near = [f for f in facts if f.label_ == "team_count" and lo <= f.start and f.end <= hi]
    if not near:
        return None
    staff = [f.start for f in facts if f.label_ == "personnel_count" and lo <= f.start < hi and f is not fact]
    words = lower_words(doc)
    best = None
    for team in near:
        left, right = (team.end, fact.start) if team.end <= fact.start else (fact.end, team.start)
        if any(left <= s < right for s in staff):
            continue   # `sent 120 medics in two batches and 30 nurses`: the batches are the medics'
        if not staff_words()["per_team_words"].isdisjoint(words[left: right]):
            continue   # `three teams, each consisting of 135 doctors`: 135 is one team's size
        if any(abs(team.start - s) < abs(team.start - fact.start) for s in staff):
            continue   # `4,130 medical workers, in 30 teams, ..., adding that an additional 1,800 staff`: the
                       # teams are told with the count beside them
        if best is None or abs(team.start - fact.start) < abs(best.start - fact.start):
            best = team
    return best


def team_number(team: Span | None) -> int | None:
    value = get(team, "value") if team is not None else None
    return value if isinstance(value, int) else None
