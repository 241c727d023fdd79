package dev.edgetpulint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The int, long and float lists of the graph model behave as the immutable lists they replace. */
class CompactListsTest {
  @Test
  void intListIsEqualToTheSameIntegersInAnyList() {
    List<Integer> boxed = List.of(1, 224, 224, 3);
    IntList ints = IntList.of(1, 224, 224, 3);
    assertEquals(boxed, ints);
    assertEquals(ints, boxed);
    assertEquals(boxed.hashCode(), ints.hashCode());
    assertEquals(boxed.toString(), ints.toString());
    assertEquals(new ArrayList<>(boxed), ints);
    assertNotEquals(IntList.of(1, 224, 3), ints);
    assertEquals(224, ints.getInt(1));
    assertEquals(1, ints.indexOf(224));
    assertTrue(ints.contains(3));
    assertFalse(ints.contains(3L));
    assertFalse(ints.contains(null));
    assertEquals(List.of(224, 3), ints.subList(2, 4));
  }

  @Test
  void intListIsImmutableAndCopiesItsInput() {
    int[] values = {5, 6};
    IntList ints = IntList.of(values);
    values[0] = 9;
    assertEquals(List.of(5, 6), ints);
    assertThrows(UnsupportedOperationException.class, () -> ints.add(7));
    assertThrows(UnsupportedOperationException.class, () -> ints.set(0, 7));
    assertThrows(IndexOutOfBoundsException.class, () -> ints.get(2));
    assertSame(ints, IntList.copyOf(ints));
    List<Integer> source = new ArrayList<>(List.of(1, 2));
    IntList copy = IntList.copyOf(source);
    source.set(0, 8);
    assertEquals(List.of(1, 2), copy);
    assertThrows(NullPointerException.class, () -> IntList.copyOf(Arrays.asList(1, null)));
    assertEquals(List.of(0, 2, 4), IntList.read(3, i -> 2 * i));
    assertEquals(List.of(), IntList.read(0, i -> i));
  }

  @Test
  void longListIsEqualToTheSameLongsInAnyList() {
    LongList longs = LongList.of(-128, 0, 1L << 40);
    List<Long> boxed = List.of(-128L, 0L, 1L << 40);
    assertEquals(boxed, longs);
    assertEquals(longs, boxed);
    assertEquals(boxed.hashCode(), longs.hashCode());
    assertEquals(boxed.toString(), longs.toString());
    assertEquals(1L << 40, longs.getLong(2));
    assertTrue(longs.contains(0L));
    assertFalse(longs.contains(0));
    assertSame(longs, LongList.copyOf(longs));
    assertEquals(longs, LongList.copyOf(new ArrayList<>(boxed)));
    assertThrows(UnsupportedOperationException.class, () -> longs.remove(0));
    assertThrows(NullPointerException.class, () -> LongList.copyOf(Arrays.asList(1L, null)));
  }

  @Test
  void floatListIsEqualToTheSameFloatsInAnyList() {
    FloatList floats = FloatList.of(0.05f, Float.NaN, -0.0f);
    List<Float> boxed = List.of(0.05f, Float.NaN, -0.0f);
    assertEquals(boxed, floats);
    assertEquals(floats, boxed);
    assertEquals(boxed.hashCode(), floats.hashCode());
    assertEquals(boxed.toString(), floats.toString());
    assertNotEquals(FloatList.of(0.05f, Float.NaN, 0.0f), floats); // Float.equals compares bits
    assertEquals(0.05f, floats.getFloat(0));
    assertSame(floats, FloatList.copyOf(floats));
    assertEquals(floats, FloatList.copyOf(new ArrayList<>(boxed)));
    assertThrows(UnsupportedOperationException.class, () -> floats.clear());
    assertThrows(NullPointerException.class, () -> FloatList.copyOf(Arrays.asList(1f, null)));
  }

  @Test
  void viewsOfAFileReadTheirElementsInPlaceAndEqualCopies() {
    ByteBuffer file = ByteBuffer.allocate(4 + 3 * 4 + 2 * 8).order(ByteOrder.LITTLE_ENDIAN);
    file.putInt(7).putFloat(0.5f).putFloat(-0.0f).putFloat(Float.NaN).putLong(-3).putLong(1L << 40);
    ByteBuffer readOnly = file.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    FloatList scales = FloatList.view(readOnly, 4, 3);
    LongList zeroPoints = LongList.view(readOnly, 16, 2);
    assertEquals(FloatList.of(0.5f, -0.0f, Float.NaN), scales);
    assertEquals(scales, FloatList.of(0.5f, -0.0f, Float.NaN));
    assertEquals(FloatList.of(0.5f, -0.0f, Float.NaN).hashCode(), scales.hashCode());
    assertNotEquals(FloatList.of(0.5f, 0.0f, Float.NaN), scales, "bitwise, as Float.equals");
    assertEquals(List.of(-3L, 1L << 40), zeroPoints);
    assertEquals(LongList.of(-3, 1L << 40), zeroPoints);
    assertEquals(LongList.of(-3, 1L << 40).hashCode(), zeroPoints.hashCode());
    assertTrue(zeroPoints.contains(1L << 40));
    assertEquals(3, scales.size());
    assertThrows(IndexOutOfBoundsException.class, () -> scales.getFloat(3), "not the next bytes of the file");
    assertThrows(IndexOutOfBoundsException.class, () -> zeroPoints.getLong(-1));
    assertThrows(UnsupportedOperationException.class, () -> scales.set(0, 1f));
    assertThrows(IndexOutOfBoundsException.class, () -> LongList.view(readOnly, 16, 3), "past the end");
    assertThrows(IllegalArgumentException.class, () -> FloatList.view(file, 4, 3), "a writable buffer");
    assertSame(FloatList.of(), FloatList.view(readOnly, 0, 0));
  }

  @Test
  void recordsKeepCompactListsAndConvertOthers() {
    IntList shape = IntList.of(1, 8);
    Tensor tensor = new Tensor(0, "t", TensorType.INT8, shape, null, null, null, false, false);
    assertSame(shape, tensor.shape());
    assertSame(shape, tensor.shapeSignature());
    Tensor described = new Tensor(0, "t", TensorType.INT8, new ArrayList<>(List.of(1, 8)), null, null, null,
        false, false);
    assertEquals(tensor, described);
    assertTrue(described.shape() instanceof IntList);
    Quantization q = new Quantization(new ArrayList<>(List.of(0.5f)), new ArrayList<>(List.of(3L)), 0);
    assertEquals(new Quantization(FloatList.of(0.5f), LongList.of(3), 0), q);
    assertThrows(UnsupportedOperationException.class, () -> q.scale().add(1f));
  }
}
