#!/usr/bin/env python3
"""Writes contributions.csv: the demonstration contributions of Consulta's demo consultation.

Run from this folder:  python3 generate_demo.py > contributions.csv

The counts follow the table of seeds/003 (open consultations on enhanced cooperation, 2010):
governments 11/13/8, international organisations 7/1/0, civil society 32/7/3, private sector
9/5/2 (written / presentation / intervention), 98 in all. Every entity and every text is invented
and says so: no real government or organisation is named or quoted. Governments are fictional
States, each with the code ISO 3166-1 leaves for user assignment that the reference data gives
it (crates/core/data/fictional_states.csv), placed in a regional group and a development status.
"""
import csv
import os
import random
import sys

COUNTS = {
    "government": (11, 13, 8),
    "international_organization": (7, 1, 0),
    "civil_society": (32, 7, 3),
    "private_sector": (9, 5, 2),
}

STATES = ["Aurelia", "Borealis", "Caldera", "Dunmore", "Estria", "Fenwick", "Galdor", "Halvard", "Istmia",
          "Jorvale", "Kestria", "Lumeria", "Maravel", "Norvania", "Ostrava Minor", "Pellucia", "Quorin",
          "Rivenland", "Solvaria", "Tamsin", "Umbria Nova", "Valdoria", "Westmarch", "Yslandia", "Zephyria"]

ORGANIZATIONS = ["Example Intergovernmental Telecommunication Forum", "Example Regional Development Bank",
                 "Example Organisation for Digital Trade", "Example Inter-Parliamentary Network on ICT",
                 "Example Agency for Education and Culture Online", "Example Regional Commission for ICT Policy"]

CIVIL_SOCIETY = [("Example Network for Digital Rights", "KE"), ("Example Association of Community Networks", "BR"),
                 ("Example Foundation for Open Knowledge", "DE"), ("Example Women in ICT Alliance", "IN"),
                 ("Example Consumer Voice Online", "FR"), ("Example Centre for Internet and Society", "ZA"),
                 ("Example Youth Internet Forum", "PH"), ("Example Library Federation", "CA"),
                 ("Example Multilingual Web Initiative", "SN"), ("Example Privacy Watch", "AR"),
                 ("Example Disability Access Coalition", "GB"), ("Example Rural Connectivity Trust", "NP"),
                 ("Example Press Freedom Collective", "MX"), ("Example Digital Inclusion Council", "EG"),
                 ("Example Conference of NGOs", "")]

PRIVATE_SECTOR = [("Example Chamber of Commerce", ""), ("Example Telecom Operators Association", "JP"),
                  ("Example Software Alliance", "US"), ("Example Internet Exchange Cooperative", "NG"),
                  ("Example Small Business Network", "CL"), ("Example Cloud Providers Group", "IE")]

ISSUES = {
    "en": ["cybersecurity", "privacy and personal data", "spam", "freedom of information", "electronic commerce",
           "consumer protection", "international interconnection costs", "capacity building",
           "multilingualism", "critical Internet resources", "affordability of access"],
    "fr": ["la cybersécurité", "la protection de la vie privée et des données", "le spam",
           "la liberté de l’information", "le commerce électronique", "la protection du consommateur",
           "les coûts d’interconnexion internationale", "le renforcement des capacités", "le multilinguisme",
           "les ressources critiques de l’Internet", "l’accessibilité économique de l’accès"],
    "es": ["la ciberseguridad", "la privacidad y los datos personales", "el correo no deseado",
           "la libertad de información", "el comercio electrónico", "la protección del consumidor",
           "los costos de interconexión internacional", "el fomento de la capacidad", "el multilingüismo",
           "los recursos críticos de Internet", "la asequibilidad del acceso"],
}

# Some contributions cite the Tunis Agenda or a resolution, as real ones do (seeds/003 §6, §7).
CITATIONS = {
    "en": ["It recalls paragraph 69 of the Tunis Agenda.", "It refers to paragraphs 68 to 71 of the Tunis Agenda.",
           "It recalls General Assembly resolution 65/141 and paragraph 35 of the Tunis Agenda.",
           "It builds on the report E/2009/92."],
    "fr": ["Elle rappelle le paragraphe 69 de l’Agenda de Tunis.",
           "Elle se réfère aux paragraphes 68 à 71 de l’Agenda de Tunis.",
           "Elle rappelle la résolution 65/141 de l’Assemblée générale et le paragraphe 35 de l’Agenda de Tunis.",
           "Elle s’appuie sur le rapport E/2009/92."],
    "es": ["Recuerda el párrafo 69 de la Agenda de Túnez.", "Se refiere a la resolución 65/141 de la Asamblea General.",
           "Recuerda el documento A/RES/65/141.", "Se apoya en el informe E/2009/92."],
}

TEXTS = {
    "en": ("Example: views on {issue}",
           "Example text, invented for the demonstration of Consulta; it is not the view of any real party.\n"
           "This contribution argues that enhanced cooperation on {issue} needs a clearer division of roles "
           "between governments and the other stakeholders, and asks which existing mechanism handles it "
           "adequately.\nIt proposes that the secretariat report on {other} in its synthesis."),
    "fr": ("Exemple : observations sur {issue}",
           "Texte d’exemple, inventé pour la démonstration de Consulta ; ce n’est l’avis d’aucune partie réelle.\n"
           "Cette contribution estime que la coopération renforcée sur {issue} exige une répartition plus claire "
           "des rôles entre les gouvernements et les autres parties prenantes, et demande quel mécanisme existant "
           "la traite de manière adéquate.\nElle propose que le secrétariat rende compte de {other} dans sa synthèse."),
    "es": ("Ejemplo: observaciones sobre {issue}",
           "Texto de ejemplo, inventado para la demostración de Consulta; no es la opinión de ninguna parte real.\n"
           "Esta contribución sostiene que la cooperación reforzada sobre {issue} requiere una división de funciones "
           "más clara entre los gobiernos y las demás partes interesadas.\nPropone que la secretaría informe "
           "sobre {other} en su síntesis."),
}


def fictional_states():
    """Name → code, from the reference data's fictional States."""
    path = os.path.join(os.path.dirname(__file__), "..", "..", "core", "data", "fictional_states.csv")
    with open(path, encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {row["name_en"]: row["alpha2"] for row in rows}


def main():
    codes = fictional_states()
    rng = random.Random(2010)
    rows = []
    entities = {
        "government": [(f"Fictional Republic of {s}", codes[f"Fictional Republic of {s}"]) for s in STATES],
        "international_organization": [(o, "") for o in ORGANIZATIONS],
        "civil_society": CIVIL_SOCIETY,
        "private_sector": PRIVATE_SECTOR,
    }
    for group, (written, presentation, intervention) in COUNTS.items():
        pool = entities[group]
        for channel, count in (("written", written), ("presentation", presentation), ("intervention", intervention)):
            for n in range(count):
                name, country = pool[(n * 7 + len(rows)) % len(pool)] if channel == "written" else pool[n % len(pool)]
                on_behalf_of = ""
                if channel == "presentation" and name in ("Example Chamber of Commerce", "Example Conference of NGOs"):
                    on_behalf_of = group
                language = rng.choice(["en", "en", "fr", "fr", "es"])
                issue, other = rng.sample(range(len(ISSUES["en"])), 2)
                title, body = TEXTS[language]
                if channel == "written":
                    day = rng.randrange(0, 121)  # 1 September to 30 December 2010
                    month, day_of_month = [(9, 30), (10, 31), (11, 30), (12, 31)], day
                    for m, length in month:
                        if day_of_month < length:
                            submitted = f"2010-{m:02d}-{day_of_month + 1:02d}"
                            break
                        day_of_month -= length
                    meeting = ""
                else:
                    hour = 10 + (n % 7) if channel == "presentation" else 16 + (n % 2)
                    submitted = f"2010-12-14T{hour:02d}:{rng.randrange(60):02d}:00-05:00"
                    meeting = "2010-12-14"
                text = body.format(issue=ISSUES[language][issue], other=ISSUES[language][other])
                if rng.random() < 0.4:
                    text += "\n" + rng.choice(CITATIONS[language])
                rows.append([name, group, country, channel, submitted, language,
                             title.format(issue=ISSUES[language][issue]), text,
                             meeting, on_behalf_of])
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["entity", "stakeholder_group", "country", "channel", "submitted_at", "language", "title",
                     "body", "meeting", "on_behalf_of"])
    writer.writerows(rows)


if __name__ == "__main__":
    main()
