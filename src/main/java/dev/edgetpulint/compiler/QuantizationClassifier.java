package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.IntList;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.graph.TensorType;

/**
 * Stage 1 of the compiler path: what the TFLite converter produced, recognised by the fingerprints
 * of facts Section 6, and the converter settings that make an incompatible model compatible.
 */
public final class QuantizationClassifier {
  static final String FIX_FULL_INTEGER = "Convert with full-integer post-training quantization: "
      + "converter.optimizations = [tf.lite.Optimize.DEFAULT], converter.representative_dataset = "
      + "a generator of ~100-500 real input samples (batch 1), converter.target_spec.supported_ops = "
      + "[tf.lite.OpsSet.TFLITE_BUILTINS_INT8], converter.inference_input_type = tf.int8 (or tf.uint8) "
      + "and converter.inference_output_type = tf.int8 (or tf.uint8); or train with quantization-aware "
      + "training.";
  static final String FIX_FLOAT_IO = "Optional: set converter.inference_input_type and "
      + "converter.inference_output_type to tf.int8 or tf.uint8 (TF 2.3+) so that the float "
      + "Quantize/Dequantize at the edges do not run on the CPU.";
  static final String FIX_FLOAT_FALLBACK = "Set converter.target_spec.supported_ops = "
      + "[tf.lite.OpsSet.TFLITE_BUILTINS_INT8] so that the converter fails on ops without an int8 "
      + "kernel instead of leaving them in float; replace those ops.";

  private QuantizationClassifier() {}

  public static QuantizationStage classify(Model model) {
    Subgraph main = model.mainSubgraph();
    if (main == null || main.operators().isEmpty()) {
      return new QuantizationStage(QuantizationKind.NO_OPERATORS, false,
          "The model has no operators.", null);
    }
    boolean int16Activations = false;
    boolean eightBitActivations = false;
    boolean float16Weights = false;
    boolean int8Weights = false;
    boolean interiorFloat = false;
    for (Operator op : main.operators()) {
      boolean conversion = isConversion(op.opName());
      IntList inputs = op.inputIndices();
      int inputCount = inputs.size();
      IntList outputs = op.outputIndices();
      // One visit per tensor of the operator: constant inputs are weights, the rest activations.
      for (int k = 0; k < inputCount + outputs.size(); k++) {
        Tensor tensor = main.tensor(k < inputCount ? inputs.getInt(k) : outputs.getInt(k - inputCount));
        if (tensor == null) {
          continue;
        }
        if (tensor.isConstant()) {
          if (k < inputCount) {
            float16Weights |= tensor.type() == TensorType.FLOAT16 && "DEQUANTIZE".equals(op.opName());
            int8Weights |= tensor.type() == TensorType.INT8 && tensor.quantization().isPresent()
                && tensor.rank() >= 2;
          }
          continue;
        }
        TensorType type = tensor.type();
        // An int8 LSTM keeps its cell state in an int16 variable tensor: state, not 16x8 activations.
        int16Activations |= type == TensorType.INT16 && tensor.quantization().isPresent() && !tensor.variable();
        eightBitActivations |= type.isEightBitInteger();
        if (type == TensorType.FLOAT32 && !conversion && !op.isCustom()) {
          interiorFloat = true;
        }
      }
    }
    if (int16Activations) {
      return new QuantizationStage(QuantizationKind.INT16_ACTIVATIONS, false,
          "16x8 quantization: int16 activations with int8 weights; the Edge TPU runs only 8-bit "
          + "arithmetic.", FIX_FULL_INTEGER + " Do not use EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8.");
    }
    if (!eightBitActivations) {
      if (float16Weights) {
        return new QuantizationStage(QuantizationKind.FLOAT16_WEIGHTS, false,
            "Float16 quantization: float16 weights dequantized to float32 at run time; all arithmetic "
            + "is float.", FIX_FULL_INTEGER + " Remove supported_types = [tf.float16].");
      }
      if (int8Weights) {
        return new QuantizationStage(QuantizationKind.DYNAMIC_RANGE, false,
            "Dynamic-range (hybrid) quantization: int8 weights, float32 activations and inputs; "
            + "converted without a representative dataset.", FIX_FULL_INTEGER);
      }
      return new QuantizationStage(QuantizationKind.FLOAT32, false,
          "Float32 model: no tensor is quantized, so the compiler maps nothing.", FIX_FULL_INTEGER);
    }
    boolean floatIo = false;
    boolean uint8Io = false;
    boolean int8Io = false;
    // The graph's inputs, then its outputs (a tensor that is both is seen twice, which changes no flag).
    IntList graphInputs = main.inputIndices();
    IntList graphOutputs = main.outputIndices();
    for (int k = 0; k < graphInputs.size() + graphOutputs.size(); k++) {
      Tensor tensor = main.tensor(k < graphInputs.size() ? graphInputs.getInt(k) : graphOutputs.getInt(k - graphInputs.size()));
      if (tensor == null) {
        continue;
      }
      floatIo |= tensor.type() == TensorType.FLOAT32;
      uint8Io |= tensor.type() == TensorType.UINT8;
      int8Io |= tensor.type() == TensorType.INT8;
    }
    if (interiorFloat) {
      return new QuantizationStage(QuantizationKind.MIXED, true,
          "Integer quantization with float fallback: some interior ops have no int8 kernel and stay "
          + "float32 between Dequantize/Quantize; the graph is cut there.", FIX_FLOAT_FALLBACK);
    }
    if (floatIo) {
      return new QuantizationStage(QuantizationKind.FULL_INTEGER_FLOAT_IO, true,
          "Full integer quantization with float input/output: the body is int8; a Quantize at the "
          + "input and a Dequantize at the output stay on the CPU.", FIX_FLOAT_IO);
    }
    if (uint8Io && !int8Io) {
      return new QuantizationStage(QuantizationKind.INTEGER_ONLY_UINT8, true,
          "Integer only, uint8 input/output.", null);
    }
    return new QuantizationStage(QuantizationKind.INTEGER_ONLY_INT8, true,
        "Integer only, int8 input/output.", null);
  }

  /** Ops that only convert between float and integer representations. */
  static boolean isConversion(String opName) {
    return "QUANTIZE".equals(opName) || "DEQUANTIZE".equals(opName) || "CAST".equals(opName);
  }
}
