"""Language knowledge: one module (or data file) per language and stage."""
