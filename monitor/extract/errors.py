"""What extraction raises."""


class ExtractionError(ValueError):
    """The body holds no statement we can read (empty, binary, or a PDF without a text layer)."""
