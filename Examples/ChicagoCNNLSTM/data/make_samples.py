"""Writes the Chicago example's sample inputs: crimes.csv (the Chicago portal's schema) and
covariates.csv (week_start,temperature_c,precipitation_mm,unemployment_rate).

Everything is synthetic: invented incidents inside Chicago and invented weekly series, written in the
formats the example reads. Standard library only; the seed fixes every draw.
Run from this folder: python3 make_samples.py
"""
import math
import random
from datetime import datetime, timedelta

rng = random.Random(20230102)

START = datetime(2023, 1, 2)   # a Monday, local time (America/Chicago)
WEEKS = 66                     # to Sunday 2024-04-07
PER_DAY = 3
# Hot spots inside the city, west of the lake shore: (lat, lon, spread in degrees, share).
HOT_SPOTS = [(41.881, -87.660, 0.010, 0.3), (41.780, -87.650, 0.012, 0.3), (41.940, -87.700, 0.010, 0.2)]
TYPES = ["THEFT", "BATTERY", "CRIMINAL DAMAGE", "ASSAULT", "BURGLARY", "MOTOR VEHICLE THEFT"]


def location():
    """A point in the box lat 41.72–41.97, lon −87.73 to −87.64 (inland, inside the city), drawn
    again until it falls there."""
    while True:
        u = rng.random()
        lat, lon = rng.uniform(41.72, 41.97), rng.uniform(-87.73, -87.64)
        for hot_lat, hot_lon, spread, share in HOT_SPOTS:
            if u < share:
                lat, lon = rng.gauss(hot_lat, spread), rng.gauss(hot_lon, spread * 1.34)
                break
            u -= share
        if 41.72 <= lat <= 41.97 and -87.73 <= lon <= -87.64:
            return lat, lon


# Crimes: 3 a day; the first at 00:10 on the first Monday and the last at 23:40 on the last Sunday, so
# the extract spans exactly 66 whole weeks.
times = [START + timedelta(days=d, seconds=rng.randrange(900, 85_500)) for d in range(7 * WEEKS) for _ in range(PER_DAY)]
times[0] = START + timedelta(minutes=10)
times[-1] = START + timedelta(days=7 * WEEKS - 1, hours=23, minutes=40)
times.sort()
with open("crimes.csv", "w", newline="") as f:
    f.write("ID,Date,Primary Type,Latitude,Longitude\n")
    for k, t in enumerate(times):
        lat, lon = location()
        f.write(f"{8000001 + k},{t.strftime('%m/%d/%Y %I:%M:%S %p')},{rng.choice(TYPES)},{lat:.6f},{lon:.6f}\n")

# Weekly series from the week before the first to the week after the last (two rows the reader does
# not use): a seasonal temperature with noise, precipitation, and a slow unemployment walk.
rows, unemployment = [], 4.6
for w in range(-1, WEEKS + 1):
    start = START + timedelta(weeks=w)
    day = start.timetuple().tm_yday + 3.5
    temperature = 10 + 14 * math.cos(2 * math.pi * (day - 205) / 365.25) + rng.gauss(0, 3)
    precipitation = max(0.0, rng.gauss(18, 12))
    unemployment = max(2.0, unemployment + rng.gauss(0, 0.06))
    rows.append((start.strftime("%Y-%m-%d"), f"{temperature:.1f}", f"{precipitation:.1f}", f"{unemployment:.2f}"))
with open("covariates.csv", "w", newline="") as f:
    f.write("week_start,temperature_c,precipitation_mm,unemployment_rate\n")
    for row in rows:
        f.write(",".join(row) + "\n")

print(f"crimes: {len(times)} rows, {times[0]} to {times[-1]}")
print(f"covariates: {len(rows)} rows, {rows[0][0]} to {rows[-1][0]}")
print("first used week:", rows[1], " last used week:", rows[-2])
