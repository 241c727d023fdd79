package dev.edgetpulint.bench;

import dev.edgetpulint.description.DescriptionWriter;
import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The synthetic models the benchmarks judge, built with the project's own test fixtures
 * (GraphBuilder, TfliteWriter, DescriptionWriter).
 *
 * <p>A "block chain" model: {@code blocks} repetitions of CONV_2D 1x1 -> DEPTHWISE_CONV_2D 3x3 ->
 * ADD (residual), each convolution with INT8 weights filled with a non-zero byte and an INT32 bias,
 * closed by MEAN over H and W, FULLY_CONNECTED and SOFTMAX: an int8 classifier of 3 x blocks + 3
 * operators. {@code channels} scales the weight bytes (C x C per 1x1 convolution) without changing
 * the graph: the same operators, connectivity, types and options.
 */
public final class BenchModels {
  /** 99 blocks + 3 = 300 operators. */
  public static final int BLOCKS_300_OPS = 99;
  public static final int SMALL_CHANNELS = 32;
  /** C*C + 17*C weight bytes a block: 117 gives 10.0x the 32-channel model's. */
  public static final int LARGE_CHANNELS = 117;

  private BenchModels() {}

  public static Model blockChain(int blocks, int channels, int spatial) {
    GraphBuilder g = new GraphBuilder().source("bench-" + blocks + "x" + channels + ".tflite");
    int x = g.activation("input", TensorType.INT8, 1, spatial, spatial, channels);
    int input = x;
    for (int i = 0; i < blocks; i++) {
      int w = g.constantFilled("b" + i + "/conv/weights", TensorType.INT8, new int[] {channels, 1, 1, channels}, (byte) 3);
      int bias = g.constantFilled("b" + i + "/conv/bias", TensorType.INT32, new int[] {channels}, (byte) 1);
      int conv = g.activation("b" + i + "/conv", TensorType.INT8, 1, spatial, spatial, channels);
      g.op("CONV_2D").inputs(x, w, bias).outputs(conv).option("padding", "SAME").option("stride_w", 1)
          .option("stride_h", 1).option("fused_activation_function", "RELU6").add();
      int dw = g.constantFilled("b" + i + "/dw/weights", TensorType.INT8, new int[] {1, 3, 3, channels}, (byte) 5);
      int dwBias = g.constantFilled("b" + i + "/dw/bias", TensorType.INT32, new int[] {channels}, (byte) 1);
      int depthwise = g.activation("b" + i + "/dw", TensorType.INT8, 1, spatial, spatial, channels);
      g.op("DEPTHWISE_CONV_2D").inputs(conv, dw, dwBias).outputs(depthwise).option("padding", "SAME")
          .option("stride_w", 1).option("stride_h", 1).option("depth_multiplier", 1)
          .option("fused_activation_function", "RELU6").add();
      int sum = g.activation("b" + i + "/add", TensorType.INT8, 1, spatial, spatial, channels);
      g.op("ADD").inputs(x, depthwise).outputs(sum).add();
      x = sum;
    }
    int axes = g.int32Values("mean/axes", 1, 2);
    int pooled = g.activation("mean", TensorType.INT8, 1, channels);
    g.op("MEAN").inputs(x, axes).outputs(pooled).option("keep_dims", false).add();
    int fcWeights = g.constantFilled("fc/weights", TensorType.INT8, new int[] {10, channels}, (byte) 7);
    int logits = g.activation("logits", TensorType.INT8, 1, 10);
    g.op("FULLY_CONNECTED").inputs(pooled, fcWeights).outputs(logits).add();
    int probabilities = g.activation("probabilities", TensorType.INT8, 1, 10);
    g.op("SOFTMAX").inputs(logits).outputs(probabilities).option("beta", 1.0f).add();
    return g.inputs(input).outputs(probabilities).build();
  }

  /** Writes the benchmark models into {@code dir}; prints what it wrote. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "bench/target/models");
    Files.createDirectories(dir);
    write(dir.resolve("ops300.tflite"), TfliteWriter.write(blockChain(BLOCKS_300_OPS, SMALL_CHANNELS, 16)));
    write(dir.resolve("ops300-weights10x.tflite"), TfliteWriter.write(blockChain(BLOCKS_300_OPS, LARGE_CHANNELS, 16)));
    // About 100 MB of weights: 99 blocks of 1x1 convolutions with 1000 x 1000 INT8 weights.
    write(dir.resolve("weights-100mb.tflite"), TfliteWriter.write(blockChain(BLOCKS_300_OPS, 1000, 4)));
    // 500 operators (166 blocks + 3 = 501) as a description, for the language-server benchmark.
    Files.writeString(dir.resolve("ops500.tflite.yaml"), DescriptionWriter.write(blockChain(166, 16, 8)));
    System.out.println("wrote " + dir.resolve("ops500.tflite.yaml") + " (" + Files.size(dir.resolve("ops500.tflite.yaml")) + " bytes)");
  }

  private static void write(Path path, byte[] bytes) throws IOException {
    Files.write(path, bytes);
    System.out.println("wrote " + path + " (" + bytes.length + " bytes)");
  }
}
