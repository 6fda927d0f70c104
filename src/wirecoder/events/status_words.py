"""The words that decide an event's status (events/status.py reads the parse with them):
negations, modals and the verbs and nouns an embedded event inherits its status from."""

from __future__ import annotations

NEG_WORDS = {"not", "n't", "never", "no", "nor", "neither", "without"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPO_AUX = {"could", "might", "may", "should", "must", "can", "ought", "would", "'d"}
HEDGES = {"allegedly", "reportedly", "apparently", "purportedly", "supposedly", "possibly", "likely",
          "presumably", "seemingly", "ostensibly"}  # fmt: skip

_REQUESTED = """urge ask request demand appeal press pressure pressurize seek order instruct push
    lobby beg plead implore petition want need require encourage invite persuade plea urging"""
_HYPOTHETICAL = """threaten warn consider discuss propose suggest mull weigh debate try attempt hope wish
    aim contemplate envisage explore prepare offer willing ready able possible possibility option
    threat risk fear worry chance prospect proposal idea talk potential possibility likely unlikely"""
_FUTURE = """plan intend agree promise pledge vow decide expect schedule set going about due commit
    undertake resolve determine agreement postpone delay defer reschedule"""
_NEGATED = """refuse decline fail deny reject avoid cancel abandon halt stop prevent refusal failure
    denial unable reluctant scrap unwilling"""
TEMPORAL_PREPS = {
    "after",
    "before",
    "since",
    "during",
    "following",
    "amid",
    "despite",
    "until",
    "ahead",
}
#: Verb + preposition pairs whose object is wanted, feared or refused: "called for talks".
PREP_GOVERNORS: dict[tuple[str, str], str] = {
    **{
        (v, "for"): "requested"
        for v in (
            "call",
            "appeal",
            "press",
            "push",
            "ask",
            "plead",
            "lobby",
            "pressure",
            "campaign",
        )
    },
    ("call", "on"): "requested",
    ("appeal", "to"): "requested",
    ("plead", "with"): "requested",
    ("call", "upon"): "requested",
    ("hope", "for"): "hypothetical",
    ("wait", "for"): "hypothetical",
    ("prepare", "for"): "future",
    ("plan", "for"): "future",
    ("threaten", "with"): "hypothetical",
    ("warn", "of"): "hypothetical",
    ("warn", "against"): "hypothetical",
    # kept from happening: "prevented them from *leaving*", "decided against *running*"
    **{
        (v, "from"): "negated"
        for v in (
            "prevent",
            "stop",
            "keep",
            "ban",
            "bar",
            "block",
            "prohibit",
            "forbid",
            "restrain",
            "refrain",
            "deter",
            "dissuade",
            "discourage",
            "preclude",
            "spare",
            "save",
            "exempt",
        )
    },
    ("decide", "against"): "negated",
    # "are committed to leaving", "pledged to rebuilding": a commitment is to the future
    **{(v, "to"): "future" for v in ("commit", "pledge", "dedicate")},
}
#: Words an embedded event inherits its status from ("urged X to *strike*": requested).
GOVERNORS: dict[str, str] = {
    **{w: "negated" for w in _NEGATED.split()},
    **{w: "future" for w in _FUTURE.split()},
    **{w: "hypothetical" for w in _HYPOTHETICAL.split() if w not in _FUTURE.split()},
    **{w: "requested" for w in _REQUESTED.split()},
}
SPEECH = {"say", "tell", "report", "state", "add", "note", "claim", "announce", "insist", "quote",
          "confirm", "reveal", "know", "show", "believe", "think", "accuse", "allege", "stress",
          "explain", "according", "write", "declare", "admit", "acknowledge", "argue", "assert",
          "learn", "indicate"}  # fmt: skip
PASS_THROUGH = {"begin", "start", "continue", "keep", "manage", "help", "resume", "succeed", "go"}
#: Verbs whose infinitive complement did happen ("managed to escape", "was forced to withdraw").
IMPLICATIVE = PASS_THROUGH | {"force", "compel", "oblige", "dare", "bother", "happen", "proceed", "tend",
                              "get", "come", "use", "move", "rush", "hurry", "opt", "choose", "like"}  # fmt: skip
DESIRE_WOULD = {"like", "love", "prefer"}  # "would welcome talks" is conditional
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
#: One-token negated auxiliaries (pre-tokenised or informal text: "hasn't", "dont", "cannot").
FUSED_NEG = {"cannot", "nt", "dont", "didnt", "doesnt", "cant", "wont", "isnt", "wasnt", "arent",
             "werent", "havent", "hasnt", "hadnt", "couldnt", "wouldnt", "shouldnt", "aint"}  # fmt: skip
#: Words whose *infinitive* complement is wanted, obliged or forgotten, not done: "would like to
#: see", "has to leave", "is supposed to call", "told them to leave", "forgot to lock".
#: (Other complements of these words are facts: "likes the plan", "has a plan".)
INF_GOVERNORS: dict[str, str] = {
    **{w: "hypothetical" for w in ("wish", "suppose")},
    **{w: "requested" for w in ("tell", "instruct", "direct", "command", "advise", "remind")},
    **{w: "negated" for w in ("forget", "neglect", "omit")},
}
#: "would like to see" is a wish ("likes to boast" is a habit, a fact).
WOULD_INF = {"like", "love", "prefer", "hate"}
#: Said by being said: "I would like to *thank*", "I have to *admit*" are done, not wished.
PERFORMATIVE = {"thank", "express", "say", "admit", "mention", "confess", "reiterate", "congratulate",
                "apologize", "apologise", "welcome", "stress", "emphasize", "emphasise", "note",
                "acknowledge", "inform", "announce", "extend", "offer", "commend", "praise", "add",
                "point", "recognize", "recognise", "echo", "state", "tell", "remind"}  # fmt: skip
#: Governors only with an infinitive: "about to", "set to", "due to".
INF_ONLY = {"about", "set", "due", "going"}
#: Subjects that deny the predicate: "nobody came".
NEG_PRONOUNS = {"nobody", "none", "nothing", "noone", "no-one", "neither"}
#: Verbs of trying: the attempt is as real as the trying ("tried to storm": an attack took place).
ATTEMPT = {"try", "attempt"}
#: Verbs whose negation is read inside their clause: "I don't think he left" (he did not).
NEG_RAISING = {"think", "believe", "expect", "suppose", "imagine", "reckon", "seem", "appear",
               "want", "anticipate", "guess", "feel"}  # fmt: skip
#: Irregular past forms ("Took my car in": a dropped subject, not a command).
IRREGULAR_PAST = {"took", "got", "went", "came", "made", "bought", "had", "said", "told", "saw",
                  "gave", "found", "felt", "kept", "brought", "thought", "ate", "drove", "ran",
                  "sent", "spent", "paid", "met", "won", "knew", "wrote", "began", "did", "was",
                  "were", "became", "chose", "flew", "forgot", "heard", "sold", "taught"}  # fmt: skip
#: Misread lemmas of governor words ("hoping" -> "hop").
LEMMA_FIXES = {"hop": "hope", "hoping": "hope", "hoped": "hope"}
