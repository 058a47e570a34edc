"""kabar: raw online news into stories."""
