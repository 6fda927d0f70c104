"""The words the place rules read: prepositions, verbs and nouns that say where, or that no
name in that slot is a place. Data, not logic: the rules in `names`, `paths` and `stage` test
membership only."""

from __future__ import annotations

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
#: words that say what kind of facility a building is ("Kotli Police Station", "the Army
#: Camp", "Railway Station"): capitalised in its name, never the town it stands in (a town
#: called Police is in Poland)
FACILITY_KINDS = {"police", "fire", "army", "railway", "rail", "bus", "border", "military",
                  "naval", "navy", "air", "power", "petrol", "customs", "security", "rangers",
                  "paramilitary", "train", "metro", "ferry", "central", "district"}  # fmt: skip


def names_a_kind(words: list[str]) -> bool:
    """One word that names a kind of force or building ("Police", "Army"), not a town."""
    return len(words) == 1 and words[0].lower() in FACILITY_KINDS


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
#: administrative units: a name on one keeps the word ("Kurram district", "Sindh province")
ADMIN_UNITS = {"district", "subdistrict", "sub-district", "province", "governorate", "state",
               "county", "prefecture", "municipality", "oblast", "region", "territory", "upazila",
               "tehsil", "woreda", "raion", "rayon", "canton", "commune", "parish"}  # fmt: skip
#: units that are a country's first-level division; the others are districts
ADMIN1_UNITS = {"province", "governorate", "state", "prefecture", "oblast", "region"}
