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
