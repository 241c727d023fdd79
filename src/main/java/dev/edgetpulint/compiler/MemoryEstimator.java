package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.IntList;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import java.util.List;

/**
 * Stage 4 of the compiler path: how much of the mapped ops' parameter data fits the Edge TPU's
 * on-chip SRAM and how much is streamed from the host on every inference.
 *
 * <p>Model: the parameters of a mapped op are its constant inputs (weights, biases, small operand
 * tensors). The compiler re-tiles and pads them, so the on-chip footprint is larger than the bytes
 * in the .tflite: the only corpus logs with memory lines (compiler 16.0, mobile_retina_net
 * padded/not padded) report 3.86 MiB on chip for 2.42 MiB of constant bytes, a factor of 1.59,
 * which is the estimate used here ({@link #RETILING_FACTOR}); independently, the custom-op payload of
 * the 16 weight-dominated compiled pairs is 1.13 to 2.11 times their constant bytes (median 1.63). Usable cache: the same logs report
 * used + remaining = 7.52 to 7.69 MiB of the ~8 MiB SRAM ({@link #CACHE_CAPACITY_BYTES} = 7.6 MiB;
 * facts Section 7 quote 6.9 to 8.05 MiB). Allocation is per layer: in execution order, a layer's
 * parameters are either cached whole or streamed whole.
 */
public final class MemoryEstimator {
  /** Estimated on-chip bytes per parameter byte of the source model (see class comment). */
  public static final double RETILING_FACTOR = 1.59;
  /** Estimated SRAM available for parameters: 7.6 MiB. */
  public static final long CACHE_CAPACITY_BYTES = (long) (7.6 * 1024 * 1024);

  private MemoryEstimator() {}

  /** Estimate for the ops of {@code subgraph} that are kept on the Edge TPU. */
  public static MemoryEstimate estimate(Subgraph subgraph, boolean[] kept) {
    // A constant read by several kept ops is counted once.
    boolean[] counted = new boolean[subgraph.tensors().size()];
    long parameters = 0;
    long cached = 0;
    long streamed = 0;
    boolean full = false;
    List<Operator> ops = subgraph.operators();
    for (Operator op : ops) {
      if (op.index() >= kept.length || !kept[op.index()]) {
        continue;
      }
      long layer = 0;
      IntList inputs = op.inputIndices();
      for (int k = 0; k < inputs.size(); k++) {
        int t = inputs.getInt(k);
        Tensor tensor = subgraph.tensor(t);
        if (tensor != null && tensor.isConstant() && !counted[t]) {
          counted[t] = true;
          layer += tensor.data().byteLength();
        }
      }
      if (layer == 0) {
        continue;
      }
      long footprint = Math.round(layer * RETILING_FACTOR);
      parameters += footprint;
      if (!full && cached + footprint <= CACHE_CAPACITY_BYTES) {
        cached += footprint;
      } else {
        // Once a layer does not fit, later layers are streamed too: the compiler allocates in order.
        full = true;
        streamed += footprint;
      }
    }
    return new MemoryEstimate(parameters, cached, streamed, CACHE_CAPACITY_BYTES);
  }

  /**
   * Bytes as the compiler prints them: two decimals and B, KiB or MiB ("3.86MiB"). Rounded as
   * {@code String.format("%.2f")} rounds (half up, from the shortest decimal form of the double), without
   * {@link java.util.Formatter}: its first use loads the locale data, a noticeable part of a cold check.
   */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return twoDecimals(bytes) + "B";
    }
    if (bytes < 1024 * 1024) {
      return twoDecimals(bytes / 1024.0) + "KiB";
    }
    return twoDecimals(bytes / (1024.0 * 1024.0)) + "MiB";
  }

  private static String twoDecimals(double value) {
    return java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
