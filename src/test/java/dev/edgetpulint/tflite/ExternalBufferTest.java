package dev.edgetpulint.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.graph.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema 3c: constant data after the FlatBuffer, found through Buffer.offset/size. */
class ExternalBufferTest {
  private static final long PLACEHOLDER = 0x0123_4567_89ab_cdefL;

  @TempDir
  Path dir;

  /** A model with one INT32 [4] tensor whose buffer says: {@code size} bytes at a patched offset. */
  private static byte[] model(long size) {
    FlatBufferBuilder b = new FlatBufferBuilder();
    b.startTable(3);
    int empty = b.endTable();
    b.startTable(3);
    b.addLong(1, PLACEHOLDER, 0L);
    b.addLong(2, size, 0L);
    int external = b.endTable();
    b.startVector(4, 1, 4);
    b.addInt(4);
    int shape = b.endVector();
    int name = b.createString("values");
    b.startTable(4);
    b.addOffset(0, shape, 0);
    b.addByte(1, (byte) 2, 0); // INT32
    b.addInt(2, 1, 0);
    b.addOffset(3, name, 0);
    int tensor = b.endTable();
    int tensors = b.createVectorOfTables(new int[] {tensor});
    b.startTable(5);
    b.addOffset(0, tensors, 0);
    int subgraph = b.endTable();
    int subgraphs = b.createVectorOfTables(new int[] {subgraph});
    int buffers = b.createVectorOfTables(new int[] {empty, external});
    b.startTable(8);
    b.addInt(0, 3, 0);
    b.addOffset(2, subgraphs, 0);
    b.addOffset(4, buffers, 0);
    b.finish(b.endTable(), "TFL3");
    byte[] flat = b.sizedByteArray();
    int dataOffset = (flat.length + 15) & ~15;
    ByteBuffer file = ByteBuffer.allocate(dataOffset + 16).order(ByteOrder.LITTLE_ENDIAN);
    file.put(flat);
    for (int i = 0; i + 8 <= flat.length; i++) {
      if (file.getLong(i) == PLACEHOLDER) {
        file.putLong(i, dataOffset);
      }
    }
    file.position(dataOffset);
    for (int v = 1; v <= 4; v++) {
      file.putInt(v * 100);
    }
    return file.array();
  }

  @Test
  void dataAfterTheFlatBufferIsAView() throws Exception {
    Path p = dir.resolve("external.tflite");
    Files.write(p, model(16));
    Model m = TfliteReader.read(p);
    Tensor t = m.mainSubgraph().tensors().get(0);
    assertTrue(t.isConstant());
    assertEquals(16, t.data().byteLength());
    assertArrayEquals(new long[] {100, 200, 300, 400}, t.data().longValues().orElseThrow());
    assertEquals(Files.size(p) - 16, t.data().fileOffset());
  }

  @Test
  void dataPastTheEndIsRefused() {
    ModelReadException e = assertThrows(ModelReadException.class,
        () -> TfliteReader.read(ByteBuffer.wrap(model(1 << 20)), "external"));
    assertTrue(e.getMessage().contains("buffers[1]") && e.getMessage().contains("outside"), e.getMessage());
  }
}
