"""Reference UTC offsets and wall-clock -> UTC conversions for ZoneClock, from Python's zoneinfo (IANA tzdata).

Policy reproduced (CrimeKit documents it): a repeated wall time is read as its first occurrence (fold=0);
a skipped wall time is read with the offset in force before the change (zoneinfo's fold=0 does exactly that).
Run: python3 make_zone_fixture.py > zone_fixture.json
"""
import json, sys, platform
from datetime import datetime, timezone, timedelta
from zoneinfo import ZoneInfo

zones = ["America/Chicago", "America/Los_Angeles", "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "UTC"]
utc_instants = []
# Every 37 minutes across 2023-2024 transitions plus a few historic instants.
start = int(datetime(2023, 3, 11, tzinfo=timezone.utc).timestamp())
for k in range(0, 200):
    utc_instants.append(start + k * 37 * 60)
start = int(datetime(2024, 11, 2, 12, tzinfo=timezone.utc).timestamp())
for k in range(0, 120):
    utc_instants.append(start + k * 29 * 60)
utc_instants += [0, 946684800, 1262304000, 1900000000, -31536000]

walls = []
for (y, m, d, hh, mm) in [(2024, 3, 10, 1, 59), (2024, 3, 10, 2, 0), (2024, 3, 10, 2, 30), (2024, 3, 10, 3, 0),
                          (2024, 11, 3, 0, 59), (2024, 11, 3, 1, 0), (2024, 11, 3, 1, 30), (2024, 11, 3, 2, 0),
                          (2023, 3, 26, 1, 30), (2023, 10, 29, 1, 30), (2024, 4, 7, 2, 30), (2024, 10, 6, 2, 30),
                          (2024, 7, 1, 12, 0), (2024, 1, 15, 23, 59)]:
    walls.append((y, m, d, hh, mm))

out = {"generator": "zoneinfo (Python %s)" % platform.python_version(), "zones": []}
for name in zones:
    z = ZoneInfo(name)
    offsets = [[t, int(datetime.fromtimestamp(t, tz=z).utcoffset().total_seconds())] for t in utc_instants]
    conversions = []
    for (y, m, d, hh, mm) in walls:
        local = datetime(y, m, d, hh, mm, tzinfo=z, fold=0)
        wall_seconds = int(datetime(y, m, d, hh, mm, tzinfo=timezone.utc).timestamp())
        conversions.append([wall_seconds, int(local.timestamp())])
    out["zones"].append({"zone": name, "offsets": offsets, "wall_to_utc": conversions})
json.dump(out, sys.stdout, indent=0)
