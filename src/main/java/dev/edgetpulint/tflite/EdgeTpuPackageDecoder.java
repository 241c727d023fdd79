package dev.edgetpulint.tflite;

import com.google.flatbuffers.FlexBuffers;
import dev.edgetpulint.graph.EdgeTpuPackage;
import java.nio.ByteBuffer;

/**
 * Decodes what an {@code edgetpu-custom-op} records about its compilation.
 *
 * <p>The op's custom_options are a FlexBuffers map. Its entry "4" is a blob holding a FlatBuffer
 * with file identifier "DWN1" (the Edge TPU package). The field ids of that package's root table
 * were found empirically on the corpus's compiled models, checked against the compiler logs and
 * {@code expected/*.json}: field 0 is the minimum runtime version (the compiler's -m), field 4 the
 * compiler's changelist label ("cl/343520747", often just "cl/"). Anything unreadable gives
 * {@code minRuntimeVersion = -1}, never a failure: the rest of the model is still judged.
 */
final class EdgeTpuPackageDecoder {
  static final String PACKAGE_KEY = "4";
  static final String PACKAGE_IDENTIFIER = "DWN1";
  static final int FIELD_MIN_RUNTIME_VERSION = 0;
  static final int FIELD_COMPILER_VERSION = 4;

  private EdgeTpuPackageDecoder() {}

  static EdgeTpuPackage decode(int subgraph, int operator, ByteBuffer customOptions) {
    EdgeTpuPackage unreadable = new EdgeTpuPackage(subgraph, operator, -1, null);
    if (customOptions == null || customOptions.remaining() < 2) {
      return unreadable;
    }
    try {
      CheckedReadBuf flex = new CheckedReadBuf(customOptions);
      FlexBuffers.Reference root = FlexBuffers.getRoot(flex);
      if (!root.isMap()) {
        return unreadable;
      }
      FlexBuffers.Reference entry = root.asMap().get(PACKAGE_KEY);
      if (!entry.isBlob() && !entry.isString()) {
        return unreadable;
      }
      FlexBuffers.Blob blob = entry.asBlob();
      int size = blob.size();
      if (size < 8) {
        return unreadable;
      }
      // FlexBuffers hands out blob bytes only as a copy; read one byte to learn where the blob
      // starts, and view the package in place (it holds the compiled weights, often megabytes).
      blob.get(0);
      int start = flex.lastIndex();
      ByteBuffer all = flex.buffer();
      if (start < 0 || (long) start + size > all.limit()) {
        return unreadable;
      }
      FlatBuffer pkg = new FlatBuffer(all.slice(start, size));
      if (!PACKAGE_IDENTIFIER.equals(pkg.identifier())) {
        return unreadable;
      }
      FlatTable table = pkg.root("Edge TPU package");
      int minRuntime = table.i32(FIELD_MIN_RUNTIME_VERSION, -1);
      String compiler = table.string(FIELD_COMPILER_VERSION, "compiler version");
      return new EdgeTpuPackage(subgraph, operator, minRuntime, compiler);
    } catch (RuntimeException e) {
      // FlexBuffers itself does not validate its input; any failure means "unreadable".
      return unreadable;
    }
  }
}
