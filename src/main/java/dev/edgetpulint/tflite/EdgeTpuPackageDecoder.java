package dev.edgetpulint.tflite;

import dev.edgetpulint.graph.EdgeTpuPackage;
import java.nio.ByteBuffer;

/** Decodes what an edgetpu-custom-op's custom_options record about the compilation. */
final class EdgeTpuPackageDecoder {
  private EdgeTpuPackageDecoder() {}

  static EdgeTpuPackage decode(int subgraph, int operator, ByteBuffer customOptions) {
    return new EdgeTpuPackage(subgraph, operator, -1, null);
  }
}
