"""Write the request challenge set (tests/challenge/requests.csv) from construction families.

A CheckList-style set (Ribeiro et al., 2020): each item is a short sentence
written for one *construction family* of how reporters write an appeal (from
FrameNet's Request frame, the CAMEO 02x verb patterns of PETRARCH's dictionary,
and a reading of 52 news articles on Libya–Russia appeals; see README.md),
crossed with a requester, an addressee and a request type. Negative families
(negation, hypotheticals, appeals *by* Russia, look-alikes) expect no request.
Invariance items swap a codebook name for one the codebook does not know: the
request must be found all the same.

No sentence is taken from the seeds or from an article; all are written here.
Run ``python -m tests.challenge.build_items`` after editing; a test checks the
CSV is what this script writes.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

OUT = Path(__file__).with_name("requests.csv")
COLUMNS = ["item_id", "family", "expect", "text", "requester", "addressee", "request_type", "invariance"]

# Requesters: (surface, actor id). The unknown ones carry a title, as reporters write them.
LIBYANS = [("Khalifa Haftar", "khalifa-haftar"), ("Fayez al-Sarraj", "fayez-al-sarraj"),
           ("Abdulhamid Dbeibah", "abdulhamid-dbeibah"), ("Aguila Saleh", "aguila-saleh-issa"),
           ("Ahmed Maiteeq", "ahmed-maiteeq"), ("the Government of National Accord", "government-of-national-accord"),
           ("the House of Representatives", "house-of-representatives"),
           ("the Libyan National Army", "libyan-national-army"), ("Abdullah al-Thani", "abdullah-al-thani")]
UNKNOWN = [("Libyan Foreign Minister Omar Zintani", "provisional-omar-zintani"),
           ("Interior minister Salem Warfalli", "provisional-salem-warfalli"),
           ("Karim Obeidi, an adviser to the parliament speaker,", "provisional-karim-obeidi"),
           ("LNA spokesman Hamza Jadallah", "provisional-hamza-jadallah")]
TO_RUSSIA = [("Russia", "russia"), ("Moscow", "russia"), ("the Kremlin", "russia"), ("the Russian side", "russia"),
             ("Vladimir Putin", "vladimir-putin"), ("Sergei Shoigu", "sergei-shoigu"),
             ("Mikhail Bogdanov", "mikhail-bogdanov")]
TO_OTHERS = [("Egypt", "egypt"), ("the United Nations", "united-nations"), ("the United States", "united-states"),
             ("Turkey", "turkey"), ("Italy", "italy"), ("the Arab League", "arab-league")]
RUSSIANS = [("Russia", "russia"), ("Moscow", "russia"), ("Vladimir Putin", "vladimir-putin"),
            ("Sergei Shoigu", "sergei-shoigu"), ("Mikhail Bogdanov", "mikhail-bogdanov"),
            ("the Russian Foreign Ministry", "russian-foreign-ministry")]
# What is asked, as a verb phrase and as a noun phrase, for each request type.
ASKED = {
    "arms_supply": ("supply weapons to the army", "weapons for the army"),
    "embargo_lifting": ("help end the arms embargo", "support in lifting the arms embargo"),
    "military_intervention": ("intervene militarily against the militants", "a military intervention in the south"),
    "diplomatic_support": ("give the parliament diplomatic backing", "diplomatic backing at the Security Council"),
    "economic_support": ("expand trade with Libya", "economic aid for the reconstruction"),
    "training_or_advisers": ("send military advisers", "military instructors for the new brigades"),
    "counterterrorism_cooperation": ("help fight terrorism in the south", "help in the fight against terrorism"),
    "other": ("mediate between the rival governments", "mediation between the rival governments"),
}
TYPES = list(ASKED)

POSITIVE = {
    "verb + addressee + to": ["{r} urged {a} to {vp}.", "{r} asked {a} to {vp}.", "{r} called on {a} to {vp}.",
                              "{r} has appealed to {a} to {vp}.", "{r} pleaded with {a} to {vp}.",
                              "On Monday {r} invited {a} to {vp}."],
    "verb + addressee + for": ["{r} asked {a} for {np}.", "{r} appealed to {a} for {np}.",
                               "{r} turned to {a} for {np}.", "{r} petitioned {a} for {np}."],
    "ask for + possessive or adjective addressee": [
        "{r} asked for {a_s} help to {vp}.", "{r} requested {a_s} support to {vp}.",
        "{r} called for {a_s} assistance to {vp}."],
    "seek": ["{r} sought {a_s} backing to {vp}.", "{r} is seeking {np} from {a}.", "{r} seeks {np} from {a}."],
    "nominal": ["{r_s} request to {a} for {np} was discussed on Tuesday.",
                "A request from {r} to {a} for {np} was delivered last week.",
                "{r} sent {a} a request for {np}.", "{r} made an appeal to {a} for {np}."],
    "purpose clause": ["{r} travelled to Moscow to ask for {np}.", "{r} flew to Moscow to seek {np}.",
                       "{r} visited Moscow in search of {np}."],
    "passive": ["{A} was asked by {r} to {vp}.", "{A} has been urged by {r} to {vp}.",
                "{A} was called on by {r} to {vp}."],
    "reported past": ["{r} said {he} had asked {a} to {vp}.", "{r} had previously requested {np} from {a}.",
                      "{r} revealed that {he} had asked {a} for {np}."],
    "first person in a quotation": ['"We ask {a} to {vp}," {r} said.', '"We want {a} to {vp}," {r} told reporters.',
                                    '{r} said: "We are counting on {a} to {vp}."',
                                    '"We hope {a} will {vp}," said {r}.'],
    "reliance and need": ["{r} is counting on {a} to {vp}.", "{r} said Libya needed {a_s} help to {vp}.",
                          "{r} relies on {a} to {vp}.", "{r} looks to {a} for {np}."],
    "want, hope, expect": ["{r} wants {a} to {vp}.", "{r} hopes {a} will {vp}.", "{r} expects {a} to {vp}."],
}
NEGATIVE = {
    "negation": ["{r} denied asking {a} for {np}.", "{r} did not ask {a} to {vp}.",
                 "{r} has never requested {np} from {a}.", "{r} said {he} had not called on {a} to {vp}.",
                 "There was no request from {r} to {a} for {np}."],
    "hypothetical": ["If {a} were asked to {vp}, it would consider it.", "{r} may ask {a} to {vp}.",
                     "{r} would ask {a} for {np} only as a last resort.", "Will {r} ask {a} to {vp}?",
                     "{r} could call on {a} to {vp} if the talks fail."],
    "appeal by Russia": ["{ru} urged {l} to {vp}.", "{ru} called on {l} to {vp}.", "{ru} asked {l} for {np}.",
                         '"We ask {l} to {vp}," {ru} said.'],
    "look-alike": ["{r} and {a} discussed {np}.", "{r} thanked {a} for {np}.", "{A} offered {r} {np}.",
                   "{r} was asked about {np} by reporters.", "{r} told {a} that the talks had failed.",
                   "{r} called the decision by {a} a mistake."],
}
# Two sentences: the request's requester is named only in the first (the envoy's principal, a faction).
COREFERENCE = [
    ("Khalifa Haftar sent a letter to Vladimir Putin asking for weapons. The Libyan side also urged Moscow "
     "to intervene militarily against the militants.", "khalifa-haftar", "russia", "military_intervention"),
    ("Khalifa Haftar sent a letter to Vladimir Putin asking for weapons. They also urged Moscow to send military "
     "advisers.", "khalifa-haftar", "russia", "training_or_advisers"),
    ("Fayez al-Sarraj met Mikhail Bogdanov in Moscow. Libya's request to Russia was for help in the fight against "
     "terrorism.", "fayez-al-sarraj", "russia", "counterterrorism_cooperation"),
    ("Aguila Saleh held talks with Sergei Shoigu on Monday. He asked Russia to supply weapons to the army.",
     "aguila-saleh-issa", "russia", "arms_supply"),
    ("Abdulhamid Dbeibah arrived in Moscow on Thursday. He said Libya needed Moscow's help to expand trade with "
     "Libya.", "abdulhamid-dbeibah", "russia", "economic_support"),
    ("Ahmed Maiteeq spoke to reporters in Moscow. The Libyan side asked Russia for economic aid for the "
     "reconstruction.", "ahmed-maiteeq", "russia", "economic_support"),
    ("Officials of the Government of National Accord spoke on Sunday. They said they had asked Moscow to mediate "
     "between the rival governments.", "government-of-national-accord", "russia", "other"),
    ("Khalifa Haftar sent an envoy to Cairo. The envoy asked Egypt to supply weapons to the army.",
     "khalifa-haftar", "egypt", "arms_supply"),
]


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _fill(template: str, requester: str, addressee: str, kind: str, ru: str = "", libyan: str = "") -> str:
    vp, np = ASKED[kind]
    he = "it" if requester.startswith("the ") else "he"
    text = template.format(r=requester, r_s=_possessive(requester), a=addressee, A=addressee, he=he,
                           a_s=_possessive(addressee), vp=vp, np=np, ru=ru, l=libyan)
    return text[:1].upper() + text[1:]


def _rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    addressees = itertools.cycle(TO_RUSSIA * 2 + TO_OTHERS)
    kinds = itertools.cycle(TYPES)
    requesters = itertools.cycle(LIBYANS)

    def add(family: str, expect: str, text: str, requester: str = "", addressee: str = "", kind: str = "",
            invariance: str = "") -> None:
        rows.append({"item_id": f"c{len(rows) + 1:03d}", "family": family, "expect": expect, "text": text,
                     "requester": requester, "addressee": addressee, "request_type": kind, "invariance": invariance})

    for family, templates in POSITIVE.items():
        for template in templates:
            for _ in range(3):
                (r_text, r_id), kind = next(requesters), next(kinds)
                a_text, a_id = next(addressees)
                if family == "purpose clause":
                    a_text, a_id = "Moscow", "russia"
                if family == "ask for + possessive or adjective addressee" and a_text.startswith("the "):
                    a_text, a_id = "Moscow", "russia"
                add(family, "request", _fill(template, r_text, a_text, kind), r_id, a_id, kind)
    for number, (template, (u_text, u_id)) in enumerate(
            zip(POSITIVE["verb + addressee + to"] + POSITIVE["first person in a quotation"],
                itertools.cycle(UNKNOWN), strict=False)):
        kind = TYPES[number % len(TYPES)]
        k_text, k_id = LIBYANS[number % len(LIBYANS)]
        group = f"swap-{number + 1:02d}"
        add("invariance: known name", "request", _fill(template, k_text, "Russia", kind), k_id, "russia", kind, group)
        add("invariance: unknown name", "request", _fill(template, u_text, "Russia", kind), u_id, "russia", kind,
            group)
    for text, requester, addressee, kind in COREFERENCE:
        add("coreference across sentences", "request", text, requester, addressee, kind)
    russians = itertools.cycle(RUSSIANS)
    for family, templates in NEGATIVE.items():
        for template in templates:
            for _ in range(3):
                (r_text, _), kind = next(requesters), next(kinds)
                a_text, _ = next(addressees)
                ru_text, _ = next(russians)
                add(family, "none", _fill(template, r_text, a_text, kind, ru=ru_text, libyan=r_text))
    return rows


def write(path: Path = OUT) -> Path:
    """Write the items, one per row, to ``path``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_rows())
    return path


if __name__ == "__main__":
    print(f"wrote {write()}")
