"""Names for synthetic people (`make_synthetic_people`, `make bench`): plain Python, no Django."""

# Names as varied as a real record's: a few dozen first names, and a surname of its own for each
# person (its syllables spell the number), so that a search for a surname finds one person and a
# search for a first name many, and the name index grows as it would.
FIRST_NAMES = (
    "Aibek Aigerim Aizhan Akzhol Almas Altynai Amir Arman Asel Askar Aslan Bakyt Berik Dana Daniyar "
    "Dauren Dinara Erlan Erzhan Gulnara Kairat Kanat Laura Madina Marat Meruert Nurlan Nurzhan Roza "
    "Ruslan Saule Serik Talgat Timur Yerlan Zarina Zhanar Zhanna Zhasulan Zhuldyz"
).split()
SYLLABLES = "ba da ka la ma na sa ta zha ku tu mu be se ke bo zo ri li ni".split()


def synthetic_name(n):
    syllables, rest = [], n
    while rest or not syllables:
        rest, digit = divmod(rest, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    surname = "".join(syllables).capitalize() + ("ov" if n % 2 else "ova")
    return f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {surname} (synthetic)"
