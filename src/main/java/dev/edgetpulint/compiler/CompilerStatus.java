package dev.edgetpulint.compiler;

import java.util.List;

/** The per-operator status strings of the real compiler's log, verbatim (facts, Section 8). */
public final class CompilerStatus {
  public static final String MAPPED = "Mapped to Edge TPU";
  public static final String MORE_THAN_ONE_SUBGRAPH = "More than one subgraph is not supported";
  public static final String UNSPECIFIED_LIMITATION =
      "Operation is otherwise supported, but not mapped due to some unspecified limitation";
  public static final String UNSUPPORTED_DATA_TYPE = "Operation is working on an unsupported data type";
  public static final String NOT_SUPPORTED = "Operation not supported";
  public static final String VERSION_NOT_SUPPORTED = "Operation version not supported";
  public static final String UNSUPPORTED_RANK =
      "Tensor has unsupported rank (up to 3 innermost dimensions mapped)";
  /** Not a compiler string: the op belongs to a model that is already compiled. */
  public static final String ALREADY_COMPILED = "Already compiled into an edgetpu-custom-op";

  /**
   * When several checks reject one op, the status the compiler prints: it checks data types before
   * the op's own support (GATHER on int64 tensors is reported as an unsupported data type, GATHER on
   * int8 as not supported; corpus pair redax rf_tt_float32), and the op and its version before its
   * parameters. Statuses not listed here rank after these, in rule order.
   */
  static final List<String> PRECEDENCE = List.of(
      UNSUPPORTED_DATA_TYPE, VERSION_NOT_SUPPORTED, NOT_SUPPORTED, UNSUPPORTED_RANK);

  private CompilerStatus() {}

  static int rank(String status) {
    int i = PRECEDENCE.indexOf(status);
    return i < 0 ? PRECEDENCE.size() : i;
  }
}
