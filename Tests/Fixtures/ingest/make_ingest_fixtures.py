"""Writes small extracts in each portal's real format and the values CrimeKit must read from them.

Run from anywhere: python3 Tests/Fixtures/ingest/make_ingest_fixtures.py

Each portal file has the portal's real header; the rows are hand-written. For every row that must be
kept, the UTC instant is computed here independently of CrimeKit: pandas parses the wall-clock text with
`to_datetime(format=...)`, and zoneinfo turns it into UTC with fold=0, which is ZoneClock's documented
policy (a repeated wall time is its first occurrence; a skipped one is read with the offset in force
before the change, so 02:30 on a spring-forward day is 03:30 daylight time). The same instants are
checked against pandas `tz_localize(ambiguous=True, nonexistent=timedelta(hours=1))`, which states that
policy in pandas' terms. Coordinates are Python floats of the text (the same as strtod). Categories and
drop reasons are the expectations written next to each row.
"""
import csv
import datetime
import io
import json
import os
import sys
import zoneinfo

import pandas

HERE = os.path.dirname(os.path.abspath(__file__))

HEADERS = {
    "chicago": "ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,Arrest,Domestic,Beat,"
               "District,Ward,Community Area,FBI Code,X Coordinate,Y Coordinate,Year,Updated On,Latitude,Longitude,Location",
    "lapd": "DR_NO,Date Rptd,DATE OCC,TIME OCC,AREA,AREA NAME,Rpt Dist No,Part 1-2,Crm Cd,Crm Cd Desc,Mocodes,Vict Age,"
            "Vict Sex,Vict Descent,Premis Cd,Premis Desc,Weapon Used Cd,Weapon Desc,Status,Status Desc,Crm Cd 1,Crm Cd 2,"
            "Crm Cd 3,Crm Cd 4,LOCATION,Cross Street,LAT,LON",
    "nypd": "CMPLNT_NUM,CMPLNT_FR_DT,CMPLNT_FR_TM,CMPLNT_TO_DT,CMPLNT_TO_TM,ADDR_PCT_CD,RPT_DT,KY_CD,OFNS_DESC,PD_CD,"
            "PD_DESC,CRM_ATPT_CPTD_CD,LAW_CAT_CD,BORO_NM,LOC_OF_OCCUR_DESC,PREM_TYP_DESC,JURIS_DESC,JURISDICTION_CODE,"
            "PARKS_NM,HADEVELOPT,HOUSING_PSA,X_COORD_CD,Y_COORD_CD,SUSP_AGE_GROUP,SUSP_RACE,SUSP_SEX,TRANSIT_DISTRICT,"
            "Latitude,Longitude,Lat_Lon,PATROL_BORO,STATION_NAME,VIC_AGE_GROUP,VIC_RACE,VIC_SEX",
    "philadelphia": "the_geom,cartodb_id,the_geom_webmercator,objectid,dc_dist,psa,dispatch_date_time,dispatch_date,"
                    "dispatch_time,hour,dc_key,location_block,ucr_general,text_general_code,point_x,point_y,lat,lng",
    "baltimore": "RowID,CCNumber,CrimeDateTime,CrimeCode,Description,Inside_Outside,Weapon,Post,Gender,Age,Race,"
                 "Ethnicity,Location,Old_District,New_District,Neighborhood,Latitude,Longitude,GeoLocation,Premise,Total_Incidents",
}

# Per portal: zone, the columns read, the pandas format of the wall-clock text, and rows.
# A row is (fields, expectation); expectation is a category name for a kept row or a drop reason.
PORTALS = {
    "chicago": dict(zone="America/Chicago", id="ID", category="Primary Type", extras=["Community Area", "District", "Beat"],
                    lat="Latitude", lon="Longitude", fmt="%m/%d/%Y %I:%M:%S %p", rows=[
        ({"ID": "13311263", "Date": "01/01/2024 12:00:00 AM", "Primary Type": "THEFT", "Description": "$500 AND UNDER",
          "Beat": "1834", "District": "018", "Community Area": "8", "Latitude": "41.891398861", "Longitude": "-87.630504136",
          "Location": "(41.891398861, -87.630504136)"}, "theft"),
        ({"ID": "13311264", "Date": "03/10/2024 02:30:00 AM", "Primary Type": "BATTERY", "Description": "DOMESTIC BATTERY SIMPLE",
          "Beat": "0421", "District": "004", "Community Area": "46", "Latitude": "41.745352", "Longitude": "-87.561873",
          "Location": "(41.745352, -87.561873)"}, "assault"),
        ({"ID": "13311265", "Date": "11/03/2024 01:30:00 AM", "Primary Type": "ROBBERY", "Description": "ARMED, HANDGUN",
          "Beat": "1112", "District": "011", "Community Area": "23", "Latitude": "41.89", "Longitude": "-87.72",
          "Location": "(41.89, -87.72)"}, "robbery"),
        ({"ID": "13311266", "Date": "07/04/2024 12:15:00 PM", "Primary Type": "MOTOR VEHICLE THEFT", "Description": "AUTOMOBILE",
          "Beat": "0631", "District": "006", "Community Area": "44", "Latitude": "41.7412345678901234", "Longitude": "-87.6",
          "Location": "(41.74, -87.6)"}, "motor_vehicle_theft"),
        ({"ID": "13311267", "Date": "13/45/2023 10:00:00 AM", "Primary Type": "THEFT", "Latitude": "41.8", "Longitude": "-87.6"}, "bad_time"),
        ({"ID": "13311268", "Date": "02/30/2023 10:00:00 AM", "Primary Type": "THEFT", "Latitude": "41.8", "Longitude": "-87.6"}, "bad_time"),
        ({"ID": "13311269", "Date": "", "Primary Type": "THEFT", "Latitude": "41.8", "Longitude": "-87.6"}, "missing_time"),
        ({"ID": "13311270", "Date": "05/05/2023 10:00:00 AM", "Primary Type": "THEFT", "Latitude": "abc", "Longitude": "-87.6"}, "bad_location"),
        ({"ID": "13311271", "Date": "05/05/2023 10:00:00 AM", "Primary Type": "THEFT", "Latitude": "", "Longitude": ""}, "missing_location"),
        ({"ID": "13311272", "Date": "05/05/2023 10:00:00 AM", "Primary Type": "THEFT", "Latitude": "95.5", "Longitude": "-87.6"}, "bad_location"),
    ]),
    "lapd": dict(zone="America/Los_Angeles", id="DR_NO", category="Crm Cd Desc", extras=["AREA NAME", "Rpt Dist No"],
                 lat="LAT", lon="LON", fmt="%m/%d/%Y %H%M", rows=[
        ({"DR_NO": "240104567", "Date Rptd": "03/11/2024 12:00:00 AM", "DATE OCC": "03/10/2024 12:00:00 AM", "TIME OCC": "230",
          "AREA NAME": "Central", "Rpt Dist No": "0111", "Crm Cd Desc": "VEHICLE - STOLEN", "LAT": "34.0444", "LON": "-118.2628"},
         "motor_vehicle_theft"),
        ({"DR_NO": "240104568", "DATE OCC": "11/03/2024 12:00:00 AM", "TIME OCC": "0130", "AREA NAME": "Hollywood",
          "Rpt Dist No": "0645", "Crm Cd Desc": "BATTERY - SIMPLE ASSAULT", "LAT": "34.1016", "LON": "-118.3267"}, "assault"),
        ({"DR_NO": "240104569", "DATE OCC": "01/15/2024 12:00:00 AM", "TIME OCC": "5", "AREA NAME": "77th Street",
          "Rpt Dist No": "1241", "Crm Cd Desc": "ROBBERY", "LAT": "33.9825", "LON": "-118.3004"}, "robbery"),
        ({"DR_NO": "240104570", "DATE OCC": "01/15/2024 12:00:00 AM", "TIME OCC": "45", "AREA NAME": "Central",
          "Rpt Dist No": "0111", "Crm Cd Desc": "THEFT PLAIN - PETTY ($950 & UNDER)", "LAT": "34.05", "LON": "-118.25"}, "theft"),
        ({"DR_NO": "240104571", "DATE OCC": "06/01/2024 12:00:00 AM", "TIME OCC": "2359", "AREA NAME": "Newton",
          "Rpt Dist No": "1322", "Crm Cd Desc": "BURGLARY", "LAT": "0", "LON": "0"}, "placeholder_location"),
        ({"DR_NO": "240104572", "DATE OCC": "06/01/2024 12:00:00 AM", "TIME OCC": "2500", "AREA NAME": "Newton",
          "Rpt Dist No": "1322", "Crm Cd Desc": "BURGLARY", "LAT": "34.0", "LON": "-118.2"}, "bad_time"),
    ]),
    "nypd": dict(zone="America/New_York", id="CMPLNT_NUM", category="OFNS_DESC", extras=["ADDR_PCT_CD", "LAW_CAT_CD", "BORO_NM"],
                 lat="Latitude", lon="Longitude", fmt="%m/%d/%Y %H:%M:%S", rows=[
        ({"CMPLNT_NUM": "261234567", "CMPLNT_FR_DT": "03/10/2024", "CMPLNT_FR_TM": "02:15:00", "ADDR_PCT_CD": "44",
          "OFNS_DESC": "FELONY ASSAULT", "LAW_CAT_CD": "FELONY", "BORO_NM": "BRONX", "Latitude": "40.837", "Longitude": "-73.919",
          "Lat_Lon": "(40.837, -73.919)"}, "assault"),
        ({"CMPLNT_NUM": "261234568", "CMPLNT_FR_DT": "11/03/2024", "CMPLNT_FR_TM": "01:15:00", "ADDR_PCT_CD": "75",
          "OFNS_DESC": "GRAND LARCENY OF MOTOR VEHICLE", "LAW_CAT_CD": "FELONY", "BORO_NM": "BROOKLYN", "Latitude": "40.6655",
          "Longitude": "-73.8823", "Lat_Lon": "(40.6655, -73.8823)"}, "motor_vehicle_theft"),
        ({"CMPLNT_NUM": "261234569", "CMPLNT_FR_DT": "12/31/2023", "CMPLNT_FR_TM": "23:59:59", "ADDR_PCT_CD": "14",
          "OFNS_DESC": "PETIT LARCENY", "LAW_CAT_CD": "MISDEMEANOR", "BORO_NM": "MANHATTAN", "Latitude": "40.7505",
          "Longitude": "-73.9934", "Lat_Lon": "(40.7505, -73.9934)"}, "theft"),
        ({"CMPLNT_NUM": "261234570", "CMPLNT_FR_DT": "02/30/2024", "CMPLNT_FR_TM": "10:00:00", "OFNS_DESC": "ROBBERY",
          "Latitude": "40.7", "Longitude": "-73.9"}, "bad_time"),
        ({"CMPLNT_NUM": "261234571", "CMPLNT_FR_DT": "04/01/2024", "CMPLNT_FR_TM": "25:00:00", "OFNS_DESC": "ROBBERY",
          "Latitude": "40.7", "Longitude": "-73.9"}, "bad_time"),
        ({"CMPLNT_NUM": "261234572", "CMPLNT_FR_DT": "04/01/2024", "CMPLNT_FR_TM": "", "OFNS_DESC": "ROBBERY",
          "Latitude": "40.7", "Longitude": "-73.9"}, "missing_time"),
    ]),
    "philadelphia": dict(zone="America/New_York", id="dc_key", category="text_general_code", extras=["dc_dist", "psa"],
                         lat=("lat", "point_y"), lon=("lng", "point_x"), fmt="ISO8601", rows=[
        ({"objectid": "1", "dc_dist": "24", "psa": "3", "dispatch_date_time": "2024-03-10 02:30:00", "dc_key": "202424012345",
          "text_general_code": "Thefts", "point_x": "-75.1", "point_y": "40.0", "lat": "39.99", "lng": "-75.12"}, "theft"),
        ({"objectid": "2", "dc_dist": "12", "psa": "1", "dispatch_date_time": "2024-11-03T01:30:00.250", "dc_key": "202412054321",
          "text_general_code": "Robbery Firearm", "point_x": "-75.2345", "point_y": "39.9321", "lat": "", "lng": ""}, "robbery"),
        ({"objectid": "3", "dc_dist": "35", "psa": "2", "dispatch_date_time": "2024-06-01 18:00:00+00", "dc_key": "202435000001",
          "text_general_code": "Burglary Residential", "lat": "40.04", "lng": "-75.14"}, "burglary"),
        ({"objectid": "4", "dc_dist": "35", "psa": "2", "dispatch_date_time": "2024-06-01T18:00:00-05:00", "dc_key": "202435000002",
          "text_general_code": "Homicide - Criminal", "lat": "40.05", "lng": "-75.15"}, "homicide"),
        ({"objectid": "5", "dc_dist": "35", "psa": "2", "dispatch_date_time": "2024-06-01 18:00:00Z", "dc_key": "202435000003",
          "text_general_code": "Thefts", "lat": "", "lng": "", "point_x": "", "point_y": ""}, "missing_location"),
    ]),
    "baltimore": dict(zone="America/New_York", id="CCNumber", category="Description", extras=["District"],
                      lat="Latitude", lon="Longitude", fmt="ISO8601", rows=[
        ({"RowID": "1", "CCNumber": "23A00001", "CrimeDateTime": "2023/01/01 05:00:00+00", "Description": "COMMON ASSAULT",
          "Neighborhood": "DOWNTOWN", "Latitude": "39.2904", "Longitude": "-76.6122", "GeoLocation": "(39.2904,-76.6122)"}, "assault"),
        ({"RowID": "2", "CCNumber": "23A00002", "CrimeDateTime": "2023/03/12 02:30:00+00", "Description": "LARCENY FROM AUTO",
          "Latitude": "39.3", "Longitude": "-76.6", "GeoLocation": "(39.3,-76.6)"}, "theft"),
        ({"RowID": "3", "CCNumber": "23A00003", "CrimeDateTime": "2023/11/05 01:30:00", "Description": "AUTO THEFT",
          "Latitude": "39.31", "Longitude": "-76.61"}, "motor_vehicle_theft"),
        ({"RowID": "4", "CCNumber": "23A00004", "CrimeDateTime": "2023/11/05 01:30:00", "Description": "ROBBERY - STREET",
          "Latitude": "0", "Longitude": "0"}, "placeholder_location"),
    ]),
}

LVMPD = [  # (properties, geometry, expectation); Incident_Date numbers are epoch milliseconds
    ({"Event_Number": "LLV240300001234", "Incident_Date": "2024-03-10 02:30:00", "Type_Description": "BURGLARY",
      "Sector": "E", "Beat": "E1"}, {"type": "Point", "coordinates": [-115.1398, 36.1699]}, "burglary"),
    ({"Event_Number": "LLV241100000042", "Incident_Date": 1730622600000, "Type_Description": "STOLEN VEHICLE",
      "Sector": "C", "Beat": "C3"}, {"type": "Point", "coordinates": [-115.2, 36.1]}, "motor_vehicle_theft"),
    ({"Event_Number": "LLV240100000007", "Incident_Date": "2024-11-03 01:30:00", "Type_Description": "FIGHT",
      "Sector": "A", "Beat": "A2"}, {"type": "Point", "coordinates": [-115.15, 36.2]}, "assault"),
    ({"Event_Number": "LLV240100000008", "Incident_Date": "2024-01-01 10:00:00", "Type_Description": "FIGHT"},
     None, "missing_location"),
    ({"Event_Number": "LLV240100000009", "Incident_Date": "2024-01-01 10:00:00", "Type_Description": "FIGHT"},
     {"type": "LineString", "coordinates": [[-115.1, 36.1], [-115.2, 36.2]]}, "bad_location"),
]


def utc_seconds(wall, zone):
    """Wall-clock naive datetime → UTC epoch seconds with fold=0 (first occurrence / pre-transition offset)."""
    aware = wall.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=0)
    return int(aware.timestamp())


def check_with_pandas(walls, zone, expected):
    """The same instants by pandas' tz_localize with the documented policy."""
    series = pandas.Series(pandas.to_datetime(walls)).dt.tz_localize(
        zone, ambiguous=[True] * len(walls), nonexistent=datetime.timedelta(hours=1))
    got = [int(t.timestamp()) for t in series]
    assert got == expected, (zone, got, expected)


def parse_time(portal, fields, fmt):
    """(naive wall datetime or None, explicit UTC instant or None) for a kept row."""
    if portal == "lapd":
        text = fields["DATE OCC"][:10] + " " + fields["TIME OCC"].zfill(4)
        return pandas.to_datetime(text, format=fmt).to_pydatetime(), None
    if portal == "nypd":
        return pandas.to_datetime(fields["CMPLNT_FR_DT"] + " " + fields["CMPLNT_FR_TM"], format=fmt).to_pydatetime(), None
    text = fields.get("Date") or fields.get("dispatch_date_time") or fields.get("CrimeDateTime")
    if fmt != "ISO8601":
        return pandas.to_datetime(text, format=fmt).to_pydatetime(), None
    stamp = pandas.to_datetime(text.replace("/", "-"), format="ISO8601")
    if stamp.tzinfo is not None:
        return None, int(stamp.timestamp())
    return stamp.to_pydatetime().replace(microsecond=0), None


def main():
    expected = {"_versions": {"python": sys.version.split()[0], "pandas": pandas.__version__}}
    for portal, spec in PORTALS.items():
        header = HEADERS[portal].split(",")
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n" if portal == "nypd" else "\n")
        writer.writerow(header)
        kept, dropped, walls, wall_expected = [], {}, [], []
        for fields, expectation in spec["rows"]:
            writer.writerow([fields.get(name, "") for name in header])
            if expectation not in ("assault", "burglary", "homicide", "motor_vehicle_theft", "robbery", "theft", "other"):
                dropped[expectation] = dropped.get(expectation, 0) + 1
                continue
            wall, instant = parse_time(portal, fields, spec["fmt"])
            if instant is None:
                instant = utc_seconds(wall, spec["zone"])
                walls.append(wall)
                wall_expected.append(instant)
            lats = spec["lat"] if isinstance(spec["lat"], tuple) else (spec["lat"],)
            lons = spec["lon"] if isinstance(spec["lon"], tuple) else (spec["lon"],)
            pair = next(k for k in range(len(lats)) if fields.get(lats[k]) or fields.get(lons[k]))
            kept.append({"id": fields[spec["id"]], "time": instant,
                         "latitude": float(fields[lats[pair]]), "longitude": float(fields[lons[pair]]),
                         "category": expectation, "offense": fields[spec["category"]],
                         "extras": [fields.get(e, "") for e in spec["extras"]]})
        check_with_pandas(walls, spec["zone"], wall_expected)
        name = portal + ".csv"
        with open(os.path.join(HERE, name), "w", newline="") as f:
            f.write(out.getvalue())
        expected[portal] = {"file": name, "rows_read": len(spec["rows"]), "kept": kept, "dropped": dropped}

    features, kept, dropped, walls, wall_expected = [], [], {}, [], []
    for properties, geometry, expectation in LVMPD:
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
        if geometry is None or geometry["type"] != "Point":
            dropped[expectation] = dropped.get(expectation, 0) + 1
            continue
        stamp = properties["Incident_Date"]
        if isinstance(stamp, int):
            instant = stamp // 1000
        else:
            wall = pandas.to_datetime(stamp, format="%Y-%m-%d %H:%M:%S").to_pydatetime()
            instant = utc_seconds(wall, "America/Los_Angeles")
            walls.append(wall)
            wall_expected.append(instant)
        kept.append({"id": properties["Event_Number"], "time": instant, "latitude": geometry["coordinates"][1],
                     "longitude": geometry["coordinates"][0], "category": expectation,
                     "offense": properties["Type_Description"],
                     "extras": [properties.get("Sector", ""), properties.get("Beat", "")]})
    check_with_pandas(walls, "America/Los_Angeles", wall_expected)
    with open(os.path.join(HERE, "lvmpd.geojson"), "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, indent=1)
    expected["lvmpd"] = {"file": "lvmpd.geojson", "rows_read": len(LVMPD), "kept": kept, "dropped": dropped}

    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
