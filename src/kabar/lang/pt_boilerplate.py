"""Portuguese boilerplate knowledge for the clean stage (Brazilian and European portals).

Same shape as ``en_boilerplate``; only what a scraped Portuguese page shows around its article.
"""

LINE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("share", r"^(compartilhe|compartilhar)( (isto|esta (matéria|notícia)|no \w+))?\s*:?$"),
    ("comments", r"^(\d+ )?comentários?\s*:?$|^(deixe|deixar) (um|seu) comentário"),
    ("footer", r"^todos os direitos reservados|^política de privacidade$|^termos de uso$|^fale conosco$"),
)

RELATED_HEADERS: tuple[str, ...] = (
    # a header alone on its line; "Leia também: <title>" carries the link after it
    r"^(você (também )?pode (gostar|se interessar)( de| também)?|veja também|leia também|leia mais|saiba mais)"
    r"\s*(\.\.\.|…|:)?\s*$",
    r"^(veja|leia) também\s*:",
    r"^(notícias|matérias|posts|artigos) relacionad[oa]s\s*:?$",
    r"^(mais (lidas|lidos|vistas|vistos|populares))\s*:?$",
)
