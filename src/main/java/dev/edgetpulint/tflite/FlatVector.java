package dev.edgetpulint.tflite;

import dev.edgetpulint.graph.FloatList;
import dev.edgetpulint.graph.IntList;
import dev.edgetpulint.graph.LongList;
import java.util.function.Supplier;

/** A bounds-checked FlatBuffer vector; its whole extent was checked when it was made. */
final class FlatVector {
  private final FlatBuffer fb;
  private final int start;
  private final int length;
  private final int elementSize;
  private final String what;

  FlatVector(FlatBuffer fb, int start, int length, int elementSize, String what) {
    this.fb = fb;
    this.start = start;
    this.length = length;
    this.elementSize = elementSize;
    this.what = what;
  }

  int length() {
    return length;
  }

  /** Offset of the first element in the buffer. */
  int start() {
    return start;
  }

  int byteLength() {
    return length * elementSize;
  }

  int at(int i) {
    return start + i * elementSize;
  }

  /** Table element {@code i}; {@code name} names it in an error message, and is asked only then. */
  FlatTable table(int i, Supplier<String> name) {
    return fb.table(fb.deref(at(i), name), name);
  }

  String string(int i, String name) {
    return fb.string(fb.deref(at(i), name), name);
  }

  IntList ints() {
    fb.spend(length, what);
    return IntList.read(length, new Int32s());
  }

  /** The elements, read when asked for (a view, nothing decoded now): see {@link LongList#view}. */
  LongList longs() {
    fb.spend(length, what); // still charged: a shared vector must not multiply what reports write
    return LongList.view(fb.readOnlyView(), start, length);
  }

  /** The elements, read when asked for (a view, nothing decoded now): see {@link FloatList#view}. */
  FloatList floats() {
    fb.spend(length, what);
    return FloatList.view(fb.readOnlyView(), start, length);
  }

  // The elements as the list reads them: a class rather than a lambda, as for Place.

  private final class Int32s implements IntList.IntSource {
    @Override
    public int get(int i) {
      return fb.i32(at(i));
    }
  }

  /** Element {@code i} read as the given scalar type. */
  Number element(int i, String scalar) {
    int p = at(i);
    return switch (scalar) {
      case "bool", "ubyte" -> fb.u8(p);
      case "byte" -> fb.i8(p);
      case "short" -> fb.i16(p);
      case "ushort" -> fb.u16(p);
      case "int" -> fb.i32(p);
      case "uint" -> fb.u32(p);
      case "long", "ulong" -> fb.i64(p);
      case "float" -> fb.f32(p);
      case "double" -> fb.f64(p);
      default -> 0;
    };
  }
}
