#!/usr/bin/env python3
"""Derive edgetpu-lint's compact TFLite schema tables from the TFLite schema.fbs.

Derived from: tensorflow/tensorflow, tensorflow/compiler/mlir/lite/schema/schema.fbs
at commit 0373b8f3cb4d5033ac26e388f1e10a5126654200 (BuiltinOperator codes 0..207,
BuiltinOptions with 126 members, BuiltinOptions2 with 21 members).
The .fbs itself is NOT committed to this repository (it is public code under its own licence);
fetch it yourself and pass its path:

    python3 tools/gen_tflite_schema_tables.py /path/to/schema.fbs

Writes (both committed, both plain TSV with '#' comment lines):
  src/main/resources/dev/edgetpulint/tflite/builtin-operators.tsv
      code <TAB> name                       one line per BuiltinOperator value
  src/main/resources/dev/edgetpulint/tflite/builtin-options.tsv
      union <TAB> index <TAB> table <TAB> field_id <TAB> field <TAB> type <TAB> default <TAB> enum
      one line per field of each BuiltinOptions / BuiltinOptions2 member table (a table without
      fields gets one line with field_id -1). index is the union discriminant (NONE = 0, so the
      first member is 1). field_id is the FlatBuffers field id (vtable slot), counting deprecated
      fields, which are left out. type is a scalar (bool, byte, ubyte, short, ushort, int, uint,
      long, ulong, float, double), string, enum:<underlying>, or [<type>] for a vector. enum lists
      value=NAME pairs separated by ',' for enum-typed fields.

The reader (dev.edgetpulint.tflite.OptionsSchema) decodes builtin options through these tables,
and the writer (TfliteWriter) encodes through them, so the two cannot disagree.
"""
import re
import sys
from pathlib import Path

SCALARS = {
    "bool": "bool", "byte": "byte", "int8": "byte", "ubyte": "ubyte", "uint8": "ubyte",
    "short": "short", "int16": "short", "ushort": "ushort", "uint16": "ushort",
    "int": "int", "int32": "int", "uint": "uint", "uint32": "uint",
    "long": "long", "int64": "long", "ulong": "ulong", "uint64": "ulong",
    "float": "float", "float32": "float", "double": "double", "float64": "double",
    "string": "string",
}


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def parse(text):
    text = strip_comments(text)
    enums, tables, unions = {}, {}, {}
    for kind, name, attrs, body in re.findall(
            r"\b(enum|table|union|struct)\s+(\w+)\s*(?::\s*(\w+))?\s*(?:\([^)]*\))?\s*\{(.*?)\}",
            text, flags=re.S):
        if kind == "enum":
            values, nxt = [], 0
            for item in body.split(","):
                item = re.sub(r"\([^)]*\)", "", item).strip()
                if not item:
                    continue
                if "=" in item:
                    key, val = (s.strip() for s in item.split("=", 1))
                    nxt = int(val, 0)
                else:
                    key = item
                values.append((nxt, key))
                nxt += 1
            enums[name] = (SCALARS.get(attrs, attrs), values)
        elif kind == "union":
            members = []
            for item in body.split(","):
                item = item.strip()
                if item:
                    members.append(re.sub(r"\([^)]*\)", "", item).strip().split(":")[-1].strip())
            unions[name] = members
        else:
            fields = []
            for decl in body.split(";"):
                decl = decl.strip()
                if not decl:
                    continue
                m = re.match(r"(\w+)\s*:\s*(\[?\s*\w+\s*\]?)\s*(?:=\s*([^()\s]+))?\s*(\(.*\))?$", decl, flags=re.S)
                if not m:
                    raise SystemExit(f"cannot parse field '{decl}' of {name}")
                fname, ftype, default, attributes = m.groups()
                deprecated = attributes is not None and "deprecated" in attributes
                fields.append((fname, re.sub(r"\s", "", ftype), default, deprecated))
            tables[name] = fields
    return enums, tables, unions


def type_of(ftype, enums):
    if ftype.startswith("["):
        inner, enum = type_of(ftype[1:-1], enums)
        return "[" + inner + "]", enum
    if ftype in SCALARS:
        return SCALARS[ftype], None
    if ftype in enums:
        return "enum:" + enums[ftype][0], ftype
    return "table:" + ftype, None


def default_of(default, ftype, enum, enums):
    if default is None:
        return "0" if not ftype.startswith("[") and ftype not in ("string",) and not ftype.startswith("table") else ""
    if enum:
        for value, key in enums[enum][1]:
            if key == default:
                return str(value)
    if default in ("true", "false"):
        return "1" if default == "true" else "0"
    return default


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    enums, tables, unions = parse(Path(sys.argv[1]).read_text())
    out_dir = Path(__file__).resolve().parent.parent / "src/main/resources/dev/edgetpulint/tflite"
    out_dir.mkdir(parents=True, exist_ok=True)
    header = ("# Generated by tools/gen_tflite_schema_tables.py from the TFLite schema.fbs\n"
              "# (tensorflow/compiler/mlir/lite/schema/schema.fbs @ 0373b8f3cb4d5033ac26e388f1e10a5126654200).\n"
              "# Do not edit by hand.\n")
    ops = enums["BuiltinOperator"][1]
    with open(out_dir / "builtin-operators.tsv", "w") as f:
        f.write(header + "# code\tname\n")
        for value, key in ops:
            f.write(f"{value}\t{key}\n")
    with open(out_dir / "builtin-options.tsv", "w") as f:
        f.write(header + "# union\tindex\ttable\tfield_id\tfield\ttype\tdefault\tenum\n")
        for union in ("BuiltinOptions", "BuiltinOptions2"):
            for index, table in enumerate(unions[union], start=1):
                fields = tables[table]
                written = 0
                field_id = -1
                for fname, ftype, default, deprecated in fields:
                    # A union field takes two ids: its type (ubyte) and its value.
                    field_id += 2 if ftype in unions else 1
                    if deprecated:
                        continue
                    t, enum = type_of(ftype, enums)
                    enum_values = ",".join(f"{v}={k}" for v, k in enums[enum][1]) if enum else ""
                    f.write(f"{union}\t{index}\t{table}\t{field_id}\t{fname}\t{t}\t"
                            f"{default_of(default, t, enum, enums)}\t{enum_values}\n")
                    written += 1
                if written == 0:
                    f.write(f"{union}\t{index}\t{table}\t-1\t\t\t\t\n")
    print(f"{len(ops)} operator codes, {len(unions['BuiltinOptions'])} + "
          f"{len(unions['BuiltinOptions2'])} option tables", file=sys.stderr)


if __name__ == "__main__":
    main()
