package dev.edgetpulint.graph;

import java.util.List;

/**
 * A tensor of a subgraph.
 *
 * @param shape the static shape ([] for a scalar)
 * @param shapeSignature the shape with -1 for dynamic dimensions; equals {@code shape} when the file
 *     has none
 * @param data the constant bytes, or null for activations and variables
 * @param variable whether the tensor is a TFLite variable (state), never constant
 * @param sparse whether the tensor carries sparsity parameters
 */
public record Tensor(
    int index,
    String name,
    TensorType type,
    List<Integer> shape,
    List<Integer> shapeSignature,
    Quantization quantization,
    ConstantData data,
    boolean variable,
    boolean sparse) {

  public Tensor {
    name = name == null ? "" : name;
    shape = IntList.copyOf(shape);
    shapeSignature = shapeSignature == null ? shape : IntList.copyOf(shapeSignature);
    quantization = quantization == null ? Quantization.NONE : quantization;
  }

  public boolean isConstant() {
    return data != null && !variable;
  }

  public int rank() {
    return shape.size();
  }

  /** Number of elements of the static shape (1 for a scalar). */
  public long elementCount() {
    long n = 1;
    for (int d : shape) {
      n *= Math.max(d, 0);
    }
    return n;
  }

  /** Whether some dimension is unknown until run time (-1 in the shape signature). */
  public boolean isDynamic() {
    for (int d : shapeSignature) {
      if (d < 0) {
        return true;
      }
    }
    return false;
  }
}
