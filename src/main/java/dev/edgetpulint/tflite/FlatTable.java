package dev.edgetpulint.tflite;

import java.util.function.Supplier;

/** One table of a {@link FlatBuffer}: fields looked up through its vtable, all bounds-checked. */
final class FlatTable {
  private final FlatBuffer fb;
  private final int pos;
  private final int vtable;
  private final int vtableSize;
  private final int inlineSize;

  /** The table at {@code pos}; {@code what} names it in an error message, and is asked only then. */
  FlatTable(FlatBuffer fb, int pos, Supplier<String> what) {
    this.fb = fb;
    this.pos = pos;
    long vt = (long) pos - fb.i32(pos);
    if (vt < 0 || vt + 4 > fb.limit()) {
      throw new MalformedFlatBufferException(
          "the vtable of " + what.get() + " at offset " + pos + " lies outside the file");
    }
    this.vtable = (int) vt;
    this.vtableSize = fb.u16(vtable);
    this.inlineSize = fb.u16(vtable + 2);
    if (vtableSize < 4 || (vtableSize & 1) != 0) {
      throw new MalformedFlatBufferException(
          "the vtable of " + what.get() + " has an invalid size " + vtableSize);
    }
    fb.check(vtable, vtableSize, Place.part("", "vtable", what));
    fb.check(pos, Math.max(4, inlineSize), what);
  }

  /** Offset of the table in the buffer. */
  int position() {
    return pos;
  }

  /** Size in bytes of the table's inline data (fields stored in place), from its vtable. */
  int inlineSize() {
    return inlineSize;
  }

  /** Absolute position of field {@code id}, or 0 when absent. */
  int field(int id) {
    int slot = 4 + 2 * id;
    if (slot + 2 > vtableSize) {
      return 0;
    }
    int offset = fb.u16(vtable + slot);
    return offset == 0 ? 0 : pos + offset;
  }

  boolean has(int id) {
    return field(id) != 0;
  }

  int u8(int id, int dflt) {
    int p = field(id);
    return p == 0 ? dflt : fb.u8(p);
  }

  int i8(int id, int dflt) {
    int p = field(id);
    return p == 0 ? dflt : fb.i8(p);
  }

  int u16(int id, int dflt) {
    int p = field(id);
    return p == 0 ? dflt : fb.u16(p);
  }

  int i16(int id, int dflt) {
    int p = field(id);
    return p == 0 ? dflt : fb.i16(p);
  }

  int i32(int id, int dflt) {
    int p = field(id);
    return p == 0 ? dflt : fb.i32(p);
  }

  long u32(int id, long dflt) {
    int p = field(id);
    return p == 0 ? dflt : fb.u32(p);
  }

  long i64(int id, long dflt) {
    int p = field(id);
    return p == 0 ? dflt : fb.i64(p);
  }

  float f32(int id, float dflt) {
    int p = field(id);
    return p == 0 ? dflt : fb.f32(p);
  }

  double f64(int id, double dflt) {
    int p = field(id);
    return p == 0 ? dflt : fb.f64(p);
  }

  boolean bool(int id, boolean dflt) {
    int p = field(id);
    return p == 0 ? dflt : fb.u8(p) != 0;
  }

  /** The sub-table of field {@code id}, or null when absent; {@code name} is asked only for an error. */
  FlatTable table(int id, Supplier<String> name) {
    int p = field(id);
    return p == 0 ? null : fb.table(fb.deref(p, name), name);
  }

  FlatTable table(int id, String name) {
    return table(id, Place.text(name));
  }

  /** The string of field {@code id}, or null when absent. */
  String string(int id, String name) {
    int p = field(id);
    return p == 0 ? null : fb.string(fb.deref(p, name), name);
  }

  /** The vector of field {@code id}, or null when absent. */
  FlatVector vector(int id, int elementSize, String name) {
    int p = field(id);
    return p == 0 ? null : fb.vector(fb.deref(p, name), elementSize, name);
  }
}
