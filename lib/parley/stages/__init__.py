"""The stages of the analysis, in the order the data flows: actors, timexes, quotes, events, contacts."""
