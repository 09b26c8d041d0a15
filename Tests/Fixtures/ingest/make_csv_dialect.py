"""Writes csv_dialect.json: tricky CSV texts and how Python's csv module reads them.

Run from anywhere: python3 Tests/Fixtures/ingest/make_csv_dialect.py

Each text is read the way Python reads a file: decoded with `utf-8-sig` (a byte-order mark at the start
is dropped), split into lines with `newline=''` (CR, LF and CRLF all end lines, nothing is translated)
and parsed by `csv.reader` with the default dialect (pandas' C parser reads the same texts the same
way, except that it skips blank lines). For every record the file holds its fields and the line it
starts on (`line_num` before it + 1). Python's reader gives `[]` for a blank line; those are kept here,
and the Swift tests skip them as CrimeKit (like pandas) does. A text that ends inside a quoted field is
marked `unterminated`: Python's non-strict reader returns the rest of the file as the last field,
CrimeKit reports the record instead.
"""
import csv
import io
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

CASES = {
    "bare_quote_inside_unquoted_field": 'a,12" TV,b\nc,d,e\n',
    "bare_quote_does_not_swallow_lines": 'x,y\n1,5" pipe\n2,ok\n3,"q"\n',
    "text_after_closing_quote_is_kept": '"ab"cd,x\n"a""b"  ,y\n"a"b"c,d\n',
    "doubled_quotes_inside_quotes": '"say ""hi""",2\n"""",3\n',
    "quote_after_space_is_data": 'a, "b",c\n',
    "cr_only_line_ends": 'h1,h2\ra,b\rc,d\r',
    "mixed_line_ends": 'h1,h2\r\na,b\nc,d\re,f',
    "line_ends_inside_quotes_are_data": '"x\ry",1\n"p\r\nq",2\r"s\nt",3',
    "byte_order_mark_on_header": '\ufeffid,name\r\n1,x\r\n',
    "blank_lines": 'a,b\n\n\r\n\rc,d\n',
    "empty_fields": ',,\n"",""\n,""\n',
    "trailing_comma_and_no_final_line_end": 'a,\nb,c',
    "unterminated_quote_at_end": 'a,b\n1,"open\nmore,x\n',
}


def read(text):
    body = text[1:] if text.startswith("\ufeff") else text
    reader = csv.reader(io.StringIO(body, newline=""))
    records = []
    line = 0
    for fields in reader:
        records.append({"fields": fields, "line": line + 1})
        line = reader.line_num
    return records


def unterminated(text):
    try:
        list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def main():
    cases = [{"name": name, "text": text, "records": read(text), "unterminated": unterminated(text)}
             for name, text in CASES.items()]
    with open(os.path.join(HERE, "csv_dialect.json"), "w") as f:
        json.dump(cases, f, indent=1, ensure_ascii=True)
        f.write("\n")


if __name__ == "__main__":
    main()
