"""The spaCy components of the pipeline, one `@Language.factory` per concern and per module: sentences, the
publication date, dates, regions, numbers, gaps, counts, tables of counts, pairings, the account of every numeral, and the records
they make. Importing this package registers every factory; `extract.nlp.pipeline` composes them in one place."""
from extract.nlp.components import (accounting, counts, dates, gaps, numbers, pairings,  # noqa: F401
                                    published, records, regions, sentences, tables)
