package dev.edgetpulint.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.graph.TensorType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in a ModelReadException with a one-line reason, never another exception. */
class HostileInputTest {
  @TempDir
  Path dir;

  private static byte[] smallModel() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 8, 8, 4);
    int w = g.constantFilled("w", TensorType.INT8, new int[] {4, 3, 3, 4}, (byte) 1);
    int bias = g.int32Values("bias", 1, 2, 3, 4);
    int mid = g.activation("mid", TensorType.INT8, 1, 8, 8, 4);
    int axis = g.int32Values("axis", 1, 2);
    int out = g.activation("out", TensorType.INT8, 1, 4);
    g.op("CONV_2D").inputs(in, w, bias).outputs(mid).option("padding", "SAME").option("stride_w", 1)
        .option("stride_h", 1).option("dilation_w_factor", 2).add();
    g.op("MEAN").inputs(mid, axis).outputs(out).option("keep_dims", false).add();
    g.op("CUSTOM:edgetpu-custom-op").inputs(out).outputs(out).add();
    Model built = g.inputs(in).outputs(out).build();
    return TfliteWriter.write(new Model("m", 3, "hostile", built.subgraphs(), List.of("meta"), List.of("sig"),
        List.of(new EdgeTpuPackage(0, 2, 14, "cl/1")), Map.of()));
  }

  /** Reads and returns null when refused; fails on any other exception or a multi-line reason. */
  private static Model readOrRefuse(byte[] bytes, String what) {
    try {
      return TfliteReader.read(ByteBuffer.wrap(bytes), what);
    } catch (ModelReadException e) {
      assertFalse(e.getMessage().isBlank(), what);
      assertFalse(e.getMessage().contains("\n"), what);
      return null;
    }
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void emptyFile() throws IOException {
    ModelReadException e = assertThrows(ModelReadException.class, () -> TfliteReader.read(write("e.tflite", new byte[0])));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    assertEquals(dir.resolve("e.tflite").toString(), e.source());
  }

  @Test
  void directory() {
    ModelReadException e = assertThrows(ModelReadException.class, () -> TfliteReader.read(dir));
    assertTrue(e.getMessage().contains("directory"), e.getMessage());
  }

  @Test
  void missingFile() {
    ModelReadException e = assertThrows(ModelReadException.class, () -> TfliteReader.read(dir.resolve("nope.tflite")));
    assertEquals("no such file", e.getMessage());
  }

  @Test
  void unreadableFile() throws IOException {
    Path p = write("locked.tflite", smallModel());
    assertTrue(p.toFile().setReadable(false, false));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(p), "running with privileges that read anything");
      ModelReadException e = assertThrows(ModelReadException.class, () -> TfliteReader.read(p));
      assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    } finally {
      p.toFile().setReadable(true, false);
    }
  }

  @Test
  void zipFileIsNotAModel() throws IOException {
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};
    ModelReadException e = assertThrows(ModelReadException.class, () -> TfliteReader.read(write("x.zip", zip)));
    assertEquals("not a TensorFlow Lite model (a ZIP archive; expected the file identifier 'TFL3')", e.getMessage());
    byte[] other = "hello world, not a model".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    other[4] = 1;
    e = assertThrows(ModelReadException.class, () -> TfliteReader.read(ByteBuffer.wrap(other), "other"));
    assertEquals("not a TensorFlow Lite model (file identifier is '\\001 wo', expected 'TFL3')", e.getMessage());
  }

  @Test
  void tooShort() {
    ModelReadException e = assertThrows(ModelReadException.class,
        () -> TfliteReader.read(ByteBuffer.wrap(new byte[] {1, 2, 3}), "short"));
    assertTrue(e.getMessage().startsWith("truncated"), e.getMessage());
  }

  @Test
  void everyTruncationIsRefusedOrRead() throws IOException {
    byte[] model = smallModel();
    assertTrue(readOrRefuse(model, "whole") != null);
    int refused = 0;
    for (int length = 0; length < model.length; length++) {
      if (readOrRefuse(Arrays.copyOf(model, length), "prefix " + length) == null) {
        refused++;
      }
    }
    // Through a file too (the mapped path).
    ModelReadException e = assertThrows(ModelReadException.class,
        () -> TfliteReader.read(write("cut.tflite", Arrays.copyOf(model, model.length / 2))));
    assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt"), e.getMessage());
    assertTrue(refused > model.length / 2, "most prefixes are refused: " + refused);
  }

  @Test
  void randomMutationsNeverEscape() {
    byte[] model = smallModel();
    Random random = new Random(20261122L);
    int read = 0;
    int refused = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = model.clone();
      int edits = 1 + random.nextInt(4);
      for (int k = 0; k < edits; k++) {
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(4)) {
          case 0 -> bytes[at] = (byte) random.nextInt(256);
          case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
          case 2 -> putInt(bytes, at & ~3, random.nextBoolean() ? Integer.MAX_VALUE : -1);
          default -> putInt(bytes, at & ~3, random.nextInt(bytes.length * 2) - bytes.length / 2);
        }
      }
      Model m = readOrRefuse(bytes, "mutation " + round);
      if (m == null) {
        refused++;
      } else {
        read++;
      }
    }
    System.out.println("mutations: " + read + " read, " + refused + " refused");
    assertTrue(refused > 0 && read > 0);
  }

  @Test
  void hugeVectorLengthIsRefusedWithoutAllocating() {
    byte[] model = smallModel();
    // Every int that could be a vector length becomes 2^31-1: never an allocation of that size.
    List<Integer> refusedAt = new ArrayList<>();
    for (int at = 8; at + 4 <= model.length; at += 4) {
      byte[] bytes = model.clone();
      putInt(bytes, at, 0x7fff_ffff);
      if (readOrRefuse(bytes, "length at " + at) == null) {
        refusedAt.add(at);
      }
    }
    assertFalse(refusedAt.isEmpty());
  }

  @Test
  void sharedVectorsCannotAmplifyWork() {
    // 100,000 operators that all share one table with 100,000 inputs: a 0.8 MB file that would
    // decode 10^10 integers. The reader's work budget refuses it.
    int n = 100_000;
    com.google.flatbuffers.FlatBufferBuilder b = new com.google.flatbuffers.FlatBufferBuilder();
    b.startVector(4, n, 4);
    for (int i = 0; i < n; i++) {
      b.addInt(0);
    }
    int inputs = b.endVector();
    b.startTable(3);
    b.addOffset(1, inputs, 0);
    int op = b.endTable();
    b.startVector(4, n, 4);
    for (int i = 0; i < n; i++) {
      b.addOffset(op);
    }
    int operators = b.endVector();
    b.startTable(4);
    b.addOffset(3, operators, 0);
    int subgraph = b.endTable();
    b.startTable(1);
    int code = b.endTable();
    int codes = b.createVectorOfTables(new int[] {code});
    int subgraphs = b.createVectorOfTables(new int[] {subgraph});
    b.startTable(8);
    b.addInt(0, 3, 0);
    b.addOffset(1, codes, 0);
    b.addOffset(2, subgraphs, 0);
    b.finish(b.endTable(), "TFL3");
    ModelReadException e = assertThrows(ModelReadException.class,
        () -> TfliteReader.read(ByteBuffer.wrap(b.sizedByteArray()), "amplifier"));
    assertTrue(e.getMessage().contains("more elements than the file can hold"), e.getMessage());
  }

  @Test
  void bufferWithAPositionIsReadFromItsPosition() {
    byte[] model = smallModel();
    ByteBuffer padded = ByteBuffer.allocate(model.length + 12);
    padded.position(12);
    padded.put(model);
    padded.position(12);
    Model m = TfliteReader.read(padded, "padded");
    assertEquals(3, m.mainSubgraph().operators().size());
    assertEquals(14, m.edgeTpuPackages().get(0).minRuntimeVersion());
  }

  @Test
  void printableIdentifier() {
    assertEquals("PK\\003\\004", TfliteReader.printable("PK\u0003\u0004"));
    assertEquals("TFL3", TfliteReader.printable("TFL3"));
  }

  private static void putInt(byte[] bytes, int at, int value) {
    if (at >= 0 && at + 4 <= bytes.length) {
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }
  }
}
