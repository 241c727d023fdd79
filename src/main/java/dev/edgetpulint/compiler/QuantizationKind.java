package dev.edgetpulint.compiler;

/** What the TFLite converter produced, as far as the Edge TPU cares. */
public enum QuantizationKind {
  FLOAT32, DYNAMIC_RANGE, FLOAT16_WEIGHTS, INT16_ACTIVATIONS, FULL_INTEGER_FLOAT_IO,
  INTEGER_ONLY_INT8, INTEGER_ONLY_UINT8, MIXED, NO_OPERATORS
}
