#!/usr/bin/env python3
"""Write the facilitator's network twice: french/ as a LibreOffice export
(';', CRLF, French column names, decimal commas, acteurs.csv in
Windows-1252, liens.csv in UTF-8 with a BOM) and canonical/ (the same rows,
canonical column names, UTF-8, ',').  Planted problems, both versions:
the type 'Cite' (for 'cite'), the region 'Bretange' (for 'Bretagne'), the
actor 'Villes au carre' in the ties (for 'Villes au carré')."""
import os

ACTORS = [  # id, label, type, region
    ("cite-rennes", "Cité éducative de Rennes", "cite", "Bretagne"),
    ("cite-brest", "Cité éducative de Brest", "cite", "Bretagne"),
    ("cite-lorient", "Cité éducative de Lorient", "Cite", "Bretagne"),
    ("cite-quimper", "Cité éducative de Quimper", "cite", "Bretange"),
    ("cite-caen", "Cité éducative de Caen", "cite", "Normandie"),
    ("cite-rouen", "Cité éducative de Rouen", "cite", "Normandie"),
    ("cite-lehavre", "Cité éducative du Havre", "cite", "Normandie"),
    ("cite-nantes", "Cité éducative de Nantes", "cite", "Pays de la Loire"),
    ("cite-angers", "Cité éducative d'Angers", "cite", "Pays de la Loire"),
    ("cite-tours", "Cité éducative de Tours", "cite", "Centre-Val de Loire"),
    ("crpv-bretagne", "Résovilles", "crpv", "Bretagne"),
    ("crpv-normandie", "Normanvilles", "crpv", "Normandie"),
    ("Villes au carré", "Villes au carré (CRPV)", "crpv", "Centre-Val de Loire"),
    ("asso-ligue", "Ligue de l'enseignement", "association", "Pays de la Loire"),
]
TIES = [  # source, target, weight, year
    ("cite-rennes", "crpv-bretagne", "3", "2019"),
    ("cite-brest", "crpv-bretagne", "2.5", "2020"),
    ("cite-lorient", "crpv-bretagne", "1", "2021"),
    ("cite-rennes", "cite-brest", "2", "2020"),
    ("cite-quimper", "crpv-bretagne", "1", "2022"),
    ("cite-caen", "crpv-normandie", "2", "2019"),
    ("cite-rouen", "crpv-normandie", "1.5", "2020"),
    ("cite-lehavre", "cite-rouen", "1", "2021"),
    ("cite-nantes", "asso-ligue", "2", "2020"),
    ("cite-angers", "asso-ligue", "1", "2022"),
    ("cite-tours", "Villes au carre", "2", "2021"),
    ("Villes au carré", "crpv-bretagne", "1", "2019"),
    ("crpv-bretagne", "crpv-normandie", "2", "2020"),
    ("asso-ligue", "crpv-bretagne", "1", "2021"),
]

here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here, "canonical"), exist_ok=True)
os.makedirs(os.path.join(here, "french"), exist_ok=True)


def quote(s, sep):
    return '"' + s.replace('"', '""') + '"' if sep in s or '"' in s else s


with open(os.path.join(here, "canonical", "nodes.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("id,label,type,region\n")
    for a in ACTORS:
        f.write(",".join(quote(x, ",") for x in a) + "\n")
with open(os.path.join(here, "canonical", "edges.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("source,target,weight,year\n")
    for t in TIES:
        f.write(",".join(t) + "\n")
with open(os.path.join(here, "french", "acteurs.csv"), "w", encoding="cp1252", newline="") as f:
    f.write("acteur;libellé;type;région\r\n")
    for a in ACTORS:
        f.write(";".join(quote(x, ";") for x in a) + "\r\n")
with open(os.path.join(here, "french", "liens.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write("source;cible;poids;année\r\n")
    for s, t, w, y in TIES:
        f.write(";".join((s, t, w.replace(".", ","), y)) + "\r\n")
