"""aidfacts spaCy components; importing this package registers every factory."""
from . import counts, dates, gaps, numbers, pairings, published, records, regions, sentences  # noqa: F401
