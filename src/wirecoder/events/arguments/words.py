"""Word lists the argument finder reads the parse with (what carries, asks, receives ...)."""

from __future__ import annotations

from ...places.stage import PLACE_NOUNS
from ..status import UNDOING

SUBJ = ("nsubj", "csubj", "expl")
TIMES = ("DATE", "TIME")
#: what an actor issues, passes or launches to act through: "X issued a statement urging Y"
CARRIER_NOUNS = {
    "statement", "report", "resolution", "letter", "message", "video", "communique",
    "declaration", "note", "petition", "decree", "order", "bill", "law", "memo", "tweet",
    "post", "editorial", "motion", "ruling", "verdict", "warrant", "operation", "campaign",
    "offensive", "directive", "circular", "notice", "ultimatum", "appeal", "proposal",
}  # fmt: skip
LISTABLE = {"country", "org", "user", "person", "capital"}
RECEIVE_VERBS = {
    "win",
    "receive",
    "get",
    "obtain",
    "secure",
    "accept",
    "gain",
    "extract",
    "hear",
    "welcome",
}
REQUEST_NOUNS = {
    "request",
    "invitation",
    "behest",
    "demand",
    "urging",
    "call",
    "order",
    "instruction",
}
#: Verbs that carry an event noun without adding an event of their own: their subject is the
#: noun's actor ("X launched an attack", "X held talks", "X claimed the attack").
LIGHT_VERBS = {
    "launch", "carry", "conduct", "stage", "mount", "hold", "have", "make", "begin", "start",
    "continue", "step", "intensify", "resume", "wage", "undertake", "pay", "give", "provide",
    "offer", "extend", "send", "deliver", "impose", "sign", "conclude", "reach", "issue",
    "announce", "claim", "perpetrate", "commit", "lead", "organize", "organise", "call", "declare",
    "unleash", "execute", "escalate", "expand", "renew", "plan", "order", "authorize", "authorise",
    "approve", "enter", "join", "host", "convene", "attend", "open", "seek", "ask", "request",
    "demand", "lodge", "file", "bring", "level", "press", "express", "voice", "grant",
    "pledge", "promise", "agree", "accept", "win", "secure", "get", "receive", "take", "do",
    "ramp", "boost", "increase", "keep", "maintain", "pursue", "use", "deploy", "threaten",
    "perform", "lay",
}  # fmt: skip
#: who calls off an event noun was to hold it: "cancelled a planned visit" (but others stop,
#: halt or suspend it too: "police stopped the attack")
CALLING_OFF = set(UNDOING) - {"stop", "halt", "suspend", "drop"}
#: Verbs that ask someone, named after a preposition, to act: "called on X to ...".
ASKING_PREPS = {("call", "on"), ("call", "upon"), ("appeal", "to"), ("plead", "with"),
                ("prevail", "on"), ("prevail", "upon"), ("rely", "on"), ("count", "on")}  # fmt: skip
#: Nouns that count or group events: "held a round of talks", "launched a wave of attacks".
SERIES_NOUNS = {"round", "series", "wave", "spate", "string", "volley", "barrage", "flurry",
                "set", "cycle", "campaign", "burst"}  # fmt: skip


#: material measures applied to a territory: with no actor to receive them, the place they
#: are imposed on or sent to is the recipient ("imposed a curfew in parts of Kashmir",
#: "strengthened its forces in Crimea", "the deployment of troops to Liberia")
PLACE_TARGET_TYPES = {"COERCE", "MOBILIZE", "AID", "SANCTION", "CONCEDE", "RETREAT"}
PLACE_PREPS = {"in", "into", "to", "across", "throughout", "inside", "within"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
#: a place a country's possessive names: "Ethiopia's Tigray region", "Syria's north"
POSSESSED_PLACES = PLACE_NOUNS | {"north", "south", "east", "west", "northeast", "northwest",
                                  "southeast", "southwest"}  # fmt: skip
#: what is asked of the place it is sought in: "sought refuge in Bangladesh"
REFUGE = {"refuge", "asylum", "shelter", "sanctuary"}
#: "used civilians as human shields", "held them as hostages"
USING_VERBS = {"use", "hold", "keep", "take", "exploit", "employ"}
#: "X claimed responsibility for the attack": X carried it out
CLAIMED = {"responsibility", "credit"}
CLAIMING_VERBS = {"claim", "accept", "take", "admit", "assume", "bear"}
#: prepositions that introduce the clause's circumstances, never a description of an actor
CLAUSE_PREPS = {"over", "amid", "despite", "after", "before", "during", "following", "since",
                "until", "because", "due"}  # fmt: skip
#: Verbs whose object's "of"/"with" phrase is the charge: "accused X of Y", "charged X with Y".
CHARGING_VERBS = {"accuse", "charge", "suspect", "convict", "acquit", "clear", "absolve", "warn",
                  "inform", "notify", "remind", "deprive", "strip", "rob", "indict"}  # fmt: skip
#: verbs never used without the one charged as object: "X accused of Y" is a passive
CHARGED_VERBS = {"accuse", "charge", "sentence", "convict", "indict", "acquit", "jail", "imprison"}
#: what a charge is introduced by: "accused of", "charged with", "sentenced to", "held for"
CHARGES = {"of", "with", "to", "for"}
#: a verb with any of these is no passive without its auxiliary ("X has charged", "X charged Y")
BARE_PASSIVE_BLOCKERS = {"aux", "auxpass", "dobj", "obj", "iobj", "dative", "ccomp", "xcomp",
                         "nsubjpass", "expl", "neg"}  # fmt: skip
#: modes of what is done to a person held or tried: "his arrest", "her release", "his conviction"
HELD_MODES = {"arrest", "convict", "release", "deport", "expel", "abduct", "assassinate"}
#: what makes one plural subject both sides of a mutual act ("two rival gangs clashed",
#: "warring clans fought"; with "each other", "one another" any plural subject is)
MUTUAL_MODIFIERS = {"rival", "two", "both", "opposing", "warring", "feuding", "competing",
                    "rivalling", "enemy", "hostile"}  # fmt: skip
#: parties whose "clash" among themselves is a dispute, not a fight
POLITICAL_SECTORS = {"GOV", "ELI", "LEG", "JUD", "PTY", "OPP"}
#: verbs that say an event happened, its parties left to the noun ("clashes erupted between")
OCCURRING_VERBS = {"erupt", "break", "occur", "take", "flare", "continue", "rage", "resume",
                   "escalate", "intensify", "ensue", "happen", "begin", "start", "follow"}  # fmt: skip
#: verbs whose subject undergoes the harm: "three workers died", "two more succumbed"
UNDERGOING_VERBS = {"die", "perish", "succumb", "drown", "starve", "suffocate", "bleed"}
