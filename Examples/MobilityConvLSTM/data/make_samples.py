"""Writes the mobility example's sample inputs: crimes.csv (Chicago portal schema), footfall.csv
(lat,lon,time,count) and tracts.geojson (polygons with numeric properties).

Everything is synthetic: invented incidents, sensors and tracts over a 6 km square west of Chicago's
Loop, written in the formats the example reads. Standard library only; the seed fixes every draw.
Run from this folder: python3 make_samples.py
"""
import json
import random
from datetime import datetime, timedelta

rng = random.Random(20240304)

# The study box: about 5.82 km × 5.82 km (13 cells of 447.2 m) centred on (41.88, -87.65).
LAT0, LAT1 = 41.8538, 41.9062
LON0, LON1 = -87.6851, -87.6149
START = datetime(2024, 3, 4)          # a Monday, local time (America/Chicago); 30 days to 2024-04-02
DAYS = 30
HOT_SPOTS = [(41.885, -87.640, 0.004, 0.35), (41.866, -87.672, 0.005, 0.25),
             (41.897, -87.668, 0.003, 0.15)]  # (lat, lon, spread in degrees, share)
TYPES = ["THEFT", "BATTERY", "CRIMINAL DAMAGE", "ASSAULT", "BURGLARY", "ROBBERY"]


def location():
    """A point in the study box, near a hot spot or anywhere; drawn again until it falls in the box."""
    while True:
        u = rng.random()
        lat, lon = rng.uniform(LAT0, LAT1), rng.uniform(LON0, LON1)
        for hot_lat, hot_lon, spread, share in HOT_SPOTS:
            if u < share:
                lat, lon = rng.gauss(hot_lat, spread), rng.gauss(hot_lon, spread * 1.34)
                break
            u -= share
        if LAT0 <= lat <= LAT1 and LON0 <= lon <= LON1:
            return lat, lon


def chicago_time(t):
    return t.strftime("%m/%d/%Y %I:%M:%S %p")


# Crimes: 40 a day, the first at 00:05 on the first day and the last at 23:50 on the last day, so the
# 30 days hold exactly 60 twelve-hour windows.
crimes = []
for day in range(DAYS):
    for _ in range(40):
        crimes.append(START + timedelta(days=day, seconds=rng.randrange(600, 85_800)))
crimes[0] = START + timedelta(minutes=5)
crimes[-1] = START + timedelta(days=DAYS - 1, hours=23, minutes=50)
crimes.sort()
with open("crimes.csv", "w", newline="") as f:
    f.write("ID,Date,Primary Type,Latitude,Longitude\n")
    for k, t in enumerate(crimes):
        lat, lon = location()
        if k < 2:  # the first two mark the box's south-west and north-east corners, so it is the crimes' box
            lat, lon = (LAT0, LON0) if k == 0 else (LAT1, LON1)
        f.write(f"{9000001 + k},{chicago_time(t)},{rng.choice(TYPES)},{lat:.6f},{lon:.6f}\n")

# Footfall: 24 counters, each reporting at 06:00 (the night window) and 18:00 (the day window) local
# time; weekends busier. Then 2 rows from a counter 20 km north (off the grid) and 3 rows before or
# after the period (on the grid), which the reader must count and not use.
sensors = [location() for _ in range(24)]
base = [rng.uniform(40, 400) for _ in sensors]
rows, total, first_window = [], 0, 0
for day in range(DAYS):
    date = START + timedelta(days=day)
    weekend = 1.3 if date.weekday() >= 5 else 1.0
    for hour, factor in ((6, 0.4), (18, 1.0)):
        for k, (lat, lon) in enumerate(sensors):
            count = max(0, round(rng.gauss(base[k] * factor * weekend, 0.15 * base[k])))
            rows.append((lat, lon, date.replace(hour=hour).strftime("%Y-%m-%dT%H:%M"), count))
            total += count
            if day == 0 and hour == 6:
                first_window += count
rows += [(42.08, -87.65, "2024-03-05T06:00", 100), (42.08, -87.65, "2024-03-05T18:00", 120)]
rows += [(sensors[0][0], sensors[0][1], "2024-03-03T18:00", 50), (sensors[1][0], sensors[1][1], "2024-04-03T06:00", 60),
         (sensors[2][0], sensors[2][1], "2024-04-03T18:00", 70)]
with open("footfall.csv", "w", newline="") as f:
    f.write("lat,lon,time,count\n")
    for lat, lon, time, count in rows:
        f.write(f"{lat:.5f},{lon:.5f},{time},{count}\n")

# Tracts: a 4 × 4 block of rectangles tiling the study box, numbered from the south-west, row by row.
features, values = [], []
for i in range(4):
    for j in range(4):
        a, b = LAT0 + i * (LAT1 - LAT0) / 4, LAT0 + (i + 1) * (LAT1 - LAT0) / 4
        c, d = LON0 + j * (LON1 - LON0) / 4, LON0 + (j + 1) * (LON1 - LON0) / 4
        props = {"tract": f"T{i}{j}", "population_density": round(rng.uniform(2000, 12000)),
                 "poverty_rate": round(rng.uniform(0.05, 0.45), 3), "median_income": round(rng.uniform(25000, 120000), -2)}
        values.append(props)
        ring = [[round(c, 5), round(a, 5)], [round(d, 5), round(a, 5)], [round(d, 5), round(b, 5)],
                [round(c, 5), round(b, 5)], [round(c, 5), round(a, 5)]]
        features.append({"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ring]}})
with open("tracts.geojson", "w") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f, separators=(",", ":"))
    f.write("\n")

print(f"crimes: {len(crimes)} rows, {crimes[0]} to {crimes[-1]}")
print(f"footfall: {len(rows)} rows; counted on the grid and period: {total}; first window (2024-03-04 00-12): {first_window}")
for k, p in enumerate(values):
    print(f"tract {k} {p['tract']}: centre ({LAT0 + (k // 4 + 0.5) * (LAT1 - LAT0) / 4:.5f}, "
          f"{LON0 + (k % 4 + 0.5) * (LON1 - LON0) / 4:.5f}) {p['population_density']} {p['poverty_rate']} {p['median_income']}")
