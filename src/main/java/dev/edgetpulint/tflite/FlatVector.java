package dev.edgetpulint.tflite;

import java.util.ArrayList;
import java.util.List;

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

  FlatTable table(int i, String name) {
    return fb.table(fb.deref(at(i), name), name);
  }

  String string(int i, String name) {
    return fb.string(fb.deref(at(i), name), name);
  }

  List<Integer> ints() {
    fb.spend(length, what);
    List<Integer> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      out.add(fb.i32(at(i)));
    }
    return out;
  }

  List<Long> longs() {
    fb.spend(length, what);
    List<Long> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      out.add(fb.i64(at(i)));
    }
    return out;
  }

  List<Float> floats() {
    fb.spend(length, what);
    List<Float> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      out.add(fb.f32(at(i)));
    }
    return out;
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
