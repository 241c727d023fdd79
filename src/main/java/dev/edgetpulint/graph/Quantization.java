package dev.edgetpulint.graph;

import java.util.List;

/**
 * Affine quantization parameters of a tensor: {@code real = (q - zeroPoint) * scale}. Per-axis when
 * there is more than one scale, along {@code quantizedDimension}.
 */
public record Quantization(List<Float> scale, List<Long> zeroPoint, int quantizedDimension) {
  public static final Quantization NONE = new Quantization(List.of(), List.of(), 0);

  public Quantization {
    scale = FloatList.copyOf(scale);
    zeroPoint = LongList.copyOf(zeroPoint);
  }

  public boolean isPresent() {
    return !scale.isEmpty();
  }

  public boolean isPerAxis() {
    return scale.size() > 1;
  }
}
