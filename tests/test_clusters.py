"""Clusters across articles (issue 16): the joining decision, determinism, sources."""

from __future__ import annotations

import random
from datetime import date

import pytest

from wirecoder.cluster.core import Item, Params, cluster, cluster_id
from wirecoder.cluster.summary import independent_sources, records

DAY = date(2024, 5, 1).toordinal()

WIRE = (
    "Gunmen stormed a police station in Kandahar on Tuesday, killing three officers and "
    "wounding five others before fleeing on motorcycles, provincial officials said. The "
    "Taliban claimed responsibility for the attack in a statement sent to reporters, saying "
    "its fighters had seized weapons and ammunition from the station."
)
OTHER = (
    "Afghan officials said militants attacked a Kandahar police post overnight. Three "
    "policemen died in the assault on the police station, a spokesman for the governor said, "
    "and the attackers escaped on motorbikes."
)
SUMMIT = (
    "The presidents of Kenya and Uganda met in Nairobi to sign a trade agreement on railway "
    "links and customs, the first such accord in a decade."
)


def attack(eid: str, art: str, text: str, day: int = DAY, **kw: object) -> Item:
    fields: dict[str, object] = {
        "src": frozenset(),
        "tgt": frozenset({"AFG"}),
        "place": "Kandahar",
        "place_country": "AFG",
    }
    fields.update(kw)
    return Item(
        event_id=eid,
        article_id=art,
        kind=str(fields.pop("kind", "ASSAULT")),
        text=text,
        day=day,
        **fields,  # type: ignore[arg-type]
    )


def corpus() -> tuple[list[Item], dict[str, str]]:
    items = [
        attack("e1", "a1", "Gunmen stormed a police station in Kandahar, killing three officers."),
        attack("e2", "a2", "Militants attacked a Kandahar police post, three policemen died."),
        attack("e3", "a3", "Gunmen stormed a police station in Kandahar, killing three officers."),
        Item(
            "e4",
            "a4",
            "AGREE",
            "The presidents of Kenya and Uganda signed a trade agreement in Nairobi.",
            DAY,
            src=frozenset({"KEN", "UGA"}),
            reciprocal=True,
            place="Nairobi",
            place_country="KEN",
        ),
    ]
    texts = {"a1": WIRE, "a2": OTHER, "a3": "Kabul (Reuters) - " + WIRE, "a4": SUMMIT}
    return items, texts


def test_reports_of_one_attack_join_and_the_summit_stays_apart() -> None:
    items, texts = corpus()
    res = cluster(items, Params.load(), texts)
    labels = res.labels()
    assert labels["e1"] == labels["e2"] == labels["e3"]
    assert labels["e4"] != labels["e1"]
    # every joined member says why: fields matched and the similarity
    reason = res.reasons[[it.event_id for it in res.items].index("e2")]
    assert reason is not None
    assert {"type", "date", "place"} <= set(reason["fields"])  # type: ignore[arg-type]
    assert 0 < float(reason["similarity"]) <= 1  # type: ignore[arg-type]


def test_same_inputs_in_any_order_give_the_same_clusters() -> None:
    items, texts = corpus()
    first = records(cluster(items, Params.load(), texts))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = items[:]
        rng.shuffle(shuffled)
        assert records(cluster(shuffled, Params.load(), dict(reversed(texts.items())))) == first


def test_cluster_id_is_the_hash_of_the_earliest_member() -> None:
    items, texts = corpus()
    later = attack("e0", "a0", "Gunmen stormed a police station in Kandahar.", day=DAY + 1)
    recs = records(cluster([*items, later], Params.load(), texts))
    attack_cluster = next(r for r in recs if r["event_type"] == "ASSAULT")
    assert attack_cluster["cluster_id"] == cluster_id("e1")  # e0 is later: the id holds
    assert attack_cluster["n_events"] == 4


def test_different_types_or_dates_or_countries_never_join() -> None:
    same_text = "Gunmen stormed a police station in Kandahar, killing three officers."
    items = [
        attack("e1", "a1", same_text),
        attack("e2", "a2", same_text, kind="PROTEST"),  # another type family
        attack("e3", "a3", same_text, day=DAY + 10),  # ten days later
        attack("e4", "a4", same_text, tgt=frozenset({"PAK"}), place_country="PAK"),
        attack("e5", "a5", same_text, status="negated"),
    ]
    labels = cluster(items, Params.load(), {}).labels()
    assert len(set(labels.values())) == 5


def test_compatible_types_may_join() -> None:
    text = "Police in Kandahar detained and beat dozens of protesters on Tuesday."
    items = [attack("e1", "a1", text), attack("e2", "a2", text, kind="COERCE")]
    res = cluster(items, Params.load(), {})
    assert len(set(res.labels().values())) == 1
    reason = next(r for r in res.reasons.values() if r)
    assert "compatible_type" in reason["fields"]  # type: ignore[operator]


def test_wire_copies_and_one_outlet_count_as_one_source() -> None:
    items, texts = corpus()
    from wirecoder.cluster.text import fingerprint

    def with_source(it: Item, outlet: str) -> Item:
        it.outlet = outlet
        it.fingerprint = fingerprint(texts[it.article_id])
        return it

    a1, a2, a3, _ = items
    # a1 and a3 are the same wire story on two sites: one source; a2 is its own reporting
    group = [
        with_source(a1, "site-one.com"),
        with_source(a2, "bbc.co.uk"),
        with_source(a3, "x.org"),
    ]
    assert independent_sources(group) == 2
    # two different stories from one outlet are one source too
    a2.outlet = "site-one.com"
    assert independent_sources(group) == 1
    rec = records(cluster(group, Params.load(), texts))[0]
    assert rec["n_articles"] == 3 and rec["n_sources"] == 1


def test_without_a_date_two_words_for_the_action_need_more_evidence() -> None:
    from wirecoder.cluster.core import decide, trigger_key

    p = Params(threshold=0.6, undated_margin=0.4, w_context=0.0)
    stormed = attack("e1", "a1", "x", trigger=trigger_key("stormed"))
    attacked = attack("e2", "a2", "x", trigger=trigger_key("attacked"))
    # dated on both sides: the words may differ
    assert decide(stormed, attacked, 0.7, 0.0, p) is not None
    # no date on one side: 0.7 is not enough with two words, 1.0 is
    undated = attack("e3", "a3", "x", day=None, trigger=trigger_key("attacked"))
    assert decide(stormed, undated, 0.7, 0.0, p) is None
    assert decide(stormed, undated, 1.0, 0.0, p) is not None
    # one word for the action (inflections folded) is enough without a date
    storming = attack("e4", "a4", "x", day=None, trigger=trigger_key("Storming"))
    link = decide(stormed, storming, 0.7, 0.0, p)
    assert link is not None and "trigger" in link.fields
    assert trigger_key("offered") == trigger_key("offers") == trigger_key("offer") == "offer"
    assert trigger_key("") == ""


def test_articles_are_alike_only_when_they_share_their_salient_words() -> None:
    """Context vectors: two tellings of one story are close; two long unrelated articles,
    which share only common words, are not (folded into a few dimensions, their hundreds of
    words collided until unrelated articles looked alike); an empty text is zeros."""
    from wirecoder.cluster.text import context_vectors

    rng = random.Random(5)
    common = [
        "government",
        "officials",
        "week",
        "country",
        "people",
        "year",
        "report",
        "city",
        "state",
        "police",
    ]

    def article(topic: list[str]) -> str:
        words = [rng.choice(common + topic) for _ in range(400)]
        return " ".join(words + [f"rare{rng.randrange(10**6)}" for _ in range(200)])

    kandahar = ["kandahar", "taliban", "gunmen", "ambush", "checkpoint", "afghan"]
    dairy = ["dairy", "creamery", "arson", "blaze", "firefighters", "matanuska"]
    mat = context_vectors([article(kandahar), article(kandahar), article(dairy), ""])
    sim = mat @ mat.T
    assert sim[0, 1] > 0.3 > 0.1 > sim[0, 2]
    assert sim[0, 0] == pytest.approx(1.0, abs=1e-5) and sim[3, 3] == 0.0
