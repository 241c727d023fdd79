package dev.edgetpulint.show;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;

/** Small graphs for the visual report tests. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * input -> CONV_2D -> DEPTHWISE_CONV_2D -> CONV_2D -> LEAKY_RELU -> CONV_2D -> ADD(with a side branch) -> output,
   * plus a side branch CONV_2D from the first conv into the ADD.
   */
  public static Model cutModel() {
    GraphBuilder g = new GraphBuilder().source("models/cut_in_the_middle.tflite");
    int in = g.activation("input", TensorType.INT8, 1, 32, 32, 3);
    int w = g.constant("weights", TensorType.INT8, new int[] {8, 3, 3, 3});
    int dw = g.constant("dw_weights", TensorType.INT8, new int[] {1, 3, 3, 8});
    int w8 = g.constant("pw_weights", TensorType.INT8, new int[] {8, 1, 1, 8});
    int c1 = g.activation("block1/conv", TensorType.INT8, 1, 32, 32, 8);
    int d1 = g.activation("block1/depthwise", TensorType.INT8, 1, 32, 32, 8);
    int c2 = g.activation("block1/project", TensorType.INT8, 1, 32, 32, 8);
    int lr = g.activation("block1/leaky_relu", TensorType.INT8, 1, 32, 32, 8);
    int c3 = g.activation("block2/conv", TensorType.INT8, 1, 32, 32, 8);
    int side = g.activation("side/conv", TensorType.INT8, 1, 32, 32, 8);
    int sum = g.activation("head/add", TensorType.INT8, 1, 32, 32, 8);
    g.op("CONV_2D").inputs(in, w).outputs(c1).add();
    g.op("DEPTHWISE_CONV_2D").inputs(c1, dw).outputs(d1).add();
    g.op("CONV_2D").inputs(d1, w8).outputs(c2).add();
    g.op("LEAKY_RELU").inputs(c2).outputs(lr).add();
    g.op("CONV_2D").inputs(lr, w8).outputs(c3).add();
    g.op("CONV_2D").inputs(c1, w8).outputs(side).add();
    g.op("ADD").inputs(c3, side).outputs(sum).add();
    return g.inputs(in).outputs(sum).build();
  }

  /** A classifier: CONV_2D -> AVERAGE_POOL_2D -> RESHAPE -> FULLY_CONNECTED -> SOFTMAX. */
  public static Model classifier() {
    GraphBuilder g = new GraphBuilder().source("classifier.tflite");
    int in = g.activation("image", TensorType.UINT8, 1, 16, 16, 3);
    int w = g.constant("w", TensorType.UINT8, new int[] {64, 3, 3, 3});
    int conv = g.activation("features", TensorType.UINT8, 1, 16, 16, 64);
    int pool = g.activation("pool", TensorType.UINT8, 1, 1, 1, 64);
    int shape = g.int32Values("shape", 1, 64);
    int flat = g.activation("embedding", TensorType.UINT8, 1, 64);
    int fcw = g.constant("fc_w", TensorType.UINT8, new int[] {10, 64});
    int logits = g.activation("logits", TensorType.UINT8, 1, 10);
    int probs = g.activation("probs", TensorType.UINT8, 1, 10);
    g.op("CONV_2D").inputs(in, w).outputs(conv).add();
    g.op("AVERAGE_POOL_2D").inputs(conv).outputs(pool).add();
    g.op("RESHAPE").inputs(pool, shape).outputs(flat).add();
    g.op("FULLY_CONNECTED").inputs(flat, fcw).outputs(logits).add();
    g.op("SOFTMAX").inputs(logits).outputs(probs).add();
    return g.inputs(in).outputs(probs).build();
  }

  /** The imprinting layout: base -> L2_NORMALIZATION [1,1,1,D] -> CONV_2D -> MUL -> RESHAPE -> SOFTMAX [1,N]. */
  public static Model imprintable() {
    return imprintable(0L);
  }

  /** The imprinting layout with the tail conv's bias zero point set. */
  public static Model imprintable(long biasZeroPoint) {
    GraphBuilder g = new GraphBuilder().source("imprinting.tflite");
    int in = g.activation("image", TensorType.UINT8, 1, 8, 8, 3);
    int w = g.constant("w", TensorType.UINT8, new int[] {16, 3, 3, 3});
    int conv = g.activation("features", TensorType.UINT8, 1, 8, 8, 16);
    int pool = g.activation("pool", TensorType.UINT8, 1, 1, 1, 16);
    int norm = g.activation("l2norm", TensorType.UINT8, 1, 1, 1, 16);
    int fcw = g.constant("fc_w", TensorType.UINT8, new int[] {5, 1, 1, 16});
    int bias = g.constant("fc_bias", TensorType.INT32, new int[] {5});
    g.quantization(bias, new dev.edgetpulint.graph.Quantization(java.util.List.of(0.01f), java.util.List.of(biasZeroPoint), 0));
    int fc = g.activation("fc", TensorType.UINT8, 1, 1, 1, 5);
    int scale = g.constant("scale", TensorType.UINT8, new int[] {1});
    int mul = g.activation("scaled", TensorType.UINT8, 1, 1, 1, 5);
    int shape = g.int32Values("shape", 1, 5);
    int flat = g.activation("flat", TensorType.UINT8, 1, 5);
    int probs = g.activation("probs", TensorType.UINT8, 1, 5);
    g.op("CONV_2D").inputs(in, w).outputs(conv).add();
    g.op("AVERAGE_POOL_2D").inputs(conv).outputs(pool).add();
    g.op("L2_NORMALIZATION").inputs(pool).outputs(norm).add();
    g.op("CONV_2D").inputs(norm, fcw, bias).outputs(fc).add();
    g.op("MUL").inputs(fc, scale).outputs(mul).add();
    g.op("RESHAPE").inputs(mul, shape).outputs(flat).add();
    g.op("SOFTMAX").inputs(flat).outputs(probs).add();
    return g.inputs(in).outputs(probs).build();
  }
}
