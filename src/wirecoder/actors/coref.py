"""In-article coreference: later mentions take the identity of the first full one.

No coreference package works offline here, so this is a small rule set that
covers what event coding needs most:

- names: "Abadi" -> "Prime Minister Haider al-Abadi" (same surname, earlier, fuller);
- descriptions: "the prime minister" -> the earlier mention with that role and a name;
- pronouns: he/she -> the nearest earlier person who is not a clause-mate subject;
  they -> the nearest earlier plural group or coordinated subjects; it -> the nearest
  earlier country or organisation;
- possessives: "his spokesman", "its embassy" take the country of the owner;
- the article's country: domestic roles with no country ("the police", "the
  opposition") take the country the article is about, when it clearly has one.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .countries import ADMIN_WORDS
from .dictionary import KB_PRIORITY, NONSTATE, ActorDictionary
from .forms import STATE_KINDS
from .mentions import Mention
from .surnames import resolve_surnames

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..analysis import Analysis, Resources
    from ..places.gazetteer import Gazetteer, Place

# sectors that, unqualified, are usually the article's own country's ("the police", "parliament")
DOMESTIC = {"GOV", "COP", "MIL", "LEG", "JUD", "PTY", "OPP", "CVL", "LAB", "EDU", "MED",
            "JRN", "BUS", "AGR", "REL", "ELI", "SOC", "PRM"}  # fmt: skip
#: unnamed armed actors ("unidentified militants", "the attackers", "the suspect"): coded by
#: where they act, as ICEWS and the team's gold do; a named group keeps its own entry. Where
#: no event place says otherwise (actors/nationality.py), that is the article's country.
ARMED = {"UAF", "REB", "CRM"}
LEAD_VERBS = {"lead", "head", "command", "spearhead"}
NAMED_KINDS = {"person", "org", "user", "country", "capital", "entity"}
#: how a mention's rule trail says its country is only the article's (a later stage may
#: replace it with closer evidence: actors/nationality.py)
ARTICLE_RULE = "article's country"


def _surname(name: str | None) -> str | None:
    if not name:
        return None
    parts = [p for p in name.replace("-", " ").split() if p[:1].isupper()]
    return parts[-1].lower() if parts else None


def _given_name(name: str | None) -> str | None:
    """The first word of a person's full name ("Hillary Clinton" -> "hillary"), else None."""
    parts = [p for p in (name or "").replace("-", " ").split() if p[:1].isupper()]
    return parts[0].lower() if len(parts) >= 2 else None


def _one_word(m: Mention) -> str | None:
    """The word of a mention that is a one-word name the dictionaries do not know."""
    if m.kind not in ("person", "entity") or m.entry is not None or m.antecedents:
        return None
    if m.end - m.start != 1 or not m.name or " " in m.name.strip():
        return None
    return m.name.strip().lower()


def _known(m: Mention) -> bool:
    return m.kind != "pronoun" and bool(m.name) and bool(m.country or m.sector or m.wikidata)


def _copy(m: Mention, src: Mention, why: str) -> None:
    m.name = src.name or m.name
    m.country = m.country or src.country
    if not m.sector or m.kind in ("pronoun",):
        m.sector = src.sector or m.sector
    m.wikidata = src.wikidata or m.wikidata
    m.person = m.person or src.person
    m.rule.append(f"{why} '{src.text}'")


def _clause_subjects(doc: Doc, tok_i: int) -> set[int]:
    """Subjects of the verb governing token `tok_i` (binding: 'X told him' -> him != X)."""
    tok = doc[tok_i]
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subs: set[int] = set()
    for _ in range(3):
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                subs.add(c.i)
                subs.update(x.i for x in c.conjuncts)
        # "hit the positions and destroyed them": a conjunct verb shares its head's subject
        if subs or verb.dep_ != "conj":
            break
        verb = verb.head
    return subs


def _group_of(mentions: list[Mention], k: int, doc: Doc) -> list[int]:
    """Mention k and the mentions coordinated with it ("Abadi and Obeidi")."""
    head = doc[mentions[k].head]
    heads = {head.i, *(c.i for c in head.conjuncts)}
    return [j for j, m in enumerate(mentions) if m.head in heads]


def resolve(mentions: list[Mention], doc: Doc) -> None:
    """Link mentions to antecedents in place (earlier mentions only)."""
    by_head: dict[int, int] = {}
    for k, m in enumerate(mentions):
        for h in m.heads:
            by_head.setdefault(h, k)
    # earlier mentions by surname and by role, filled as each is done (a mention's name, role
    # and kind change only while it is resolved): a scan back over every mention was quadratic
    by_surname: dict[str, list[int]] = {}
    named_by_role: dict[str, list[int]] = {}
    by_given: dict[str, list[int]] = {}
    for k, m in enumerate(mentions):
        _resolve_one(mentions, k, doc, by_surname, named_by_role)
        if not m.antecedents and (word := _one_word(m)):
            _link_given_name(mentions, k, by_given.get(word, []), "same given name as")
        if m.kind != "pronoun" and m.name:
            sn_k = _surname(m.name)
            if sn_k:
                by_surname.setdefault(sn_k, []).append(k)
            if m.role:
                named_by_role.setdefault(m.role, []).append(k)
            if m.person and (given := _given_name(m.name)):
                by_given.setdefault(given, []).append(k)
    _headline_names(mentions, doc)
    _resolve_leaders(mentions, doc, by_head)


def _link_given_name(mentions: list[Mention], k: int, people: list[int], why: str) -> None:
    """ "Hillary" after "Hillary Clinton": a one-word name that is the given name of exactly
    one person the article names in full (two Johns: no link)."""
    known = [j for j in people if _known(mentions[j])]
    if not known or len({mentions[j].name for j in known}) != 1:
        return
    mentions[k].antecedents = [known[0]]
    _copy(mentions[k], mentions[known[0]], why)
    mentions[k].kind, mentions[k].person = "person", True


def _headline_names(mentions: list[Mention], doc: Doc) -> None:
    """A headline names its people short ("Sharif slams Khan over protests") and the story
    in full below ("Prime Minister Nawaz Sharif ... opposition leader Imran Khan"): a one-word
    name in the first sentence that no dictionary knows is the first person or body the
    story names in full with that surname (or the one person with that given name)."""
    sents = list(doc.sents)
    if len(sents) < 2:
        return
    body_start = sents[1].start
    body = [j for j, a in enumerate(mentions) if a.start >= body_start and _known(a)]
    for k, m in enumerate(mentions):
        if m.start >= body_start:
            break
        word = _one_word(m)
        if word is None:
            continue
        for j in body:
            a = mentions[j]
            assert a.name is not None
            if _surname(a.name) == word and len(a.name.split()) > 1:
                m.antecedents = [j]
                _copy(m, a, "named in full below as")
                m.kind = "person" if a.person else a.kind
                break
        else:
            given = [
                j for j in body if mentions[j].person and _given_name(mentions[j].name) == word
            ]
            _link_given_name(mentions, k, given, "named in full below as")


def _resolve_one(
    mentions: list[Mention],
    k: int,
    doc: Doc,
    by_surname: dict[str, list[int]],
    named_by_role: dict[str, list[int]],
) -> None:
    """Link mention k to an earlier one: a pronoun, a surname, a definite description."""
    m = mentions[k]
    if m.kind == "pronoun":
        _resolve_pronoun(mentions, k, doc)
        return
    if m.kind == "demonym" and not m.plural and m.end - m.start == 1:
        # "Cuban said" after "Mark Cuban": the surname of a person named before, not Cuba
        for j in reversed(by_surname.get(doc[m.head].lower_, ())):
            a = mentions[j]
            if a.person and a.kind != "pronoun":
                m.kind, m.person, m.entry, m.country, m.sector = "person", True, None, None, None
                m.antecedents = [j]
                _copy(m, a, "same name as")
                return
    # surname / short form of an earlier named person or entity
    if m.kind in ("person", "entity") and m.entry is None:
        sn = _surname(m.name)
        if sn:
            for j in reversed(by_surname.get(sn, ())):
                a = mentions[j]
                if a.kind == "pronoun" or not a.name or (a.name == m.name and not a.country):
                    continue
                if (_surname(a.name) == sn and len(a.name) >= len(m.name or "")) and (
                    a.country or a.sector or a.wikidata
                ):
                    m.antecedents = [j]
                    _copy(m, a, "same name as")
                    if m.kind == "entity":
                        m.kind = "person" if a.person else a.kind
                    break
    # definite descriptions: "the prime minister", "the general"
    elif m.generic and m.role and doc[m.start].lower_ in ("the", "this", "that"):
        for j in reversed(named_by_role.get(m.role, ())):
            a = mentions[j]
            if a.role == m.role and a.name and a is not m:
                m.antecedents = [j]
                _copy(m, a, "same role as")
                break


def _resolve_leaders(mentions: list[Mention], doc: Doc, by_head: dict[int, int]) -> None:
    """A coalition or force someone leads takes the leader's country."""
    # a coalition or force someone leads is coded as the leader's: "the US is leading a coalition"
    for m in mentions:
        if m.country or m.kind not in ("role", "entity"):
            continue
        htok = doc[m.head]
        leader: Token | None = None
        if htok.dep_ in ("dobj", "obj") and htok.head.lemma_.lower() in LEAD_VERBS:
            leader = next((c for c in htok.head.children if c.dep_ == "nsubj"), None)
        for c in htok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in LEAD_VERBS:
                agent = next((a for a in c.children if a.dep_ == "agent"), None)
                if agent is not None:
                    leader = next((g for g in agent.children if g.dep_ == "pobj"), leader)
        if leader is not None and leader.i in by_head:
            src = mentions[by_head[leader.i]]
            if src.country:
                m.country = src.country
                m.rule.append(f"led by '{src.text}'→{src.country}")
    # possessors: "his spokesman", "Abadi's spokesman" -> the owner's country
    for m in mentions:
        if m.poss_head is None or m.country:
            continue
        owner_k = by_head.get(m.poss_head)
        if owner_k is None or mentions[owner_k] is m:
            continue
        owner = mentions[owner_k]
        if owner.country:
            m.country = owner.country
            m.rule.append(f"possessor '{owner.text}'→{owner.country}")
            if (
                m.role
                and m.sector == "GOV"
                and owner.sector
                and owner.sector != m.sector
                and owner.kind != "pronoun"
            ):
                pass


def _antecedent_for(
    mentions: list[Mention], k: int, doc: Doc, word: str, before: int
) -> int | None:
    kind = {"he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
            "they": "group", "them": "group", "their": "group"}.get(word, "thing")  # fmt: skip
    blocked = (
        _clause_subjects(doc, mentions[k].head) if word in ("him", "her", "them", "it") else set()
    )
    sent_start = doc[mentions[k].head].sent.start
    if kind == "person":  # a named person first, then any description of one
        for j in range(k - 1, -1, -1):
            a = mentions[j]
            if a.start >= before or a.head in blocked:
                continue
            if sent_start - doc[a.head].sent.start > 400:
                break
            if a.person_name_known and a.kind != "pronoun":
                return j
    for j in range(k - 1, -1, -1):
        a = mentions[j]
        if a.start >= before or a.head in blocked:
            continue
        if doc[a.head].sent.start < sent_start and sent_start - doc[a.head].sent.start > 400:
            break
        if a.kind == "pronoun" and not a.antecedents:
            continue
        if kind == "person" and (a.person or (a.kind == "pronoun" and a.person)):
            return j
        if kind == "group" and (
            a.plural or len(doc[a.head].conjuncts) > 0 or a.kind in ("org", "user")
        ):
            return j
        if (
            kind == "thing"
            and not a.person
            and (
                a.kind in ("country", "org", "user", "capital")
                or (a.kind == "role" and not a.plural)
            )
        ):
            return j
    return None


def _resolve_pronoun(mentions: list[Mention], k: int, doc: Doc) -> None:
    m = mentions[k]
    word = doc[m.head].lower_
    j = _antecedent_for(mentions, k, doc, word, m.start)
    if j is None:
        return
    targets = _group_of(mentions, j, doc) if word in ("they", "them", "their") else [j]
    # follow pronoun chains to the named mention
    resolved: list[int] = []
    for t in targets:
        a = mentions[t]
        if a.kind == "pronoun" and a.antecedents:
            resolved.extend(a.antecedents)
        else:
            resolved.append(t)
    m.antecedents = resolved
    _copy(m, mentions[resolved[0]], "pronoun refers to")


def primary_country(mentions: list[Mention], doc: Doc) -> str | None:
    """The country an article is about: the only one it names, or one named in two or more
    sentences, clearly ahead of the next."""
    sents: dict[str, set[int]] = {}
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.outlet:
            continue
        if m.country and m.country not in NONSTATE and m.kind in NAMED_KINDS | {"demonym"}:
            counts[m.country] += 1
            sents.setdefault(m.country, set()).add(doc[m.head].sent.start)
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    if len(counts) == 1 and (n >= 2 or len(list(doc.sents)) >= 2):
        # the only country an article names ("Armenian police detained dozens in Yerevan"),
        # also once in a two-sentence report; a lone mention in a lone sentence is too little
        # ("the foreign minister said all armed groups in Yemen must ...": not Yemen's)
        return top
    if len(sents[top]) < 2:
        return None
    if len(ranked) > 1 and ranked[1][1] * 1.5 > n:
        return None
    return top


#: place features whose country an article's place names vote for
_VOTING_FEATURES = {"country", "admin1", "region", "district"}


def _admin_unit(ent: Span) -> bool:
    return len(ent) > 1 and ent[-1].lower_ in ADMIN_WORDS


#: how many times bigger than every namesake abroad a town must be to be the one a name means
DOMINANT = 10


def _dominant(gazetteer: Gazetteer, name: str) -> list[Place]:
    """The places a name means: under their own name before an alternate one ("Philadelphia"
    is the US city, not Amman's ancient name), and a town of 100,000 or more ten times bigger
    than every namesake abroad alone ("San Antonio" is Texas's, not Chile's)."""
    hits = gazetteer.named(name)
    own = [n.place for n in hits if not n.alternate]
    places = own or [n.place for n in hits]
    if len({p.country for p in places if p.country}) <= 1:
        return places
    if any(p.feature not in ("city", "district") for p in places):
        return places  # "Georgia": a country and a state; towns only are weighed by size
    # (a town and the district of its name, "Paris": the town's size speaks for both)
    top = max(places, key=lambda p: p.population)
    abroad = max((p.population for p in places if p.country != top.country), default=0)
    if top.population >= 100_000 and top.population >= DOMINANT * abroad:
        return [p for p in places if p.country == top.country]
    return places


def country_from_places(doc: Doc, gazetteer: Gazetteer) -> str | None:
    """The country an article's places are in, when it names no country itself: Detroit,
    Michigan and Troy say USA. Each sentence votes once per country, by its unambiguous place
    names (a country, a province or state, a town of 100,000 or more, or a name the text calls
    an administrative unit, "Tank District", with no namesake abroad); a country wins alone, or
    with two sentences and a clear lead. A named administrative unit is enough on its own: a
    short incident report ("... shot dead in Swabi District, reports Dawn") is about where its
    district is."""
    votes: dict[str, set[int]] = {}
    strong: set[str] = set()
    for ent in doc.ents:
        admin = _admin_unit(ent)
        if ent.label_ not in ("GPE", "LOC") and not admin:
            continue
        places = _dominant(gazetteer, ent.text)
        countries = {p.country for p in places if p.country}
        if len(countries) != 1:
            continue
        if not admin and not any(
            p.feature in _VOTING_FEATURES or p.population >= 100_000 for p in places
        ):
            continue
        code = countries.pop()
        votes.setdefault(code, set()).add(ent.sent.start)
        if admin:
            strong.add(code)
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -len(kv[1]))
    top, sents = ranked[0]
    if len(ranked) == 1 and (len(sents) >= 2 or len(list(doc.sents)) >= 3 or top in strong):
        return top  # every unambiguous place of a story is in one country
    if len(sents) < 2 or len(ranked[1][1]) * 1.5 > len(sents):
        return None
    return top


def story_country(mentions: list[Mention], doc: Doc, gazetteer: Gazetteer) -> str | None:
    """The story's country judged without the mentions in doubt: the one the other names
    give, else the one its places give."""
    return primary_country(mentions, doc) or country_from_places(doc, gazetteer)


def _from_kb(m: Mention) -> bool:
    return m.entry is not None and m.entry.priority == KB_PRIORITY


def _doubtful(m: Mention, date: str | None) -> bool:
    """A person matched from a list on a date outside every role it gives: any such row of
    the Phoenix-derived KB, and a row of the team's lists whose first term is still to come
    (a policeman named Mohammad Yaqoob in 2016 is not the Taliban's minister of 2021)."""
    e = m.entry
    if m.kind != "person" or e is None or not date or e.valid_on(date):
        return False
    return _from_kb(m) or bool(e.valid_from and date[: len(e.valid_from)] < e.valid_from)


def doubt_namesakes(
    mentions: list[Mention], doc: Doc, date: str | None, gazetteer: Gazetteer
) -> None:
    """Context before the knowledge base: a person the lists know only out of office (see
    `_doubtful`), of another country than the story's own (the country the article's other
    names or its places give) is more likely a namesake ("Barry Whiteside", a murder victim in
    Michigan, is not the Fijian official). Such a mention is left a person of unknown
    nationality, which the article's country then fills. Office holders on the article's date
    stay: a foreign minister in office is news abroad."""
    doubtful = [m for m in mentions if _doubtful(m, date)]
    if not doubtful:
        return
    country = story_country([m for m in mentions if not _doubtful(m, date)], doc, gazetteer)
    if country is None:
        return
    for m in doubtful:
        if m.country == country:
            continue
        m.rule.append(
            f"not {m.entry.name if m.entry else m.name} of {m.country} in the knowledge base: "
            f"out of office on this date, in a {country} story (a namesake)"
        )
        m.entry, m.country, m.sector, m.wikidata = None, None, None, None
        m.name = m.text


#: states whose legislature is called Congress: the Americas' presidential republics, the
#: Philippines, Spain (its lower house). The dictionary's bare "Congress" is the US Congress;
#: in a story of one of these states it is that state's, and in an Indian story the Congress
#: party (Indian National Congress)
CONGRESS_STATES = frozenset(
    {"ARG", "BRA", "CHL", "COL", "DOM", "GTM", "HND", "MEX", "PRY", "PER", "PHL", "ESP", "FSM"}
)
_US_CONGRESS = "US Congress"


def local_congress(
    mentions: list[Mention], doc: Doc, dictionary: ActorDictionary, gazetteer: Gazetteer
) -> None:
    """Context before the dictionary for "Congress": its own words first ("the Colombian
    Congress", "Mexico's Congress": that state's), then the story's country (the country the
    article's other names or its places give)."""
    bare = [
        m
        for m in mentions
        if (m.entry is not None and m.entry.name == _US_CONGRESS)
        or any(_US_CONGRESS in r for r in m.rule)  # "Congress leaders"
    ]
    if not bare:
        return
    ids = {id(m) for m in bare}
    story: str | bool | None = False  # worked out once, when needed
    for m in bare:
        words = [t.text for t in doc[m.start : m.end]]
        # the words before "Congress" ("US Congress" is itself a name, which hides its "US")
        words = words[: words.index("Congress")] if "Congress" in words[1:] else words
        named = {
            e.country
            for _, _, entries in dictionary.find(words)
            for e in entries
            if e.kind in STATE_KINDS and e.country
        }
        if len(named) == 1 and (code := next(iter(named))) != "USA":
            how = f"'{m.text}' names {code}'s Congress"
        else:
            if named:
                continue  # "the U.S. Congress"
            if story is False:
                others = [x for x in mentions if id(x) not in ids]
                story = story_country(others, doc, gazetteer)
            if story not in CONGRESS_STATES and story != "IND":
                continue
            code, how = str(story), f"Congress in a story of {story}"
        m.entry, m.wikidata = None, None
        if code == "IND":
            m.country, m.sector, m.name = "IND", "PTY", "Indian National Congress"
        else:
            m.country, m.sector, m.name = code, "LEG", f"Congress ({code})"
        m.rule.append(f"not the US Congress: {how}→{m.country} {m.sector}")


def follow_antecedents(mentions: list[Mention]) -> None:
    """A pronoun or description linked before its antecedent had a country takes it now
    ("She shot the other three": she is the woman the article's country was given to)."""
    for m in mentions:
        if m.country or not m.antecedents:
            continue
        found = {mentions[k].country for k in m.antecedents if 0 <= k < len(mentions)}
        if len(found) == 1 and (code := found.pop()):
            m.country = code
            m.rule.append(f"its antecedent's country→{code}")


class CorefStage:
    """Links later mentions to the first full one and fills in the article's country."""

    name = "coref"
    requires = ("mentions",)
    assigns = ("mentions.antecedents", "primary_country")

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        doc = analysis.doc
        assert doc is not None
        doubt_namesakes(analysis.mentions, doc, analysis.article.date, resources.gazetteer)
        local_congress(analysis.mentions, doc, resources.actors, resources.gazetteer)
        resolve(analysis.mentions, doc)
        country = primary_country(analysis.mentions, doc)
        if country is None:
            # no country named clearly ahead: the places decide, unless the names disagree
            named = Counter(m.country for m in analysis.mentions if m.country)
            by_place = country_from_places(doc, resources.gazetteer)
            if by_place and (not named or named.most_common(1)[0][0] == by_place):
                country = by_place
        analysis.primary_country = country
        if country:
            give_article_country(analysis.mentions, country)
        else:
            # a story of its own country names its people by surname as namesakes too
            # ("Mitchell", "Howard" in a US story); only a text with no country of its own
            # (a headline, a one-sentence brief) takes the country every holder shares
            resolve_surnames(analysis.mentions, doc, resources.actors, analysis.article.date)


def give_article_country(mentions: list[Mention], country: str, why: str = "") -> None:
    """Give the story's country to the parties that are of it unless the text says otherwise:
    a named person the dictionaries do not know is, in a one-country story, of it; so are
    unnamed gunmen, militants and suspects (they act where the story happens) and domestic roles."""
    for m in mentions:
        if m.country:
            continue
        armed = m.kind == "role" and m.sector in ARMED
        if m.sector not in DOMESTIC and not armed and not (m.kind == "person" and m.sector is None):
            continue
        if m.kind == "role" and any("does not imply" in r for r in m.rule):
            continue
        m.country = country
        m.rule.append(f"{ARTICLE_RULE}{why}→{country}")
    follow_antecedents(mentions)


__all__ = [
    "CorefStage",
    "follow_antecedents",
    "give_article_country",
    "local_congress",
    "primary_country",
    "resolve",
]
