#!/usr/bin/env python3
"""Table ownership check (make test): SQL in one module may name only its own tables.

A module owns the tables its migrations create (src/<module>/migrations/*.sql, and the
search tables a module creates through the dialect). Any SQL keyword that names a table
(FROM, JOIN, INTO, UPDATE, TABLE, DELETE FROM) followed by another module's table, inside
a C++ string literal of src/<module>/, is a leak: reach the data through the owning
module's header instead. core owns the tables of src/core/migrations and reads no domain
table. Tests (*_test.cpp) and src/testing may set up fixtures directly and are skipped.
Second rule, the three layers: a route file (*routes*.cpp) parses, authorises and renders,
so no SQL statement appears in its string literals; the SQL lives in the module's store.
Third rule: in a domain module only the route files (*route*.cpp / *route*.hpp) include
core/http; services and stores know nothing of HTTP.
Exits 1 and lists every leak; there is no exception list.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
CREATE = re.compile(r"create\s+(?:virtual\s+)?table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)", re.I)
# Tables a module creates outside its migrations (engine-specific search tables).
EXTRA = {"cases": {"case_search", "case_search_pg"}}
STRING = re.compile(r'R"(\w*)\((.*?)\)\1"|"((?:[^"\\\n]|\\.)*)"', re.S)
SQL = re.compile(r"^\s*(?:select|insert\s+into|update\s+\w+\s+set|delete\s+from|with\s+\w+\s+as)\b", re.I)
HTTP_INCLUDE = re.compile(r'^#include "core/http/', re.M)
USE = re.compile(r"\b(?:from|join|into|update|table)\s+([a-z_][a-z0-9_]*)", re.I)


def owners():
    owned = {}
    for mig in sorted(SRC.glob("*/migrations/*.sql")):
        module = mig.parent.parent.name
        for name in CREATE.findall(mig.read_text(encoding="utf-8")):
            owned.setdefault(name.lower(), module)
    for module, names in EXTRA.items():
        for n in names:
            owned.setdefault(n, module)
    return owned


def module_of(path):
    rel = path.relative_to(SRC).parts
    return rel[0] if len(rel) > 1 else None


def main():
    owned = owners()
    leaks = []
    for path in sorted(SRC.rglob("*.[ch]pp")):
        module = module_of(path)
        if module in (None, "testing") or path.name.endswith("_test.cpp"):
            continue
        text = path.read_text(encoding="utf-8")
        if module not in ("core", "app") and "route" not in path.name:
            for m in HTTP_INCLUDE.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                leaks.append(f"{path.relative_to(ROOT)}:{line}: core/http outside a route file")
        for m in STRING.finditer(text):
            literal = m.group(2) if m.group(2) is not None else m.group(3)
            if "routes" in path.name and SQL.search(literal):
                line = text.count("\n", 0, m.start()) + 1
                leaks.append(f"{path.relative_to(ROOT)}:{line}: SQL in a route file (move it to the store)")
            for use in USE.finditer(literal):
                table = use.group(1).lower()
                owner = owned.get(table)
                if owner and owner != module:
                    line = text.count("\n", 0, m.start()) + 1
                    leaks.append(f"{path.relative_to(ROOT)}:{line}: {module} names {owner}'s table {table}")
    for leak in leaks:
        print(leak)
    print(f"ownership: {len(owned)} tables in {len(set(owned.values()))} modules, {len(leaks)} leaks")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
