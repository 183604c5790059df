#!/usr/bin/env python3
"""Rebuild assets/countries.txt from Unicode CLDR's territory names.

Usage: python3 scripts/build-countries.py vi/territories.json en/territories.json > assets/countries.txt

The two files are cldr-json/cldr-localenames-full/main/{vi,en}/territories.json of
github.com/unicode-org/cldr-json (Unicode License v3), see assets/countries.NOTICE.md.
Keeps the names of countries and territories (two-letter codes, their short and variant
forms too) of one to four words, letters, spaces and hyphens only, in lower case, one a
line, sorted; plus the few short Vietnamese names the press uses that CLDR does not give
(SHORT below), less the few that are as often a person's name (AMBIGUOUS).
"""
import json
import re
import sys
import unicodedata

# Short Vietnamese names of the press that CLDR's Vietnamese list does not give.
# "Thụy Sỹ" is the press's other spelling of "Thụy Sĩ" (87 lines of baomoi-35k).
SHORT = ["mỹ", "hàn quốc", "triều tiên", "ả rập xê út", "arab saudi", "ả rập saudi", "saudi", "anh quốc", "ukraine", "italia", "thụy sỹ"]
# Names that are as often a person's ("Jordan", "Chad", "Georgia") or a code.
AMBIGUOUS = {"jordan", "chad", "georgia", "jersey", "sark", "guernsey", "niger", "uk", "us"}

names = set(SHORT)
for path in sys.argv[1:]:
    doc = json.load(open(path, encoding="utf-8"))
    (locale,) = doc["main"].values()
    for code, name in locale["localeDisplayNames"]["territories"].items():
        base = code.split("-alt-")[0]
        if not (len(base) == 2 and base.isalpha()) or base in ("EU", "EZ", "UN", "QO", "ZZ"):
            continue
        name = unicodedata.normalize("NFC", name).lower()
        if name in AMBIGUOUS or name.startswith("pseudo"):
            continue
        if not re.fullmatch(r"[^\W\d_]+([ -][^\W\d_]+){0,3}", name):
            continue
        names.add(name)
print("# Country and territory names, lower case, one a line: derived from Unicode CLDR")
print("# (Unicode License v3); see countries.NOTICE.md, rebuilt by scripts/build-countries.py.")
for n in sorted(names):
    print(n)
