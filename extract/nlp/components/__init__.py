"""The spaCy components of the pipeline, one `@Language.factory` per concern and per module: sentences, the
publication date, dates, regions, numbers, gaps, counts, pairings and the records they make. Importing this
package registers every factory; `extract.nlp.pipeline` composes them in one place."""
from extract.nlp.components import (counts, dates, gaps, numbers, pairings, published, records,  # noqa: F401
                                    regions, sentences)
