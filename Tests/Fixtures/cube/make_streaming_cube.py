"""Reference counts for `crimekit cube` (the streaming space-time cube), computed with pandas and h3-py.

Input: streaming_extract.csv, a small dirty synthetic Chicago extract written by
    crimekit synth --out streaming_extract.csv --seed 21 --days 400 --rate 3 --start 2023-09-01
(1,773 rows: 12 repeated ids, 15 rows without a location, 52 stamped midnight; it spans both
daylight-saving changes of 2023-24).

Output: streaming_cube.csv with columns window,cell,window_start,count — for each window length (day, week,
shift) the H3 resolution-8 cell of every kept row (h3.latlng_to_cell) and its local window start, counted:
rows without a location dropped, then repeated ids (the first kept), as CrimeKit's ingest and cleaning do.
Dates in the extract are local wall-clock times, so windows are taken on them directly: the day, the Monday
of the week, and the 12-hour half of the day (T00:00 or T12:00).

Run: python3 make_streaming_cube.py   (pandas and h3 from PyPI)
"""
import sys

import h3
import pandas as pd

df = pd.read_csv("streaming_extract.csv", usecols=["ID", "Date", "Latitude", "Longitude"], dtype={"ID": str})
df = df.dropna(subset=["Latitude", "Longitude"])
df = df[~df.duplicated("ID", keep="first")]
t = pd.to_datetime(df["Date"], format="%m/%d/%Y %I:%M:%S %p")
day = t.dt.normalize()
cells = [h3.latlng_to_cell(lat, lng, 8) for lat, lng in zip(df["Latitude"], df["Longitude"])]
starts = {
    "day": day.dt.strftime("%Y-%m-%d"),
    "week": (day - pd.to_timedelta(day.dt.day_of_week, unit="D")).dt.strftime("%Y-%m-%d"),
    "shift": day.dt.strftime("%Y-%m-%d") + t.dt.hour.map(lambda h: "T00:00" if h < 12 else "T12:00"),
}
parts = []
for window, start in starts.items():
    counts = pd.DataFrame({"cell": cells, "window_start": start.values}).groupby(["cell", "window_start"]).size()
    part = counts.reset_index(name="count").sort_values(["cell", "window_start"])
    part.insert(0, "window", window)
    parts.append(part)
with open("streaming_cube.csv", "w") as out:
    out.write(f"# made by make_streaming_cube.py with python {sys.version.split()[0]}, pandas {pd.__version__}, h3 {h3.__version__}\n")
    pd.concat(parts).to_csv(out, index=False)
