package dev.edgetpulint.compiler;

/** Why an operator got its placement. */
public enum PlacementReason {
  /** Inside the edgetpu-custom-op. */
  MAPPED,
  /** The op itself cannot be mapped (a rule at error level). */
  UNSUPPORTED,
  /** Supported, but downstream of an unsupported op: it would need a second Edge TPU subgraph. */
  COLLATERAL,
  /** A float/int boundary op at the model's input or output, left on the CPU by design. */
  IO_BOUNDARY,
  /** The model was not compiled at all (not quantized, dynamic shapes): nothing maps. */
  MODEL_REJECTED
}
