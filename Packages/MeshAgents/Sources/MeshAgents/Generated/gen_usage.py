#!/usr/bin/env python3
"""Regenerates Sources/MeshAgents/Generated/UsageLists.swift from proselint's word and phrase lists.

Usage: pip install proselint==0.16.0 && python3 Sources/MeshAgents/Generated/gen_usage.py
Only checks that are lists (Existence, PreferredForms) are taken; patterns are expanded from the small regex
subset they use ("(?:a|b)", "s?", "\\."); anything else (digits, wildcards, look-arounds) is left out and
handled, where worth it, by code. Groups map to our rule ids (see GROUPS); our messages, proselint's lists.
The file keeps proselint's BSD-3-Clause notice.
"""
import os
import re
import sys
from importlib.metadata import metadata, version

from proselint.checks import __register__

# proselint path prefix -> table name in UsageLists (the rule is chosen in Swift).
GROUPS = [
    ("cliches", "cliches"),
    ("redundancy", "redundancy"),
    ("industrial_language", "jargon"),
    ("hedging", "hedging"),
    ("social_awareness", "inclusive"),
    ("misc.capitalization", None),        # case-sensitive: needs code, not a case-insensitive list
    ("misc.phrasal_adjectives.ly", None),  # "-ly" compounds: a pattern, not a list
    ("typography", "usage"),
    ("spelling", "usage"),
    ("terms", "usage"),
    ("misc", "usage"),
    ("archaism", "usage"),
    ("annotations", "usage"),
    ("malapropisms", "usage"),
    ("mixed_metaphors", "usage"),
    ("mondegreens", "usage"),
    ("needless_variants", "usage"),
    ("nonwords", "usage"),
    ("oxymorons", "usage"),
    ("psychology", "usage"),
    ("skunked_terms", "usage"),
]


# proselint's redundancy list also holds idioms that careful writers use on purpose ("first of all", "I myself"
# for emphasis, "outside of"). They are trimmable, not mistakes, so they go to the suggestion-level wordy table
# rather than to clarity.redundancy (a warning).
SOFT_REDUNDANCY = {
    "first of all", "i myself", "i personally", "actual fact", "actual facts", "in actual fact", "heat up",
    "outside of", "point in time", "enter into", "could possibly", "specific details", "specific detail",
    "each and every", "completely full",
    "enter in",  # "enter in a terminal", "enter in the field": how docs say where to type
    "originally created",  # "the cluster the realm was originally created on": before it was copied or moved
}
# Entries that are no redundancy at all in software writing.
NOT_REDUNDANT = {
    "drop down",  # "select from the drop down": the menu, a noun
}

# Comparisons of an absolute that careful technical writing uses as a matter of course ("a more complete
# example", "the most complete list": nearer to complete; "more correct"); flagged as warnings on published docs, never right.
COMPARABLE = {"more complete", "most complete", "less complete", "more correct", "most correct", "less correct",
              # "rules to detect more universal threats": more widely applicable, as dictionaries note
              "more universal", "most universal", "less universal"}


def group(path):
    for prefix, name in GROUPS:
        if path == prefix or path.startswith(prefix + "."):
            return name
    return None


def expand(pattern):
    """All strings a pattern of the small subset matches, or None when it uses anything else."""
    p = pattern.replace("\\.", ".").replace("\\'", "'")
    if re.search(r"\\|\.\{|\[|\*|\+|\^|\$", p):
        return None
    # Tokenise into alternatives of literal pieces.
    def parse(s, i):
        alts, cur = [], [""]
        while i < len(s):
            c = s[i]
            if c == "(":
                if s.startswith("(?:", i):
                    i += 3
                else:
                    i += 1
                inner, i = parse(s, i)
                opts = inner
                if i < len(s) and s[i] == "?":
                    opts = inner + [""]
                    i += 1
                cur = [a + b for a in cur for b in opts]
            elif c == ")":
                alts += cur
                return alts, i + 1
            elif c == "|":
                alts += cur
                cur = [""]
                i += 1
            elif c == "?":
                # optional previous character
                cur = [x for a in cur for x in (a, a[:-1])]
                i += 1
            else:
                cur = [a + c for a in cur]
                i += 1
        return alts + cur, i
    out, _ = parse(p, 0)
    out = [re.sub(r"\s+", " ", o).strip() for o in out]
    return [o for o in out if o and len(o) < 80]


def main():
    tables = {}
    for c in __register__:
        name = group(c.path)
        if not name:
            continue
        t = c.check_type
        items = getattr(t, "items", None)
        if type(t).__name__ == "ExistenceSimple":
            items = (t.pattern,)
        if isinstance(items, dict):
            pairs = list(items.items())
        elif isinstance(items, (tuple, list)):
            pairs = [(k, None) for k in items]
        else:
            continue
        for pat, rep in pairs:
            forms = expand(pat)
            if not forms:
                continue
            if rep is not None:
                rep = rep.replace("\\.", ".").replace("\\", "")
                if rep.lower() == pat.lower() or '"' in rep:
                    continue
            for f in forms:
                if "=>" in f or "##" in f or '"""' in f:
                    continue
                if name == "redundancy" and f.lower() in NOT_REDUNDANT:
                    continue
                line = f + (f" => {rep}" if rep else "")
                table = "wordy" if name == "redundancy" and f.lower() in SOFT_REDUNDANCY else name
                tables.setdefault(table, {})[f.lower()] = line
    # Functions built from tables: names for groups of animals, and comparisons of uncomparable adjectives.
    from proselint.checks.terms import venery
    from proselint.checks import uncomparables as unc
    for animal, term in venery.TERM_MAP:
        for generic in venery.GENERIC_TERMS:
            tables.setdefault("usage", {})[f"{generic} of {animal}"] = f"{generic} of {animal} => {term} of {animal}"
    ok = {f"{a} {b}" for a, b in unc.EXCEPTIONS} | COMPARABLE
    for comp in unc.COMPARATORS + unc.FANCY_COMPARATORS:
        for adj in unc.UNCOMPARABLES:
            key = f"{comp} {adj}"
            if key in ok or not re.match(r"^[a-z -]+$", key):
                continue
            tables.setdefault("uncomparables", {})[key] = f"{key} => {adj}"
            # "at least possible", "at most equal": the comparison is about a bound, not the adjective.
            if comp in ("least", "most"):
                tables["uncomparables"][f"at {key}"] = f"at {key} ## ok"
    meta = metadata("proselint")
    lic = meta["License"].splitlines()
    out = ["import MeshText", "", "// Usage lists: words and phrases with a preferred form or that are best avoided.",
           f"// Generated by Sources/MeshAgents/Generated/gen_usage.py from proselint {version('proselint')} (its Existence and PreferredForms lists).",
           "//"]
    out += ["// " + l.strip() if l.strip() else "//" for l in lic]
    out += ["", "// swiftlint:disable all", "enum UsageLists {"]
    for name in sorted(tables):
        out.append(f'    static let {name} = PhraseTable("""')
        for k in sorted(tables[name]):
            out.append("    " + tables[name][k])
        out.append('    """)')
        out.append("")
    out.append("}")
    dest = os.path.join(os.path.dirname(__file__), "UsageLists.swift")
    with open(dest, "w") as f:
        f.write("\n".join(out) + "\n")
    print({k: len(v) for k, v in tables.items()}, file=sys.stderr)


if __name__ == "__main__":
    main()
