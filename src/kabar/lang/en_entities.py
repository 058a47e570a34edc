"""English knowledge for entity recognition and linking: titles and roles before names."""

ROLES = (
    "President", "Vice President", "Prime Minister", "PM", "Chancellor", "King", "Queen",
    "Prince", "Princess", "Crown Prince", "Pope", "Minister", "Foreign Minister",
    "Defence Minister", "Defense Minister", "Finance Minister", "Interior Minister",
    "Secretary", "Secretary of State", "Secretary-General", "Secretary General",
    "Governor", "Gov.", "Mayor", "Senator", "Sen.", "Rep.", "Representative", "Speaker",
    "General", "Gen.", "Lt.", "Col.", "Colonel", "Admiral", "Adm.", "Captain", "Capt.",
    "Chairman", "Chairwoman", "Chair", "Director", "CEO", "Chief", "Judge", "Justice",
    "Ambassador", "Spokesman", "Spokeswoman", "Spokesperson", "Diplomat", "Coach",
    "Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.", "Dr", "Prof.", "Sir", "Dame", "Lord",
)

ROLE_JOINERS = ("of", "State", "General", "Foreign", "Minister")

# Lower-case words that may sit inside a name ("Bank of England", "Ludwig van Beethoven").
NAME_PARTICLES = ("of", "and", "for", "the", "van", "von", "der", "den", "de", "da", "del", "al", "el", "bin", "la", "le", "du")

# Function words that open sentences in Title Case: never the first word of a name.
FUNCTION_WORDS = (
    "between", "in", "at", "on", "from", "to", "for", "with", "by", "of", "according", "while",
    "but", "and", "or", "that", "because", "since", "after", "before", "during", "about",
    "meanwhile", "however", "although", "if", "when", "the", "a", "an", "this", "these",
)

# Words that open the name of a building or institution ("Walter Reed" comes first in English,
# so only the few that precede a name are listed).
FACILITY_WORDS = {"University of": "ORG", "Fort": "LOC", "Mount": "LOC", "Lake": "LOC"}

# Words joining two names that a tagged run may wrongly swallow ("Xinhua and Reuters").
CONJUNCTIONS = ("and", "or", "&")
