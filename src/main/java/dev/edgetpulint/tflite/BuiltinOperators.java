package dev.edgetpulint.tflite;

import java.util.HashMap;
import java.util.Map;

/**
 * Names of TFLite builtin operator codes. Codes this table does not know (newer schemas) are named
 * "BUILTIN_&lt;code&gt;" and never cause a failure.
 */
public final class BuiltinOperators {
  // Index = builtin code, as in the BuiltinOperator enum of the TFLite schema.
  private static final String[] NAMES = {
      "ADD",
      "AVERAGE_POOL_2D",
      "CONCATENATION",
      "CONV_2D",
      "DEPTHWISE_CONV_2D",
      "DEPTH_TO_SPACE",
      "DEQUANTIZE",
      "EMBEDDING_LOOKUP",
      "FLOOR",
      "FULLY_CONNECTED",
      "HASHTABLE_LOOKUP",
      "L2_NORMALIZATION",
      "L2_POOL_2D",
      "LOCAL_RESPONSE_NORMALIZATION",
      "LOGISTIC",
      "LSH_PROJECTION",
      "LSTM",
      "MAX_POOL_2D",
      "MUL",
      "RELU",
      "RELU_N1_TO_1",
      "RELU6",
      "RESHAPE",
      "RESIZE_BILINEAR",
      "RNN",
      "SOFTMAX",
      "SPACE_TO_DEPTH",
      "SVDF",
      "TANH",
      "CONCAT_EMBEDDINGS",
      "SKIP_GRAM",
      "CALL",
      "CUSTOM",
      "EMBEDDING_LOOKUP_SPARSE",
      "PAD",
      "UNIDIRECTIONAL_SEQUENCE_RNN",
      "GATHER",
      "BATCH_TO_SPACE_ND",
      "SPACE_TO_BATCH_ND",
      "TRANSPOSE",
      "MEAN",
      "SUB",
      "DIV",
      "SQUEEZE",
      "UNIDIRECTIONAL_SEQUENCE_LSTM",
      "STRIDED_SLICE",
      "BIDIRECTIONAL_SEQUENCE_RNN",
      "EXP",
      "TOPK_V2",
      "SPLIT",
      "LOG_SOFTMAX",
      "DELEGATE",
      "BIDIRECTIONAL_SEQUENCE_LSTM",
      "CAST",
      "PRELU",
      "MAXIMUM",
      "ARG_MAX",
      "MINIMUM",
      "LESS",
      "NEG",
      "PADV2",
      "GREATER",
      "GREATER_EQUAL",
      "LESS_EQUAL",
      "SELECT",
      "SLICE",
      "SIN",
      "TRANSPOSE_CONV",
      "SPARSE_TO_DENSE",
      "TILE",
      "EXPAND_DIMS",
      "EQUAL",
      "NOT_EQUAL",
      "LOG",
      "SUM",
      "SQRT",
      "RSQRT",
      "SHAPE",
      "POW",
      "ARG_MIN",
      "FAKE_QUANT",
      "REDUCE_PROD",
      "REDUCE_MAX",
      "PACK",
      "LOGICAL_OR",
      "ONE_HOT",
      "LOGICAL_AND",
      "LOGICAL_NOT",
      "UNPACK",
      "REDUCE_MIN",
      "FLOOR_DIV",
      "REDUCE_ANY",
      "SQUARE",
      "ZEROS_LIKE",
      "FILL",
      "FLOOR_MOD",
      "RANGE",
      "RESIZE_NEAREST_NEIGHBOR",
      "LEAKY_RELU",
      "SQUARED_DIFFERENCE",
      "MIRROR_PAD",
      "ABS",
      "SPLIT_V",
      "UNIQUE",
      "CEIL",
      "REVERSE_V2",
      "ADD_N",
      "GATHER_ND",
      "COS",
      "WHERE",
      "RANK",
      "ELU",
      "REVERSE_SEQUENCE",
      "MATRIX_DIAG",
      "QUANTIZE",
      "MATRIX_SET_DIAG",
      "ROUND",
      "HARD_SWISH",
      "IF",
      "WHILE",
      "NON_MAX_SUPPRESSION_V4",
      "NON_MAX_SUPPRESSION_V5",
      "SCATTER_ND",
      "SELECT_V2",
      "DENSIFY",
      "SEGMENT_SUM",
      "BATCH_MATMUL",
      "PLACEHOLDER_FOR_GREATER_OP_CODES",
      "CUMSUM",
      "CALL_ONCE",
      "BROADCAST_TO",
      "RFFT2D",
      "CONV_3D",
      "IMAG",
      "REAL",
      "COMPLEX_ABS",
      "HASHTABLE",
      "HASHTABLE_FIND",
      "HASHTABLE_IMPORT",
      "HASHTABLE_SIZE",
      "REDUCE_ALL",
      "CONV_3D_TRANSPOSE",
      "VAR_HANDLE",
      "READ_VARIABLE",
      "ASSIGN_VARIABLE",
      "BROADCAST_ARGS",
      "RANDOM_STANDARD_NORMAL",
      "BUCKETIZE",
      "RANDOM_UNIFORM",
      "MULTINOMIAL",
      "GELU",
      "DYNAMIC_UPDATE_SLICE",
      "RELU_0_TO_1",
      "UNSORTED_SEGMENT_PROD",
      "UNSORTED_SEGMENT_MAX",
      "UNSORTED_SEGMENT_SUM",
      "ATAN2",
      "UNSORTED_SEGMENT_MIN",
      "SIGN",
      "BITCAST",
      "BITWISE_XOR",
      "RIGHT_SHIFT"
  };

  private static final Map<String, Integer> CODES = new HashMap<>();

  static {
    for (int code = 0; code < NAMES.length; code++) {
      CODES.put(NAMES[code], code);
    }
  }

  private BuiltinOperators() {}

  public static String nameOf(int code) {
    return code >= 0 && code < NAMES.length ? NAMES[code] : "BUILTIN_" + code;
  }

  /** The code of a builtin name, including "BUILTIN_&lt;code&gt;" names; -1 if unknown. */
  public static int codeOf(String name) {
    Integer code = CODES.get(name);
    if (code != null) {
      return code;
    }
    if (name.startsWith("BUILTIN_")) {
      try {
        return Integer.parseInt(name.substring("BUILTIN_".length()));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}
