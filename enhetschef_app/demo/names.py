"""Names for the demo unit's staff, as a Swedish care unit's staff list reads.

Mostly Swedish names, with the colleagues from the Horn of Africa, the Middle East, Eastern
Europe and elsewhere who carry much of Swedish elder care. First and last names are drawn from
the same group, so the names read as real people's.
"""

from __future__ import annotations

import random


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_SWEDISH = (
    _names(
        "Anna Maria Eva Karin Sara Lena Emma Elin Johanna Malin Linda Annika Camilla Susanne "
        "Jenny Helena Sofia Ida Frida Hanna Therese Marie Ulla Birgitta Kerstin Agneta Monica "
        "Åsa Petra Jessica Amanda Matilda Moa Ebba Anna-Karin Eva-Lena Louise Pernilla Carina "
        "Gunilla Lisa Julia Wilma Tove Linnea"
    ),
    _names("Johan Erik Anders Mikael Daniel Oskar Jonas Tomas Magnus Fredrik Patrik Niklas Emil"),
    _names(
        "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson "
        "Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson "
        "Magnusson Lindström Olofsson Lindqvist Lindgren Berg Axelsson Bergström Lundberg "
        "Lundgren Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin "
        "Engström Eklund Danielsson Håkansson Lundin Björk Bergman Gunnarsson Holm Samuelsson "
        "Fransson Wikström Isaksson Nyström"
    ),
)
_EAST_AFRICAN = (
    _names("Hodan Amina Fadumo Sahra Hibo Tigist Rahel Selam"),
    _names("Abdi Yonas Mohamed Dawit"),
    _names("Abdullahi Hassan Warsame Haile Tesfay Osman Nur"),
)
_MIDDLE_EASTERN = (
    _names("Fatima Leila Nour Mariam Yasmin Aisha Rana Zeinab"),
    _names("Ahmed Ali Omar Karim Samir"),
    _names("Ali Ahmed Hussein Khalil Haddad Mansour Yilmaz"),
)
_EAST_EUROPEAN = (
    _names("Katarzyna Agnieszka Olena Irina Ana Milena Jelena"),
    _names("Marek Andrzej Dragan"),
    _names("Nowak Kowalska Wiśniewska Popescu Petrović Shevchenko"),
)
_OTHER = (
    _names("Maricel Jocelyn Carmen Lucía Lan Mai"),
    _names("Carlos Jorge"),
    _names("Santos Reyes Rodríguez González Nguyen Tran"),
)

# (weight, (women's names, men's names, surnames))
_POOLS = (
    (74, _SWEDISH),
    (10, _EAST_AFRICAN),
    (8, _MIDDLE_EASTERN),
    (5, _EAST_EUROPEAN),
    (3, _OTHER),
)
SHARE_WOMEN = 0.82  # of staff in Swedish elder care


class NameGenerator:
    """Realistic, varied and never twice the same full name."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def next_name(self) -> str:
        pools = [pool for _, pool in _POOLS]
        weights = [weight for weight, _ in _POOLS]
        for attempt in range(200):
            women, men, surnames = self.rng.choices(pools, weights)[0]
            first = self.rng.choice(women if self.rng.random() < SHARE_WOMEN else men)
            name = f"{first} {self.rng.choice(surnames)}"
            if attempt > 100:  # a very large unit: a double surname keeps names apart
                name = f"{name}-{self.rng.choice(_SWEDISH[2])}"
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("could not draw a unique name")
