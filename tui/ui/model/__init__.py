"""The reader's view state, with no Textual import: it can be built and tested alone."""
