"""Write the made-up sample files in this folder (run from anywhere; fixed seed).

Every number and place here is invented: the forces do not exist, and the counts, crime
IDs, locations and populations are random. Only the column layouts are real: the Home
Office "police recorded crime open data" tables and the police.uk street-level archive.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).parent
FORCES = {"Eastborough": 2100, "Northshire": 1400, "Southdale": 900, "Westmere": 600}
STREETS = ["Mill", "Church", "Station", "High"]
TREND = {"Eastborough": 1.004, "Northshire": 0.994, "Southdale": 1.0, "Westmere": 1.01}


def months() -> list[str]:
    out = []
    for i in range(36):  # April 2015 to March 2018
        y, m = divmod(2015 * 12 + 3 + i, 12)
        out.append(f"{y}-{m + 1:02d}")
    return out


def monthly(rng: random.Random) -> None:
    with open(HERE / "monthly-force-counts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Falls within", "count"])
        for i, month in enumerate(months()):
            for force, level in FORCES.items():
                seasonal = 1 + 0.08 * ((i % 12) in (3, 4, 5))  # a summer rise
                mean = level * TREND[force] ** i * seasonal
                w.writerow([month, f"{force} Police", round(rng.gauss(mean, mean**0.5))])


def records(rng: random.Random) -> None:
    header = [
        "Crime ID",
        "Month",
        "Reported by",
        "Falls within",
        "Longitude",
        "Latitude",
        "Location",
        "LSOA code",
        "LSOA name",
        "Crime type",
        "Last outcome category",
        "Context",
    ]
    types = [
        "Anti-social behaviour",
        "Burglary",
        "Criminal damage and arson",
        "Shoplifting",
        "Vehicle crime",
        "Violence and sexual offences",
    ]
    outcomes = [
        "Investigation complete; no suspect identified",
        "Under investigation",
        "Unable to prosecute suspect",
    ]
    with open(HERE / "street-records-sample.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for month in ("2016-03", "2016-04", "2016-05"):
            for force in ("Eastborough", "Northshire"):
                for _ in range(rng.randint(3, 6)):
                    crime = rng.choice(types)
                    asb = crime == "Anti-social behaviour"
                    w.writerow(
                        [
                            "" if asb else f"{rng.getrandbits(256):064x}",
                            month,
                            f"{force} Police",
                            f"{force} Police",
                            f"{rng.uniform(-1.5, 0.5):.6f}",
                            f"{rng.uniform(51.5, 53.0):.6f}",
                            f"On or near {rng.choice(STREETS)} Street",
                            f"E0100{rng.randint(1000, 9999)}",
                            f"{force} 0{rng.randint(10, 40)}A",
                            crime,
                            "" if asb else rng.choice(outcomes),
                            "",
                        ]
                    )


def open_data(rng: random.Random) -> None:
    offences = [
        ("Robbery of personal property", "Robbery", "Robbery", "34B"),
        ("Residential burglary of a home", "Theft offences", "Burglary", "28E"),
        ("Theft from the person", "Theft offences", "Theft from the person", "39"),
        ("Criminal damage to a dwelling", "Criminal damage and arson", "Criminal damage", "58C"),
    ]
    with open(HERE / "prc-open-data-sample.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Financial Year",
                "Financial Quarter",
                "Force Name",
                "Offence Description",
                "Offence Group",
                "Offence Subgroup",
                "Offence Code",
                "Number of Offences",
            ]
        )
        for year in ("2016/17", "2017/18"):
            for q in (1, 2, 3, 4):
                for force in ("Eastborough", "Northshire", "Westmere"):
                    for desc, group, sub, code in offences:
                        if (year, q, force, code) == ("2017/18", 4, "Westmere", "34B"):
                            continue  # a cell not supplied: missing, not zero
                        n = rng.randint(20, 400) // (4 if group == "Robbery" else 1)
                        w.writerow([year, q, force, desc, group, sub, code, n])


def populations() -> None:
    people = {
        "Eastborough": 1_846_500,
        "Northshire": 1_102_300,
        "Southdale": 751_200,
        "Westmere": 498_900,
    }
    with open(HERE / "force-populations.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Falls within", "period", "population"])
        for k, year in enumerate(("2015/16", "2016/17", "2017/18")):
            for force, n in people.items():
                w.writerow([f"{force} Police", year, n + k * n // 200])


if __name__ == "__main__":
    rng = random.Random(2016)
    monthly(rng)
    records(rng)
    open_data(rng)
    populations()
