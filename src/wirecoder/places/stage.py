"""The place an event happened, which is not every place its sentence names.

"Speaking from Berlin, Obama condemned the fighting in Homs": a statement in Berlin,
fighting in Homs. A place counts for an event only through the grammar, and the rules
say which paths count, strongest first:

1. a locative phrase on the event word ("killed in Mosul", "air strikes near Raqqa",
   "clashed with rebels in three villages of Idlib province"); "to" and "into" only for
   movement and visits ("flew to Baghdad", "a trip to Baghdad"); "on" and "against" only
   for attacks ("air strikes on Aleppo"), never for talks *on* Syria;
2. the object of a verb that acts on a place ("captured Palmyra", "visited Iraq",
   "Baghdad was shelled"), and a place-name modifier of an event noun ("the Kabul bombing");
3. a locative phrase that the parser hung on an argument ("killed 21 civilians in Chlef
   province", "killed by snipers in the village of Mallouh"), but not under verbs of saying
   and judging ("condemned the fighting in Homs": the fighting's place, not the statement's);
4. the clause the event word belongs to: the verb that carries an event noun ("carried out
   an attack in Kirkuk"), the verb an event is coordinated with or subordinate to, and a
   participle that frames the clause ("Speaking from Berlin, Obama condemned ...");
5. a locative phrase fronted before the sentence's subject ("In Nablus, police said ..."),
   which frames everything the sentence says;
6. the country whose government asked for the event ("at the request of the Syrian
   government, Russia is striking ISIL").

Each path has a weight (`Found.rule` says which); the heaviest wins. Never a place inside
an organisation's name ("Islamic State in Iraq and the Levant"), never
a place the event only talks about, never the place a speech verb was uttered in for the
events its words report. Within one phrase the most specific name wins: "a market of the
Zafaraniyah neighbourhood in southern Baghdad" happened in Zafaraniyah.

A name the gazetteer does not know ("the village of Garubula") is still the place: it is
kept with its words, the country of the named place around it (or of the article), and no
point on the map (`feature` "locality").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import doc_ents
from ..records import Location
from .gazetteer import Gazetteer, Named, Place, fold, load_gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..actors.mentions import Mention
    from ..analysis import Analysis, Resources
    from ..events.candidates import Candidate

PLACE_ENTS = {"GPE", "LOC", "FAC"}
#: entity labels that are never places, whatever the slot
NOT_PLACE_ENTS = {"DATE", "TIME", "EVENT", "LAW", "LANGUAGE", "MONEY", "PERCENT", "QUANTITY",
                  "CARDINAL", "ORDINAL", "WORK_OF_ART"}  # fmt: skip
#: labels the tagger gives some well-known places in a place's slot ("attacks on Aleppo")
MISTAGGED = {"WORK_OF_ART", "LANGUAGE", "EVENT", "LAW"}
#: words that locate with "to" or "of" after them: "next to X", "close to X", "out of X"
ADV_PREPS: dict[str, float] = {"next": 0.95, "close": 0.9, "adjacent": 0.9, "near": 0.95,
                               "out": 0.8, "inside": 1.0, "outside": 0.95}  # fmt: skip
#: verbs of a relative clause that tell who someone is, not what happened then
BACKGROUND = {"be", "bear", "have", "base", "live", "command", "lead", "ally", "establish",
              "follow", "precede", "know", "call", "name"}  # fmt: skip
#: what a group holds: an unknown name on them is the holder ("Uber offices")
HELD = {"office", "offices", "position", "positions", "headquarters", "stronghold",
        "strongholds", "hideout", "hideouts", "defenses", "defences", "lines"}  # fmt: skip
#: "the entrance to Bethlehem": the place the way leads into
ENTRANCES = {"entrance", "entrances", "gate", "gates", "gateway", "approach", "approaches"}
#: "U.S.-run", "Saudi-led": an actor's modifier, never a place's name
BACKED = {"run", "led", "backed", "controlled", "held", "owned", "funded", "sponsored", "allied",
          "aligned", "supported", "linked", "affiliated", "operated", "dominated", "brokered"}  # fmt: skip
#: diplomatic missions, named for the country they serve rather than the town they are in
MISSIONS = {"embassy", "embassies", "consulate", "consulates"}
#: verbs of seizing, which also win prizes and catch attention or images
SEIZE = {"capture", "take", "seize", "grab", "snatch", "clinch", "win", "claim", "secure"}
#: what such a verb takes when it seizes no place: "captured the title", "captured the scene"
PRIZES = {"title", "cup", "championship", "crown", "medal", "gold", "silver", "bronze", "prize",
          "trophy", "award", "race", "prix", "stage", "imagination", "heart", "mood",
          "attention", "scene", "image", "moment", "spirit", "victory", "win", "match", "game",
          "tournament", "open", "wicket", "nomination", "footage"}  # fmt: skip
#: what befalls a captive later, elsewhere: "captured and held in X", "shot and flown to X"
AFTERWARDS = {"believe", "spend", "imprison", "jail", "hold", "transfer", "deport", "release",
              "free", "sentence", "convict", "extradite", "hand", "turn", "send", "become",
              "intern", "fly", "bury", "airlift", "evacuate", "take", "bring"}  # fmt: skip
#: what records: "captured on camera", "the film was shot on location"
MEDIA = {"camera", "cameras", "film", "films", "video", "videos", "tape", "footage", "movie",
         "documentary", "photo", "photograph", "picture", "cctv", "coverage", "page"}  # fmt: skip
#: what explodes: a subject that is the attack itself ("a bomb that ripped through X killed")
DEVICES = {"bomb", "bombs", "blast", "blasts", "explosion", "explosions", "device", "mine",
           "grenade", "rocket", "rockets", "shell", "shells", "missile", "missiles", "bomber",
           "attacks", "clash", "clashes", "fighting", "violence"}  # fmt: skip
#: protest verbs that also mean "to show"; with a clause or as a passive they only show
SHOW = {"demonstrate"}
#: capitalised words that are no place in any slot
NOT_NAMES = {"gmt", "utc", "a.m.", "p.m.", "am", "pm", "i", "ii", "iii", "iv", "v", "mr", "mrs",
             "dr", "god", "allah", "internet", "web", "twitter", "facebook", "youtube"}  # fmt: skip

#: prepositions that locate whatever they modify, with how surely
LOC_PREPS: dict[str, float] = {
    "in": 1.0, "at": 1.0, "inside": 1.0, "near": 0.95, "outside": 0.95, "around": 0.9,
    "across": 0.9, "throughout": 0.9, "within": 0.9, "through": 0.85, "along": 0.85,
    "into": 0.85, "off": 0.8, "onto": 0.8, "among": 0.6, "towards": 0.6, "toward": 0.6,
    "beyond": 0.6, "outside of": 0.95, "above": 0.85, "below": 0.7, "beneath": 0.7,
    "alongside": 0.6, "behind": 0.7, "beside": 0.7, "opposite": 0.6, "underneath": 0.7,
}  # fmt: skip
MOTION = {
    "go", "come", "travel", "fly", "arrive", "return", "march", "walk", "move", "head", "deploy",
    "redeploy", "dispatch", "send", "escape", "flee", "cross", "infiltrate", "enter", "drive",
    "sail", "rush", "evacuate", "trip", "visit", "journey", "tour", "flight", "mission", "take",
    "transfer", "relocate", "advance", "push", "withdraw", "retreat", "pull", "smuggle", "run",
    "proceed", "deployment", "parade", "sneak", "storm", "airlift", "ship", "bring",
}  # fmt: skip
#: words for acts whose "on"/"against" object is where they happen ("air strikes on Aleppo")
ATTACKS = {
    "attack", "strike", "raid", "assault", "offensive", "bombing", "bomb", "shelling", "shell",
    "fire", "airstrike", "air", "march", "push", "advance", "operation", "campaign", "crackdown",
    "incursion", "onslaught", "rocket", "missile", "barrage", "drone", "descend", "converge",
    "close", "move", "counterattack", "counteroffensive", "sweep", "swoop",
}  # fmt: skip
#: verbs whose direct object is the place they act on ("captured Palmyra", "visited Iraq")
PLACE_VERBS = {
    "capture", "seize", "take", "invade", "enter", "storm", "raid", "attack", "shell", "bomb",
    "strike", "hit", "bombard", "besiege", "overrun", "occupy", "liberate", "visit", "tour",
    "control", "recapture", "retake", "target", "encircle", "surround", "evacuate", "reach",
    "patrol", "cross", "infiltrate", "blockade", "rock", "shake", "ravage", "devastate",
    "pound", "destroy", "level", "flatten", "seal", "cordon", "secure",
    "clear", "regain", "annex", "plunder", "loot", "burn", "torch", "ransack", "flood",
    "sweep", "rake", "pummel", "blast", "airstrike", "penetrate", "defend",
    "hold", "lose", "abandon", "leave", "quit", "flee", "roam", "march", "parade",
}  # fmt: skip
#: verbs whose direct object is a place whatever its name ("entered Dahiyat Al-Assad")
PLACE_ONLY = {"invade", "enter", "storm", "shell", "bomb", "bombard", "besiege", "overrun",
              "occupy", "liberate", "visit", "tour", "patrol", "infiltrate", "blockade", "rock",
              "ravage", "devastate", "pound", "raid", "recapture", "retake", "encircle", "annex",
              "plunder", "loot", "ransack", "airstrike", "penetrate", "roam", "evacuate"}  # fmt: skip
TARGET_PREPS = {"on", "upon", "against", "for"}
BATTLES = {"battle", "fight", "fighting", "struggle", "war", "offensive", "campaign", "race"}
#: verbs that say or judge: their objects' places are not theirs
SPEECH = {
    "say", "tell", "report", "state", "add", "note", "claim", "announce", "insist", "quote",
    "confirm", "reveal", "declare", "write", "explain", "stress", "assert", "allege", "argue",
    "acknowledge", "admit", "warn", "cite", "disclose", "indicate", "deny", "suggest", "believe",
    "describe", "comment", "tweet", "post", "reiterate", "emphasize", "emphasise", "assure",
    "condemn", "denounce", "criticize", "criticise", "blame", "accuse", "praise", "welcome",
    "hope", "discuss", "urge", "call", "demand", "ask", "appeal", "threaten", "promise",
    "pledge", "vow", "oppose", "support", "reject", "protest", "deplore", "hail", "decry",
    "question", "agree", "dispute", "debate", "mourn", "fear", "express", "voice", "learn",
    "hear", "know", "see", "watch", "expect", "predict", "want", "plan", "decide", "consider",
}  # fmt: skip
#: nouns that name an event or a state of affairs: places under them are theirs
EVENT_NOUNS = {
    "attack", "fighting", "fight", "violence", "war", "bombing", "clash", "clashes", "strike",
    "raid", "offensive", "shelling", "killing", "massacre", "operation", "assault", "battle",
    "conflict", "unrest", "protest", "demonstration", "rally", "crisis", "situation", "siege",
    "insurgency", "crackdown", "explosion", "blast", "incident", "election", "vote", "talks",
    "meeting", "summit", "conference", "visit", "trip", "invasion", "occupation", "presence",
    "airstrike", "campaign", "uprising", "riot", "riots", "shooting", "ambush", "kidnapping",
    "abduction", "arrest", "arrests", "detention", "deaths", "death", "casualties", "peace",
    "ceasefire", "truce", "security", "stability", "intervention", "involvement", "policy",
    "role", "mission", "deployment", "withdrawal", "elections", "fire", "tension", "tensions",
}  # fmt: skip
#: nouns for a place or a part of one: their modifiers and "of" objects are places
PLACE_NOUNS = {
    "city", "town", "village", "province", "district", "region", "area", "neighborhood",
    "neighbourhood", "suburb", "suburbs", "outskirts", "street", "streets", "square", "camp",
    "base", "border", "capital", "country", "state", "county", "governorate", "territory",
    "countryside", "residence", "home", "house", "market", "marketplace", "mosque", "church",
    "hospital", "school", "university", "airport", "port", "hotel", "embassy", "consulate",
    "office", "offices", "compound", "checkpoint", "building", "bridge", "highway", "road",
    "valley", "mountain", "mountains", "hills", "hill", "river", "desert", "coast", "island",
    "islands", "sea", "lake", "plain", "plains", "front", "frontline", "enclave", "prison",
    "jail", "station", "stadium", "park", "palace", "headquarters", "barracks", "outpost",
    "zone", "strip", "quarter", "municipality", "commune", "locality", "settlement", "hamlet",
    "kibbutz", "farm", "farms", "plantation", "field", "fields", "forest", "center", "centre",
    "heart", "downtown", "parts", "part", "vicinity", "environs", "periphery", "edge",
    "shore", "shores", "bank", "banks", "gate", "gates", "waters", "coastline",
    "seaport", "harbor", "harbour", "township", "subdistrict", "sub-district", "oblast",
    "borough", "precinct", "ward", "shrine", "temple", "cathedral", "refinery",
    "mine", "airbase", "air", "crossing", "corridor", "axis", "line", "lines",
    "hinterland", "interior", "mainland", "peninsula", "gulf", "bay", "pass",
    "heights", "plateau", "emirate", "kingdom", "republic", "land",
    "soil", "territories", "neighborhoods", "towns", "villages", "cities", "areas", "regions",
    "provinces", "districts", "camps", "bases", "positions", "position", "stronghold",
    "strongholds", "hideout", "hideouts", "den", "ruins", "site", "sites", "facility",
    "hostel", "shop", "shops", "restaurant", "cafe", "store", "mall", "museum", "junction",
    "intersection", "roundabout", "crossroads", "cabin", "apartment", "flat", "homes", "houses",
    "mosques", "churches", "schools", "hospitals", "markets", "roads", "hut",
    "monastery", "synagogue", "courthouse", "garden", "gardens", "beach", "dock",
    "subway", "metro", "terminal", "tunnel", "well", "wells", "oilfield", "pipeline",
    "skies", "sky", "airspace", "checkpoints", "barrier", "fence", "wall",
    "doorstep", "entrance", "grounds", "yard", "perimeter", "roof", "rooftop", "spot", "scene",
    "slope", "slopes", "foothills", "hilltop", "mountaintop", "ridge", "flank", "approaches",
    "slum", "slums", "shantytown", "favela", "installations", "installation", "lot", "plaza",
    "avenue", "boulevard", "lane", "alley", "alleys", "alleyways", "constituency",
    "parish", "estate", "campus", "compounds", "villa", "outskirt", "thoroughfare", "bastion",
    "battlefield", "battlefields", "bus", "train", "ferry", "side",
    "thoroughfares",
}  # fmt: skip
#: "north of Baghdad", "20 km from Mosul": places named as reference points
RELATIVE = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "kilometers", "kilometres", "km", "miles", "mile", "kilometer", "kilometre", "outskirts",
    "northwards", "southwards", "west-southwest", "north-northwest",
}  # fmt: skip
#: last words of organisation names: "in the Defence Ministry" is no place
ORG_WORDS = {
    "ministry", "party", "council", "army", "forces", "front", "brigade", "brigades", "union",
    "company", "corp", "inc", "group", "association", "committee", "agency", "organization",
    "organisation", "movement", "commission", "court", "parliament", "assembly", "congress",
    "senate", "government", "police", "news", "times", "post", "journal", "network",
    "television", "tv", "radio", "reuters", "afp", "xinhua", "bank", "fund", "institute",
    "foundation", "corporation", "alliance", "coalition", "league", "federation", "service",
    "services", "department", "office", "guard", "guards", "battalion", "regiment", "division",
    "command", "authority", "administration", "cabinet", "tribunal", "board", "daily",
    "magazine", "channel", "press", "gazette", "herald", "tribune", "telegraph",
    "club", "team", "airlines", "airways", "operation", "war", "revolution", "state",
}  # fmt: skip
#: buildings and sites: where they are named, the town they are in is the location
FACILITIES = {"consulate", "embassy", "palace", "hotel", "hospital", "school", "university",
              "airport", "airbase", "base", "prison", "jail", "stadium", "building", "headquarters",
              "office", "offices", "mosque", "church", "temple", "cathedral", "shrine", "market",
              "fort", "center", "centre", "college", "academy", "station", "camp", "compound",
              "bridge", "plant", "factory", "refinery", "hall", "house", "tower", "club", "bar",
              "restaurant", "cafe", "shop", "store", "mall", "cinema", "theater", "theatre",
              "warehouse", "supermarket"}  # fmt: skip
#: premises whose own name is no town's: "the Max shopping center", "the Bilal mosque"
PREMISES = {"center", "centre", "mall", "bar", "restaurant", "cafe", "shop", "store", "market",
            "supermarket", "mosque", "church", "cinema", "theater", "theatre", "hotel"}  # fmt: skip
#: nouns whose "of" object is the thing itself: "a series of raids", "the course of the operation"
SERIES = {"series", "wave", "string", "spate", "round", "rounds", "number", "course", "midst",
          "wake", "middle", "day", "night", "week", "aftermath", "part", "height"}  # fmt: skip
PORTIONS = {"half", "part", "parts", "much", "most", "swath", "swathes", "swaths", "chunk",
            "chunks", "rest", "third", "quarter", "all", "control", "percent", "percentage",
            "%"}  # fmt: skip
#: quantities whose "of" object is what the phrase is about: "dozens of people in Hasakah"
QUANTITIES = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
              "millions", "score", "scores", "number", "group", "handful", "couple", "lot", "lots",
              "some", "many", "most", "several", "all", "one", "two", "three", "four", "five",
              "six", "seven", "eight", "nine", "ten", "none", "each", "both", "members"}  # fmt: skip
#: things an organisation has: "the Hezbollah positions", "Uber offices" are no places' names
OWNED = {"office", "offices", "headquarters", "embassy", "consulate", "position", "positions",
         "base", "bases", "compound", "building", "buildings", "factory", "plant", "store",
         "shop", "shops", "stronghold", "strongholds", "hideout", "hideouts", "facility",
         "facilities", "premises", "branch", "branches", "site", "sites"}  # fmt: skip
#: sub-city areas: their own name modifier is more specific than their "of" place
AREA_NOUNS = {"area", "district", "neighborhood", "neighbourhood", "quarter", "sector", "region",
              "zone", "subdistrict", "sub-district", "suburb", "township", "locality",
              "neighborhoods", "neighbourhoods", "districts", "areas", "camp", "axis", "front",
              "flank", "corridor", "frontline"}  # fmt: skip
#: "in the wake of", "in the name of": an "of" object that is no place
OF_IDIOMS = {"wake", "name", "face", "absence", "presence", "response", "support", "favor",
             "favour", "case", "light", "spite", "view", "event", "aftermath", "course", "context",
             "framework", "process", "behalf", "hands", "part", "members", "member", "leader",
             "government", "president", "people", "army", "forces", "minister", "head", "chief",
             "citizens", "residents", "police", "troops", "number", "most", "all", "some", "many",
             "one", "two", "three", "rest", "majority", "request", "invitation"}  # fmt: skip
#: posts held somewhere: "the group's leader in Mosul" says where he led, not what happened there
TITLES = {"leader", "leaders", "commander", "emir", "chief", "head", "governor", "spokesman",
          "envoy", "ambassador", "representative", "mayor", "official", "officials"}  # fmt: skip
RESIDENTS = {"resident", "residents", "people", "inhabitant", "inhabitants", "villager",
             "villagers", "citizen", "citizens", "population"}  # fmt: skip
#: event nouns whose "of" object is the place ("the siege of Aleppo", "the fall of Mosul")
OF_PLACE = {"siege", "bombing", "occupation", "liberation", "fall", "invasion", "capture",
            "shelling", "bombardment", "blockade", "encirclement", "evacuation", "recapture",
            "storming", "sack", "destruction", "looting", "battle", "outskirts"}  # fmt: skip
TIME_MARKS = {"when", "as", "while", "after", "before", "until", "once", "whilst"}
REQUEST_NOUNS = {"request", "invitation", "behest", "consent", "approval", "permission", "call"}
CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "pcomp", "prep", "pobj", "dobj", "nsubj",
              "nsubjpass", "attr", "appos", "npadvmod", "dep", "oprd"}  # fmt: skip
#: nouns for a settlement, whose "of" names it ("the village of Sousan")
SETTLEMENTS = {"village", "town", "city", "township", "hamlet", "settlement", "suburb",
               "neighborhood", "neighbourhood", "district", "municipality", "commune"}  # fmt: skip
#: prepositions that place an event by a landmark, not in it
NEAR = {"near", "outside", "beside", "nearby", "by"}
# feature -> how specific: a finer place wins within one phrase
SPECIFIC = {"facility": 0.03, "locality": 0.12, "district": 0.1, "city": 0.08, "admin1": 0.04,
            "region": 0.02, "country": 0.0}  # fmt: skip


@dataclass
class Toponym:
    """A place name in the text (token span) and the places it can stand for."""

    start: int
    end: int
    head: int
    start_char: int
    end_char: int
    text: str
    places: list[Place]
    relative: bool = False  # named only as a reference point ("north of Baghdad")
    facility: bool = False  # a building or site ("the US consulate"), finer than no town


@dataclass
class Found:
    """A toponym reached from an event word, and by which rule."""

    toponym: Toponym
    weight: float
    rule: str


_ARTICLE_PREFIX = (
    "al-",
    "el-",
    "ad-",
    "as-",
    "ash-",
    "ar-",
    "az-",
    "at-",
    "an-",
    "ed-",
    "es-",
    "al ",
)


#: first words of place names in the news ("Tal Abyad", "Kafr Nabuda", "Mount Hermon")
PLACE_PREFIXES = {"tal", "tall", "tel", "tell", "jabal", "jebel", "jabel", "kafr", "kfar", "deir",
                  "dayr", "ain", "ayn", "wadi", "ras", "bir", "khan", "qasr", "dahiyat", "dahiyet",
                  "hayy", "jisr", "beit", "bayt", "khirbet", "khirbat", "mount", "mt", "lake",
                  "fort", "cape", "port"}  # fmt: skip


#: marks for the Arabic ayn and hamza that may open a transliterated name ("‘Ibta")
AYN = "‘’'ʿʾʻ`"


def _bare(word: str) -> str:
    """A word without an Arabic article or an apostrophe: "al-Kafr" -> "kafr"."""
    low = word.lower().replace("’", "'").strip("'‘")
    for pre in _ARTICLE_PREFIX:
        if low.startswith(pre) and len(low) > len(pre):
            return low[len(pre) :]
    return low


def _capitalised(word: str) -> bool:
    """Written as a name: "Mosul", "5th", or an Arabic article before one ("al-Dabbit"); an
    ayn or hamza mark may open it ("‘Ibta", "Al-‘Arfi", "Jebel 'Amer")."""
    low = word.lower()
    for pre in _ARTICLE_PREFIX:
        if low.startswith(pre) and len(word) > len(pre):
            word = word[len(pre) :]
            break
    word = word.lstrip(AYN)
    return word[:1].isupper() or word[:1].isdigit()


def _strip_the(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
        span = span[1:]
    return span


class PlaceFinder:
    """The place rules over one parsed article (see the module docstring)."""

    def __init__(
        self,
        analysis: Analysis,
        gz: Gazetteer,
        context: Mapping[str, float] | None = None,
    ) -> None:
        assert analysis.doc is not None
        self.analysis = analysis
        self.doc: Doc = analysis.doc
        self.text = analysis.article.text
        self.gz = gz
        self._given = context
        self._contexts: dict[str, Mapping[str, float]] = {}
        self._event_i = -1  # the event word being located
        self._purpose: set[int] = set()  # movements the event is the purpose of
        self.ent_of: dict[int, Span] = {}
        for ent in doc_ents(self.doc):
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        # tokens inside the name of an organisation or a person, except at its head
        self.people = {m.head for m in analysis.mentions if m.kind in ("person", "pronoun")}
        self.in_name: dict[int, Mention] = {}
        for m in analysis.mentions:
            if m.kind in ("org", "user") or (m.kind == "person" and m.entry is not None):
                for i in range(m.start, m.end):
                    self.in_name.setdefault(i, m)

    # -- names --------------------------------------------------------------------------------
    def toponym(self, tok: Token, strength: int) -> Toponym | None:
        """The place name at `tok`, if it is one.

        `strength` is what the slot says: 3 for the object of a verb that only acts on places
        (whatever the name: "entered Dahiyat Al-Assad"), 2 for the object of a locative
        preposition or a name on a place noun (any name there is a place: "in Garubula"), 1 for
        the object of a verb that acts on places or people (a name the gazetteer or the tagger
        knows as a place: "captured Palmyra", not "captured Beltran"), 0 for any other slot.
        """
        if not self._cap(tok) and not (
            tok.i > 1 and self.doc[tok.i - 1].text == "-" and self._cap(self.doc[tok.i - 2])
        ):
            return None  # "Haji-abad" is parsed as "Haji" "-" "abad"
        ent = self.ent_of.get(tok.i)
        label = ent.label_ if ent is not None else ""
        if (
            ent is not None
            and label in MISTAGGED
            and strength >= 1
            and self._well_known(self.gz.lookup(ent.text))
        ):
            ent, label = None, ""  # "attacks on Aleppo" with Aleppo tagged a work of art
        if label in NOT_PLACE_ENTS:
            return None
        if ent is not None and (label in PLACE_ENTS or tok.pos_ == "PROPN"):
            span = _strip_the(ent)
            while len(span) > 1 and not self._cap(span[0]):
                span = span[1:]  # "west Baghdad", "southern Aleppo"
        elif tok.pos_ in ("PROPN", "NOUN", "ADJ"):
            start = tok.i
            while start > tok.sent.start:
                prev = self.doc[start - 1]
                if (
                    prev.head.i in (tok.i, start)
                    and prev.dep_ in ("compound", "flat", "nmod")
                    and self._cap(prev)
                ):
                    start -= 1
                elif (
                    prev.text in ("-", "–")
                    and start - 2 >= tok.sent.start
                    and not prev.whitespace_
                    and not self.doc[start - 2].whitespace_
                    and (self.doc[start - 2].head.i == tok.i or start - 1 < tok.i)
                ):
                    start -= 2  # "Haji-abad", "Mazar-e-Sharif"
                else:
                    break
            span = self.doc[start : tok.i + 1]
        else:
            return None
        while len(span) > 1 and span[-1].tag_ == "POS":
            span = span[:-1]
        if not self._cap(span[0]):
            return None
        if span[0].is_sent_start and span[0].pos_ not in ("PROPN",) and label not in PLACE_ENTS:
            return None  # "Mobile phone footage": capitalised because it starts the sentence
        if span.text.lower() in NOT_NAMES or (len(span.text) == 1 and span.text.isalpha()):
            return None
        if self._aged(span) and strength < 3:
            return None  # "Downey, 72, was captured": a person's age
        if len(span) == 1 and span[0].lower_ in PORTIONS | SERIES:
            return None  # "Much of Pervomayskaya was destroyed"
        if span[-1].lower_.rsplit("-", 1)[-1] in BACKED:
            return None  # "a U.S.-run prison": who runs it, not where it is
        if len(span) > 1 and span[-1].lower_ in MISSIONS:
            return None  # "the Danish Embassy in Islamabad": whose it is; the town is where
        places = self.gz.lookup(span.text)
        known = bool(places)
        # "Tal Mustawi", "Dahiyat Al-Assad", "Mount Hermon": a word for a place opens the name
        prefixed = len(span) > 1 and _bare(span[0].text) in PLACE_PREFIXES
        # "the village of Sousan": a name a settlement noun introduces is the settlement's,
        # however the tagger reads it
        settled = (
            strength >= 2
            and tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in SETTLEMENTS
            and tok.tag_ not in ("NNS", "NNPS")  # "Shiite Muslims": a people, misparsed
        )
        if label == "NORP" and (not (known or settled) or strength < 1 or self._demonym(span.text)):
            return None  # "Syrian", "Kurdish"; but the tagger calls some towns NORP
        if span.start > 0 and self.doc[span.start - 1].lower_ == "ethnic":
            return None  # "ethnic Amhara settlers": a people
        if not known and self._demonym(span.text):
            return None  # "the southern Angolan city of Benguela"
        if (
            tok.i in self.in_name
            and not (known and label in PLACE_ENTS)
            and strength < 3
            and not (prefixed and self.in_name[tok.i].start > span.start)
        ):
            return None  # "the Islamic State", "Hicks": an organisation or a person
        if not known and any(t.lower_ in ORG_WORDS for t in span):
            return None  # "the Patriotic Union of Kurdistan", "the Social Democratic Alliance"
        # "captured Jaffna" with Jaffna tagged a person: a well-known place under its own name
        town = strength >= 1 and self._well_known(
            [n.place for n in self.gz.named(span.text) if not n.alternate]
        )
        if tok.i in self.people and strength == 1 and not prefixed and not town:
            return None  # "Khadr was captured": a person, whatever the gazetteer says
        proper = tok.pos_ == "PROPN" or (
            len(span) > 1 and tok.i != tok.sent.start and any(t.pos_ == "PROPN" for t in span)
        )  # "the South China Sea", "the Golan Heights": a capitalised noun closing a name
        if not proper and label not in PLACE_ENTS and not known:
            return None
        if label in PLACE_ENTS or prefixed:
            ok = strength >= 1 or known
        elif known and label not in ("PERSON", "ORG", "PRODUCT"):
            ok = strength >= 1 or any(p.feature in ("country", "admin1", "region") for p in places)
        elif known and label in ("PRODUCT", "PERSON", "ORG") and town and tok.i not in self.in_name:
            ok = True  # "their advance on Manbij" with Manbij tagged a product
        else:
            ok = strength >= 2 and (label not in ("PERSON", "ORG") or tok.dep_ not in ("nsubj",))
        if not ok:
            return None
        facility = label == "FAC" or span[-1].lower_ in FACILITIES
        # "Church of the Nativity", "Tomb of the Patriarchs": a building named after its use
        facility = facility or (
            len(span) > 2 and span[1].lower_ == "of" and not known and span[0].lower_ in FACILITIES
        )
        return Toponym(
            span.start, span.end, tok.i, span.start_char, span.end_char,
            self.text[span.start_char : span.end_char], [],
            facility=facility,
        )  # fmt: skip

    def _aged(self, span: Span) -> bool:
        """A name followed by an age: "Downey, 72,"."""
        doc = self.doc
        k = span.end
        return (
            k + 2 < len(doc)
            and doc[k].text == ","
            and doc[k + 1].like_num
            and doc[k + 1].text.isdigit()
            and 0 < int(doc[k + 1].text) < 120
            and doc[k + 2].text in (",", ")")
        )

    def _well_known(self, places: list[Place]) -> bool:
        """A country, a first-level region or a town of 50,000 people or more."""
        return any(
            p.feature in ("country", "admin1", "region") or p.population >= 50_000 for p in places
        )

    def _cap(self, tok: Token) -> bool:
        """Capitalised as written (the parser's copy of a headline may be lower-cased)."""
        return _capitalised(self.text[tok.idx : tok.idx + len(tok)])

    def _demonym(self, word: str) -> bool:
        """ "Arab", "Syrian": a people, however many towns share the name."""
        from ..actors.dictionary import load_dictionary

        return any(e.kind == "demonym" for e in load_dictionary(()).lookup(word.split()))

    def _is_country(self, t: Toponym) -> bool:
        return any(p.feature == "country" for p in self.gz.lookup(t.text))

    def np_places(self, n: Token, strength: int, depth: int = 0) -> list[tuple[Toponym, float]]:
        """Place names in the noun phrase headed by `n` with a penalty each: specific first."""
        out: list[tuple[Toponym, float]] = []
        for k, (t, d) in enumerate(self._np_walk(n, strength, depth)):
            out.append((t, 0.04 * d + 0.015 * min(k, 3)))
        return out

    def _np_walk(self, n: Token, strength: int, depth: int) -> Iterator[tuple[Toponym, int]]:
        if depth > 4:
            return
        top = self.toponym(n, strength)
        if top is not None:
            yield top, depth
            for c in n.children:
                if c.dep_ == "conj":
                    t2 = self.toponym(c, strength)
                    if t2 is not None:
                        yield t2, depth
            return
        lemma = n.lemma_.lower()
        is_place = lemma in PLACE_NOUNS or n.lower_ in PLACE_NOUNS
        if not is_place and lemma in PORTIONS and strength >= 1:
            is_place = True  # "captured more than half of Zaire"
        relative = lemma in RELATIVE or n.lower_ in RELATIVE
        kids = list(n.children)
        name = self.in_name.get(n.i)
        if name is not None:
            # "the Islamic State in Iraq": a place inside a name is no place of the event;
            # "U.N. forces in Bunia": one after it is
            kids = [c for c in kids if c.i >= name.end and c.dep_ == "prep"]
            is_place = relative = False

        def named_modifiers(possessors: bool) -> Iterator[tuple[Toponym, int]]:
            # "her Reshimbagh residence", "Helmand province", "at Siinaay junction", nearest
            # first; possessors last and only known places ("Sarajevo's streets", not "the
            # army's positions"); on other nouns only names that are no country ("a US strike"),
            # and never the country that owns a building ("the US embassy")
            deps = ("poss",) if possessors else ("compound", "nmod", "amod")
            mods = list(kids)
            for c in kids:  # "the Kweyris air base": a name on a lower-case compound
                if c.dep_ == "compound" and not self._cap(c):
                    mods.extend(g for g in c.children if g.dep_ == "compound")
            for c in sorted(mods, key=lambda k: -k.i):
                if c.dep_ not in deps or c.i > n.i:
                    continue
                label = self.ent_of[c.i].label_ if c.i in self.ent_of else ""
                level = 2 if is_place else min(strength, 1)
                if label in ("ORG", "PERSON") and lemma in OWNED:
                    level = min(level, 1)
                t = self.toponym(c, level)
                if t is None:
                    continue
                known = self.gz.lookup(t.text)
                if (possessors or c.pos_ == "ADJ") and not (known or label in ("GPE", "LOC")):
                    continue  # "ChevronTexaco's terminal", "Shi'i neighbourhoods"
                country = any(p.feature == "country" for p in known)
                if country and (not is_place or lemma in OWNED):
                    continue
                if possessors and not is_place:
                    continue
                if lemma in HELD and not known and label not in ("GPE", "LOC"):
                    continue  # "raided Uber offices", "the JFS positions": whose, not where
                if lemma in PREMISES and not possessors and not known:
                    t.facility = True  # "the Max shopping center": a building's own name
                yield t, depth

        def of_places() -> Iterator[tuple[Toponym, int]]:
            # "the city of Mosul", "the streets of Katmandu", "north of Baghdad"
            for c in kids:
                if (
                    c.dep_ == "prep"
                    and (c.lower_ == "of" or (c.lower_ == "to" and lemma in ENTRANCES))
                    and (is_place or relative or strength >= 2)
                ):
                    for g in c.children:
                        if g.dep_ != "pobj":
                            continue
                        walk: Iterator[tuple[Toponym, int]]
                        if lemma in OWNED:  # "the offices of the PUK": an owner, not a place
                            walk = (
                                (t, d)
                                for t, d in self._np_walk(g, 1, depth + 1)
                                if not self._is_country(t)
                            )
                        elif is_place or relative:
                            walk = self._np_walk(g, 2, depth)
                        elif lemma not in OF_IDIOMS or lemma in SERIES:
                            walk = self._np_walk(g, 1, depth + 1)
                        elif strength >= 2 and (n.pos_ == "NUM" or lemma in QUANTITIES):
                            # "in the parking lot of one of the stores in suburban Phoenix"
                            walk = self._np_walk(g, 1, depth + 1)
                        else:
                            continue
                        for t, d in walk:
                            t.relative = t.relative or relative
                            yield t, d

        determined = any(c.dep_ == "det" for c in kids)
        if lemma in AREA_NOUNS or not determined:  # "the Ghazi Qala area of Ghazni city"
            yield from named_modifiers(False)
            yield from of_places()
        else:  # "the West Bank city of Nablus": the container comes after the town
            named_of = list(of_places())
            yield from named_of
            if strength >= 1:
                for t, d in named_modifiers(False):
                    yield t, d + (1 if named_of else 0)
        yield from named_modifiers(True)
        # "a gold mine north of Bunia"
        for c in kids:
            if c.dep_ in ("advmod", "npadvmod") and c.lower_ in RELATIVE:
                for t, d in self._np_walk(c, 2, depth + 1):
                    t.relative = True
                    yield t, d
        # "a hostel adjoining the Church of the Nativity", "a base located near Tikrit"; "a
        # car bomb attack that targeted a gendarme post in Rouiba"
        for c in kids:
            if (c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and depth < 3) or (
                c.dep_ == "relcl"
                and depth < 2
                and (lemma in EVENT_NOUNS or lemma in ATTACKS)
                and c.lemma_.lower() not in SPEECH | BACKGROUND
            ):
                for f in self._descend(c, 1.0, False, 2):
                    yield f.toponym, depth + 1
        # "the capital, Kabul"; not "their leader Yasser Arafat"
        for c in kids:
            if c.dep_ == "appos":
                yield from self._np_walk(c, 2 if is_place else min(strength, 1), depth + 1)
        # "a refugee camp in Jenin", "positions near Tikrit"
        for c in kids:
            if (c.dep_ == "prep" or (c.dep_ == "advmod" and c.lower_ in ADV_PREPS)) and (
                c.lower_ in LOC_PREPS
                or c.lower_ in ADV_PREPS
                or (c.lower_ == "over" and is_place)
                or (  # "a factory on the outskirts of Khartoum"
                    c.lower_ in ("on", "upon")
                    and any(g.lemma_.lower() in PLACE_NOUNS for g in self._pp_objects(c))
                )
            ):
                for g in self._pp_objects(c):
                    yield from self._np_walk(g, 2, depth + 1)
        for c in kids:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                yield from self._np_walk(c, strength, depth + 1)

    # -- paths from an event word ----------------------------------------------------------
    def _prep_weight(self, v: Token, prep: Token, visit: bool) -> float:
        """How surely the object of `prep` on the word `v` is where `v` happened (0: not)."""
        p = prep.lower_
        lemma = v.lemma_.lower()
        if p in ADV_PREPS and p not in LOC_PREPS:
            return ADV_PREPS[p] if any(True for _ in self._pp_objects(prep)) else 0.0
        if p in ("towards", "toward") and v.i != self._event_i:
            return 0.0  # "killed before the rest withdrew towards Manbij": not where it happened
        if p in LOC_PREPS:
            return LOC_PREPS[p]
        objs = list(self._pp_objects(prep))
        if p in ("on", "upon", "over") and any(o.lemma_.lower() in PLACE_NOUNS for o in objs):
            return 0.85  # "protested on a central square of Berlin", "on Jolo island"
        if p == "for" and lemma in BATTLES:
            return 0.8  # "the battle for Sharqat"
        if p == "to":  # only the event's own movement: "captured them and shipped them to X"
            moving = lemma in MOTION and (v.i == self._event_i or v.i in self._purpose)
            return 0.85 if moving or visit else 0.0
        if p in ("on", "upon", "against"):
            return 0.8 if lemma in ATTACKS or v.lower_ in ATTACKS else 0.0
        if p == "over":
            return 0.0 if lemma in SPEECH or lemma in EVENT_NOUNS - ATTACKS else 0.7
        if p == "from" and lemma in SPEECH | {"speak", "address", "broadcast", "write", "call"}:
            return 0.8  # "Speaking from Berlin": where the speaker is
        if p == "from" and v.i == self._event_i:
            return 0.45 if lemma in MOTION | {"fire", "launch", "operate"} else 0.0
        return 0.0

    def _pp_objects(self, prep: Token) -> Iterator[Token]:
        """The objects of a preposition and of the prepositions coordinated with it."""
        for p in [prep, *(c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP")]:
            for g in p.children:
                if g.dep_ in ("pobj", "pcomp"):
                    yield g
                elif g.dep_ == "prep" and g.lower_ in ("of", "to") and p.lower_ in ADV_PREPS:
                    # "out of a courthouse", "next to a bus station", "inside of Inkhil"
                    yield from (o for o in g.children if o.dep_ in ("pobj", "pcomp"))

    def _nested(self, n: Token, w: float, depth: int) -> Iterator[Found]:
        """Locative phrases the parser hung inside an argument ("killed by snipers in Mallouh")."""
        if depth > 3 or w < 0.2:
            return
        for c in n.children:
            if c.dep_ == "prep":
                p = c.lower_
                if p in LOC_PREPS and n.lemma_.lower() in TITLES and not self._acted_on(n):
                    continue  # "X, the group's leader in Mosul, was killed": where he led
                if p in LOC_PREPS:
                    for g in self._pp_objects(c):
                        for t, d in self.np_places(g, 2):
                            yield Found(t, w * LOC_PREPS[p] - d, "nested locative phrase")
                elif p == "of" and n.lemma_.lower() in RESIDENTS | PLACE_NOUNS:
                    # "residents of Kasumbalesa", "the provinces of Idlib and Aleppo"
                    rule = (
                        "residents of a place" if n.lemma_.lower() in RESIDENTS else "place named"
                    )
                    for g in self._pp_objects(c):
                        for t, d in self.np_places(g, 2):
                            yield Found(t, w - d, rule)
                elif p == "of" and n.lemma_.lower() in SERIES:
                    for g in self._pp_objects(c):  # "during a series of raids in Tikrit"
                        yield from self._nested(g, w, depth + 1)
                elif (
                    p == "of"
                    and n.lemma_.lower() in OF_PLACE
                    and n.dep_ == "pobj"
                    and n.head.lower_ in ("during", "in", "amid", "amidst", "throughout")
                ):
                    for g in self._pp_objects(c):  # "captured during the invasion of Panama"
                        for t, d in self.np_places(g, 2):
                            yield Found(t, w * 0.8 - d, "place of the event noun")
                elif p == "of" and (n.pos_ == "NUM" or n.lemma_.lower() in QUANTITIES):
                    for g in self._pp_objects(c):  # "killed dozens of people in Hasakah"
                        yield from self._nested(g, w, depth + 1)
                elif (p in ("on", "upon", "against") and n.lemma_.lower() in ATTACKS) or (
                    p == "for" and n.lemma_.lower() in BATTLES
                ):
                    for g in self._pp_objects(c):
                        for t, d in self.np_places(g, self._target_level(g)):
                            yield Found(t, w * 0.8 - d, "target of an attack")
                elif p == "over":
                    for g in self._pp_objects(c):  # "shot down two helicopters over Iraq"
                        for t, d in self.np_places(g, 1):
                            yield Found(t, w * 0.7 - d, "nested locative phrase")
                elif p not in ("according", "of", "like", "than", "as"):
                    for g in self._pp_objects(c):
                        yield from self._nested(g, w * 0.8, depth + 1)
            elif (
                c.dep_ in ("relcl", "acl")
                and n.dep_ == "nsubj"
                and n.lemma_.lower() in EVENT_NOUNS | ATTACKS | DEVICES
                and c.lemma_.lower() not in SPEECH | BACKGROUND
            ):
                # "a bomb that ripped through a disco in X killed five": the subject's own
                # clause tells where the attack or the blast was
                yield from self._descend(c, w * 0.9, False, depth + 1)
            elif c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"):
                yield from self._descend(c, w * 0.6, False, depth + 1)
            elif c.dep_ == "appos":  # "Abdullah Kawasme, the Hamas leader in Hebron"
                yield from self._nested(c, w * 0.9, depth + 1)
            elif (
                c.dep_ == "relcl"
                and n.dep_ in ("dobj", "nsubjpass", "pobj")
                and depth <= 1
                and (c.tag_ == "VBG" or (n.dep_ == "pobj" and n.head.dep_ == "agent"))
                and c.lemma_ not in ("have", "be", "base", "live", "lead", "head", "command")
            ):
                # "shot a man who was riding home in X": what the victim was doing then;
                # "shot by gunmen who waited for him inside ...": where the attackers were
                yield from self._descend(c, w * 0.6, False, depth + 1)
            elif c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and n.pos_ in ("NOUN", "PROPN"):
                # "shot a policeman and a boy in the town of Tulkarm"
                yield from self._nested(c, w, depth + 1)

    def _held_by(self, obj: Token) -> Token | None:
        """ "targeting the Syrian Army (SAA) controlled villages of X": the parser makes
        "controlled" a verb of its own, with the villages its object; they are the object of
        the verb before, and the group before "controlled" only says who holds them."""
        k = obj.right_edge.i + 1
        if k >= len(self.doc) or obj.dep_ != "dobj":
            return None
        held = self.doc[k]
        if (
            held.lower_ in BACKED
            and held.tag_ in ("VBN", "VBD")
            and held.dep_ in ("advcl", "conj", "acl", "dep")
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in held.children)
            and any(g.dep_ == "dobj" for g in held.children)
        ):
            return held
        return None

    def _target_level(self, g: Token) -> int:
        """How surely the object of an attack is a place: "air strikes on ISIL" is a group,
        "the assault on Souran" a town: a bare name no tagger or dictionary calls anyone's."""
        if g.lemma_ in PLACE_NOUNS:
            return 2
        ent = self.ent_of.get(g.i)
        if (
            g.pos_ == "PROPN"
            and (ent is None or ent.label_ not in ("PERSON", "ORG", "NORP"))
            and g.i not in self.in_name
            and g.i not in self.people
            and not any(m.start <= g.i < m.end for m in self.analysis.mentions)
        ):
            return 2
        return 1

    @staticmethod
    def _acted_on(n: Token) -> bool:
        """The object of a verb, or in apposition to one ("shot Kamal, a mayor in X")."""
        return n.dep_ == "dobj" or (n.dep_ == "appos" and n.head.dep_ == "dobj")

    def _descend(
        self, x: Token, w: float, visit: bool, depth: int = 0, skip: int | None = None
    ) -> Iterator[Found]:
        """Rules 1-3 and the clauses below: what the word `x` governs, weighted by path."""
        if depth > 3 or w < 0.2:
            return
        lemma = x.lemma_.lower()
        speech = lemma in SPEECH
        subj = [c.i for c in x.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        for c in x.children:
            if c.i == skip:
                continue
            dep = c.dep_
            if dep == "advmod" and c.lower_ in ADV_PREPS:
                dep = "prep"  # "exploded next to a bus station", "close to the market of X"
            if dep in ("prep", "agent", "dative"):
                pw = self._prep_weight(x, c, visit)
                if subj and c.i < min(subj):
                    pw *= 0.7  # "In Hama province, terrorists shelled the village of X": a frame
                for g in self._pp_objects(c):
                    if g.ent_type_ in ("DATE", "TIME") and c.lower_ in ("in", "on", "at", "during"):
                        for r in g.children:  # "occurred in April, when a blast killed ..."
                            if r.dep_ == "relcl":
                                yield from self._descend(r, w * 0.55, False, depth + 1)
                    if pw:
                        rule = "locative phrase" if depth == 0 else "locative phrase below"
                        # "air strikes on ISIL": the object of an attack is a place only by name
                        level = self._target_level(g) if c.lower_ in TARGET_PREPS else 2
                        places = self.np_places(g, level)
                        for t, d in places:
                            yield Found(t, w * pw - d, f"{rule} '{c.text}'")
                        if not places and not speech:
                            # "killed in the fight for Sharqat", "in a clash with settlers in X"
                            yield from self._nested(g, w * pw * 0.85, depth)
                    elif (
                        c.lower_ == "of"
                        and x.pos_ == "NOUN"
                        and (lemma in PLACE_VERBS or lemma in OF_PLACE)
                    ):
                        for t, d in self.np_places(g, 2):
                            yield Found(t, w * 0.9 - d, "place of the event noun")
                    elif g.pos_ in ("VERB", "AUX"):  # "responded by launching airstrikes on X"
                        if c.lower_ == "before" and g.lemma_.lower() in AFTERWARDS:
                            continue  # "captured before being transferred to X": later
                        if c.lower_ in ("by", "after", "before", "while", "during", "in", "on"):
                            yield from self._descend(g, w * 0.8, visit, depth + 1)
                    elif not speech and c.lower_ not in (
                        "according",
                        "of",
                        "like",
                        "than",
                        "towards",
                    ):
                        yield from self._nested(g, w * 0.75, depth)
            elif dep in ("dobj", "nsubjpass", "obj", "oprd"):
                if lemma in PLACE_VERBS or (visit and dep == "dobj"):
                    strength = 3 if lemma in PLACE_ONLY or visit else 1
                    for t, d in self.np_places(c, strength):
                        if strength == 1 and t.head == c.i and not self.gz.lookup(t.text):
                            # "captured Ocalan in Nairobi": a name no gazetteer knows, taken
                            # by a verb that takes people too, yields to the verb's own place
                            d += 0.15
                        yield Found(t, w - d, "place acted on")
                    held = self._held_by(c)
                    if held is not None:
                        yield from self._descend(held, w, visit, depth + 1)
                elif not speech:
                    yield from self._nested(c, w * 0.7, depth)
            elif dep in ("nsubj", "attr") and (not speech or lemma == "protest"):
                # "Kurdish activists in Germany protested against the arrest": where they are
                yield from self._nested(c, w * (0.8 if dep == "attr" else 0.6), depth)
            elif dep in ("compound", "nmod", "amod", "npadvmod") and x.pos_ == "NOUN":
                mod = self.toponym(c, 1)
                if mod is not None and not self._is_country(mod):
                    yield Found(mod, w * 0.9, "place-name modifier")
            elif dep == "poss" and x.pos_ == "NOUN":
                mod = self.toponym(c, 0)
                if mod is not None and self.gz.lookup(mod.text):
                    yield Found(mod, w * 0.6, "place as possessor")
            elif dep == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
                yield from self._before_date(x, c, w)
            elif dep in ("advmod", "npadvmod") and c.lower_ in RELATIVE:
                for t, d in self.np_places(c, 1):
                    yield Found(t, w * 0.8 - d, "reference point")
            elif dep == "acl" or (dep == "conj" and c.pos_ not in ("VERB", "AUX")):
                # "111 injured in attacks in Algeria" (a parse that hangs the verb on a number)
                for g in [c, *c.children] if dep == "conj" else [c]:
                    if g.dep_ == "acl":
                        yield from self._descend(g, w * 0.7, False, depth + 1)
            elif dep == "xcomp":
                yield from self._descend(c, w * 0.9, visit, depth + 1)
            elif dep == "conj" and c.pos_ in ("VERB", "AUX"):
                if c.i > x.i and c.lemma_.lower() in AFTERWARDS:
                    continue  # "was captured and spent seven years in a Jakarta jail": later
                own_subject = any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                yield from self._descend(c, w * (0.6 if own_subject else 0.85), visit, depth + 1)
            elif dep == "advcl":
                marks = {g.lower_ for g in c.children if g.dep_ in ("mark", "advmod")}
                has_subj = any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                if marks & {"before", "until"} and c.lemma_.lower() in AFTERWARDS:
                    continue  # "captured them before they were freed in X": later
                if marks & TIME_MARKS:
                    yield from self._descend(c, w * 0.55, False, depth + 1)
                elif not has_subj and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                    # "launched an assault to recover the villages of X"
                    yield from self._descend(c, w * 0.8, False, depth + 1)
                elif not marks and not has_subj and c.tag_ in ("VBG", "VBN"):
                    # "Speaking from Berlin, ...": a participle that frames the clause
                    yield from self._descend(c, w * 0.5, False, depth + 1)

    def _before_date(self, x: Token, date: Token, w: float) -> Iterator[Found]:
        """ "patrolled Harare Saturday", "marched in the capital Warsaw Friday": the parser
        hangs the name on the date; it belongs to the slot before it."""
        for g in date.children:
            if g.dep_ != "compound" or g.i > date.i or g.ent_type_ in ("DATE", "TIME"):
                continue
            first = min(t.i for t in g.subtree)
            prev = self.doc[first - 1] if first > 0 else None
            if prev is not None and (
                prev.lemma_.lower() in PLACE_NOUNS
                or (prev.dep_ == "pobj" and prev.head.lower_ in LOC_PREPS)
                or prev.lower_ in LOC_PREPS
            ):
                strength = 2
            elif prev is not None and prev.i == x.i and x.lemma_.lower() in PLACE_VERBS:
                strength = 1
            else:
                continue
            top = self.toponym(g, strength)
            if top is not None:
                yield Found(top, w * 0.95, "name before a date")

    def found(self, v: Token, cand: Candidate | None = None) -> list[Found]:
        """Every place reachable from the event word `v`, with its rule and weight."""
        taken = [c.lemma_.lower() for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if v.lemma_.lower() in SEIZE and taken and all(t in PRIZES for t in taken):
            return []  # "captured the title", "captured the public imagination": no seizure
        if v.lemma_.lower() in SEIZE | {"shoot"} and (
            (taken and all(t in MEDIA for t in taken))
            or any(
                c.dep_ == "prep" and c.lower_ == "on" and g.lemma_.lower() in MEDIA
                for c in v.children
                for g in c.children
            )
        ):
            return []  # "captured on camera", "the film was shot in Slovenia": a recording
        if (
            v.lemma_.lower() == "shoot"
            and any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children)
            and not taken
        ):
            return []  # "fuel prices shot up in Kinshasa": a rise, no shooting
        if v.lemma_.lower() in SHOW and any(c.dep_ in ("ccomp", "nsubjpass") for c in v.children):
            return []  # "demonstrated that it is seeking", "was demonstrated": showing, no protest
        visit = cand is not None and cand.event_type == "CONSULT" and cand.mode in ("visit", None)
        visit = visit or v.lemma_.lower() in ("visit", "trip", "tour", "journey")
        self._event_i = v.i
        self._purpose = set()
        # "flew to Damascus for talks", "went to Baghdad to meet Abadi": the movement's end
        x = v
        for _ in range(3):
            if x.dep_ == "pobj" and x.head.lower_ == "for" and x.head.head.i != x.head.i:
                self._purpose.add(x.head.head.i)
            elif x.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" for c in x.children):
                self._purpose.add(x.head.i)
            if x.head.i == x.i:
                break
            x = x.head
        out: list[Found] = list(self._descend(v, 1.0, visit))
        lemma = v.lemma_.lower()
        if (
            v.dep_ == "amod"
            and v.tag_ == "VBG"
            and v.head.i == v.i + 1
            and any(
                t.lemma_ == "be" and all(u.pos_ == "ADV" for u in self.doc[t.i + 1 : v.i])
                for t in self.doc[max(v.sent.start, v.i - 3) : v.i]
            )
            and lemma in PLACE_VERBS
        ):
            # "troops are patrolling Nablus" parsed as an adjective on "Nablus": its object
            strength = 3 if lemma in PLACE_ONLY else 1
            for t, d in self.np_places(v.head, strength):
                out.append(Found(t, 1.0 - d, "place acted on"))
        # rule 4: up the clause, to the verb that carries a noun and to coordinated verbs
        cur, w = v, 0.75
        for _ in range(4):
            if (
                cur.dep_ == "relcl"
                and cur.head.pos_ in ("NOUN", "PROPN")
                and cur.lemma_.lower() not in SPEECH
            ):
                # "the poison gas release in the Tokyo subway that killed 12"
                for t, d in self.np_places(cur.head, 1):
                    out.append(Found(t, w * 0.8 - d, "place of the antecedent"))
                break
            if cur.head.i == cur.i or cur.dep_ not in CLIMB_DEPS:
                break
            head = cur.head
            if cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj") and (
                head.lemma_.lower() in SPEECH
            ):
                break  # "condemned the attack": the statement's place is not the attack's
            if head.pos_ in ("VERB", "AUX", "NOUN"):
                out.extend(self._descend(head, w, visit, 1, skip=cur.i))
            cur = head
            w *= 0.85
        out.extend(self._fronted(v))
        out.extend(self._requested_by(v))
        out.extend([a for f in out if f.toponym.relative for a in self._described(f)])
        out.extend([a for f in out for a in self._contained(f)])
        return out

    def _contained(self, f: Found) -> Iterator[Found]:
        """ "in Lucciana, in upper Corsica": a locative phrase set off after a place's name says
        what contains that place; the name before is the place, however the parser hung the two."""
        tok = self.doc[f.toponym.head]
        for _ in range(4):
            if tok.dep_ == "pobj" and tok.head.lower_ in LOC_PREPS:
                break
            if tok.head.i == tok.i:
                return
            tok = tok.head
        else:
            return
        prep = tok.head
        if prep.i < 3 or self.doc[prep.i - 1].text != ",":
            return
        last = self.doc[prep.i - 2]
        if last.dep_ != "pobj" or not (
            last.head.lower_ in LOC_PREPS
            or (last.head.lower_ == "of" and last.head.head.lower_ not in RELATIVE)
        ):
            return  # not "East of Baquba, in Balad Ruz": a reference point
        if any(t.i == last.i for t in prep.ancestors):
            return  # "Lucciana" -> "in Corsica": the parser has it; the walk took the name
        name = self.toponym(last, 2)
        if name is not None and name.end == prep.i - 1:
            yield Found(name, f.weight, "place its container describes")

    def _described(self, f: Found) -> Iterator[Found]:
        """ "in Fallujah, 50 km west of Baghdad": a reference point set off after a name tells
        where that name is; the name is the place, however the parser hung the two."""
        ref = self.doc[f.toponym.head]
        for _ in range(4):  # up from "Baghdad" to "west" and "km": the reference expression
            if ref.lower_ in RELATIVE and ref.head.lower_ not in RELATIVE:
                break
            if ref.head.i == ref.i:
                return
            ref = ref.head
        else:
            return
        first = ref.left_edge.i
        if first < 2 or self.doc[first - 1].text != "," or ref.i < self.doc[first - 2].i:
            return
        name = self.toponym(self.doc[first - 2], 2)
        if name is not None and name.end == first - 1:
            yield Found(name, f.weight, "place a reference point describes")

    def _fronted(self, v: Token) -> Iterator[Found]:
        """Rule 5: "In Nablus, ..." before the main clause's subject frames the sentence."""
        sent = v.sent
        root = sent.root
        subj = [c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        first = min(subj) if subj else root.i
        for c in root.children:
            if c.i >= first or any(t.i > first for t in c.subtree):
                continue
            if c.dep_ == "prep" and c.lower_ in LOC_PREPS:
                preps = [c]
            elif c.dep_ in ("prep", "advmod", "npadvmod"):
                # "Earlier in Khan Younis, ...", "On Tuesday in Kabul, ...", "Back in Tal Afar"
                preps = [
                    p
                    for g in (c, *c.children)
                    for p in g.children
                    if p.dep_ == "prep" and p.lower_ in LOC_PREPS
                ]
            else:
                continue
            for prep in preps:
                for g in prep.children:
                    if g.dep_ == "pobj":
                        for t, d in self.np_places(g, 2):
                            yield Found(t, 0.5 * LOC_PREPS[prep.lower_] - d, "fronted phrase")

    def _requested_by(self, v: Token) -> Iterator[Found]:
        """Rule 6: "at the request of the Syrian government": that government's country."""
        words = [v]
        while words[-1].dep_ in CLIMB_DEPS and words[-1].head.i != words[-1].i and len(words) < 4:
            words.append(words[-1].head)
        for c in (c for x in words for c in x.children):
            if c.dep_ != "prep" or c.lower_ not in ("at", "under", "upon", "on", "with", "by"):
                continue
            for noun in c.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in REQUEST_NOUNS:
                    continue
                for of in noun.children:
                    if of.dep_ != "prep" or of.lower_ != "of":
                        continue
                    for g in of.children:
                        m = self._country_mention(g)
                        if m is not None:
                            place = country_place(m.country)
                            if place is not None:
                                top = Toponym(
                                    m.start, m.end, m.head, m.start_char, m.end_char, m.text,
                                    [place],
                                )  # fmt: skip
                                yield Found(top, 0.4, "requested by its government")

    def _country_mention(self, tok: Token) -> Mention | None:
        for m in self.analysis.mentions:
            if (
                m.start <= tok.i < m.end
                and m.country
                and m.kind in ("country", "demonym", "role", "capital")
                and m.sector in ("GOV", None)
            ):
                return m
        return None

    # -- choosing and resolving -----------------------------------------------------------
    def resolve(self, top: Toponym) -> Place:
        """The likeliest place for a name, in the light of the places around it."""
        if top.places:
            return top.places[0]
        ctx: dict[str, float] = dict(self.context_for(top.text))
        for iso3 in self._containers(top):
            ctx[iso3] = 2.0
        ranked = self.gz.ranked(top.text, ctx)
        if ranked:
            return ranked[0]
        country = next(iter(self._containers(top)), None) or self._article_country()
        feature = "facility" if top.facility else "locality"
        return Place(_name(top.text), country, None, None, 0, feature)

    def context_for(self, name: str) -> Mapping[str, float]:
        """The article's countries as evidence for `name`, leaving out that name's own mentions."""
        if self._given is not None:
            return self._given
        key = fold(name)
        if key not in self._contexts:
            self._contexts[key] = article_context(self.analysis, self.gz, exclude=name)
        return self._contexts[key]

    def _containers(self, top: Toponym) -> list[str]:
        """Countries of the named places that contain this one in its sentence."""
        out: list[str] = []
        tok = self.doc[top.head]
        seen = set(range(top.start, top.end))
        # what follows it ("Musa Qala in Helmand province", "Tripoli, Lebanon") and possessors
        # ("Iraq's Nineveh province"), not the owner of a building ("the USA embassy in London")
        near = [t for t in tok.subtree if t.i >= top.end or t.dep_ == "poss"]
        # and the phrase it hangs in ("the Raman district of Yala province")
        cur = tok
        for _ in range(3):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                break
            near.extend(
                t
                for t in cur.subtree
                if t.i not in seen and t not in near and (t.i >= top.end or t.dep_ == "poss")
            )
        for t in near:
            ent = self.ent_of.get(t.i)
            if ent is not None and ent.label_ in ("GPE", "LOC") and t.i == ent.root.i:
                name = ent.text
            elif (
                (ent is None or ent.label_ in MISTAGGED)
                and t.pos_ == "PROPN"
                and t.dep_ == "pobj"
                and self._well_known(self.gz.lookup(t.text))
            ):
                name = t.text  # "in northern Aleppo" with Aleppo not tagged a place
            else:
                continue
            ranked = self.gz.ranked(name, self.context_for(name))
            if ranked and ranked[0].country and ranked[0].country not in out:
                out.append(ranked[0].country)
        return out

    def _article_country(self) -> str | None:
        strong = [c for c, w in self.context_for("").items() if w >= 1.0]
        return strong[0] if len(strong) == 1 else None

    def best(self, v: Token, cand: Candidate | None = None) -> Found | None:
        """The place of the event at `v`: the strongest path, then the most specific name."""
        found = self.found(v, cand)
        if not found:
            return None

        def key(f: Found) -> tuple[float, int]:
            place = self.resolve(f.toponym)
            f.toponym.places = [place]
            s = f.weight + SPECIFIC.get(place.feature, 0.0)
            if f.toponym.relative:
                s -= 0.3
            return (s, -abs(f.toponym.start - v.i))

        top = max(found, key=key)
        if top.toponym.places and top.toponym.places[0].feature == "facility":
            town = self._site_town(top)
            if town is not None:
                return town
        return top

    def _site_town(self, f: Found) -> Found | None:
        """ "outside the Al-Midan Theater in Haifa", "near New York's Plaza Hotel": what happens
        near a building named with its town happens in the town (but "stormed the Kindi
        Hospital in Aleppo", "at the Al-Quds Hospital" are at the building)."""
        site = self.doc[f.toponym.head]
        sites = [site]
        if site.dep_ == "compound" and site.head.lower_ in FACILITIES:
            sites.append(site.head)  # "the Rio Rosas bar in Chihuahua"
        up = sites[-1]
        while up.dep_ == "appos" and up.head.i != up.i:
            up = up.head  # "near the holiest shrine, the Tooth Relic Temple in Kandy"
        if not (up.dep_ == "pobj" and up.head.lower_ in NEAR):
            return None
        names = [c for x in sites for c in x.children if c.dep_ == "poss"]
        names += [
            g
            for x in sites
            for c in x.children
            if c.dep_ == "prep" and c.lower_ in ("in", "of") and c.i >= f.toponym.end
            for g in c.children
            if g.dep_ == "pobj"
        ]
        for g in names:
            name = self.toponym(g, 2)
            if name is None:
                continue
            place = self.resolve(name)
            if place.feature in ("city", "locality", "district") and place.country:
                name.places = [place]
                return Found(name, f.weight, "town of the site")
        return None

    def location(self, v: Token, cand: Candidate | None = None) -> Location | None:
        f = self.best(v, cand)
        if f is None:
            return None
        top = f.toponym
        place = top.places[0] if top.places else self.resolve(top)
        return Location(
            name=place.name,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            start=top.start_char,
            end=top.end_char,
            text=self.text[top.start_char : top.end_char],
            geonameid=place.geonameid,
            feature=place.feature,
        )

    def locate(self, cand: Candidate, analysis: Analysis) -> Location | None:
        """The location of a trigger candidate."""
        return self.location(self.doc[cand.trigger], cand)


def _name(words: str) -> str:
    w = words.strip()
    return w[4:] if w.lower().startswith("the ") else w


def country_place(iso3: str | None) -> Place | None:
    """A country of wirecoder's table as a place."""
    from ..actors.dictionary import load_dictionary

    c = load_dictionary(()).countries.get(iso3 or "")
    if c is None:
        return None
    return Place(c.name, c.iso3, c.lat, c.lon, c.population, "country")


def article_context(
    analysis: Analysis, gz: Gazetteer, exclude: str | None = None
) -> dict[str, float]:
    """How much the article is about each country, as evidence for ambiguous names.

    The country most of the article's unambiguous towns and regions are in weighs 1; other
    such countries and countries named outright 0.6 (a country is often an actor, "the US
    embassy"); the actor stage's country of the article 0.8; any actor's country or people
    0.4. A capital named as an actor ("Tripoli said") is no evidence: it is the very name
    that may need resolving, and neither is any mention of `exclude`, the name being resolved
    ("Georgia" is no evidence that "Georgia" is the country).
    """
    doc = analysis.doc
    assert doc is not None
    skip = fold(exclude).removeprefix("the ") if exclude else None
    towns: Counter[str] = Counter()
    countries: set[str] = set()
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC", "PERSON", "ORG"):
            continue
        if skip is not None and fold(ent.text).removeprefix("the ") == skip:
            continue
        named = gz.named(ent.text)
        iso3 = _dominant(gz, named)
        if iso3 is None:
            continue
        if ent.label_ not in ("GPE", "LOC", "FAC") and not any(
            n.place.feature == "country" or n.place.population >= 100_000 for n in named
        ):
            continue  # "Beirut" tagged as a person still counts; "Obama" does not
        if all(n.place.feature == "country" for n in named):
            countries.add(iso3)
        else:
            towns[iso3] += 1
    ctx: dict[str, float] = {}
    top = max(towns.values(), default=0)
    for c, n in towns.items():
        ctx[c] = 1.0 if n == top else 0.6
    for c in countries:
        ctx[c] = max(ctx.get(c, 0.0), 0.6)
    if analysis.primary_country:
        ctx[analysis.primary_country] = max(ctx.get(analysis.primary_country, 0.0), 0.8)
    for m in analysis.mentions:
        if m.country and m.kind != "capital":
            if skip is not None and skip in fold(m.text):
                continue
            ctx.setdefault(m.country, 0.4)
    return ctx


def _dominant(gz: Gazetteer, named: list[Named]) -> str | None:
    """The country a name stands for on its own: the only one, or one far ahead of the rest."""
    scored = sorted(
        ((gz.score(n), n.place.country) for n in named if n.place.country), reverse=True
    )
    if not scored:
        return None
    top, iso3 = scored[0]
    rival = next((s for s, c in scored[1:] if c != iso3), None)
    return iso3 if rival is None or top - rival >= 1.5 else None


def locate_token(
    analysis: Analysis,
    token_index: int,
    gazetteer: Gazetteer | None = None,
    *,
    context: Mapping[str, float] | None = None,
    candidate: Candidate | None = None,
) -> Location | None:
    """Where the event at token `token_index` happened (any word, a trigger or not)."""
    assert analysis.doc is not None
    finder = PlaceFinder(analysis, gazetteer or load_gazetteer(), context)
    return finder.location(analysis.doc[token_index], candidate)


class PlaceStage:
    """Resolves where each event happened against the offline gazetteer."""

    name = "place"
    requires = ("candidates", "mentions")
    assigns = ("candidates.location",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        if not analysis.candidates:
            return
        finder = PlaceFinder(analysis, resources.gazetteer)
        for cand in analysis.candidates:
            cand.location = finder.locate(cand, analysis)


__all__ = [
    "Found",
    "PlaceFinder",
    "PlaceStage",
    "Toponym",
    "article_context",
    "country_place",
    "fold",
    "locate_token",
]
