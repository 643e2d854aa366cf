"""Resolve user-given names (notebook parameters) to canonical choices, with aliases; make slugs."""

import re


def resolve_choice(value: str, choices: dict[str, list[str]], parameter: str) -> str:
    """Map `value` case-insensitively onto a key of `choices`, whose values are aliases.

    An unknown name raises ValueError listing every accepted name, so a papermill
    run stops at once with an error that says what would have worked.
    """
    wanted = " ".join(str(value).split()).casefold()
    for canonical, aliases in choices.items():
        if wanted in {name.casefold() for name in [canonical, *aliases]}:
            return canonical
    def others(canonical, aliases):   # each other name once (any case), in the order given; quoted if it holds a comma
        names = {}
        for name in aliases:
            if name.casefold() != canonical.casefold():
                names.setdefault(name.casefold(), name)
        return [f"'{name}'" if "," in name else name for name in names.values()]
    accepted = "; ".join(
        canonical + (f" (also: {', '.join(others(canonical, aliases))})" if others(canonical, aliases) else "")
        for canonical, aliases in choices.items()
    )
    raise ValueError(f"Unknown {parameter} {value!r}. Valid {parameter} values: {accepted}.")


def slugify(text: str, separator: str = "-") -> str:
    """A name for files and folders: lower-case ASCII letters and digits joined by `separator`."""
    return re.sub(r"[^a-z0-9]+", separator, str(text).lower()).strip(separator)
