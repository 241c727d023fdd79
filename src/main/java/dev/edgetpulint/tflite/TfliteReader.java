package dev.edgetpulint.tflite;

import dev.edgetpulint.graph.ConstantData;
import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.IntList;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.graph.OptionValues;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Quantization;
import dev.edgetpulint.graph.Span;
import dev.edgetpulint.graph.SpanTable;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.graph.TensorType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a TensorFlow Lite FlatBuffer (schema 3, every generation up to the current schema) into the
 * format-independent {@link Model}.
 *
 * <p>The file is memory-mapped read-only and constant tensors are views into the map, never heap
 * copies. Every offset and length is bounds-checked: a truncated, corrupt or foreign file ends in a
 * {@link ModelReadException} with a one-line reason, never in another exception.
 */
public final class TfliteReader {
  public static final String FILE_IDENTIFIER = "TFL3";
  private static final String NO_IDENTIFIER = "\0\0\0\0";

  // Field ids (vtable slots) of the TFLite schema tables this reader walks. A union field takes two
  // ids: its type, then its value.
  private static final int MODEL_VERSION = 0;
  private static final int MODEL_OPERATOR_CODES = 1;
  private static final int MODEL_SUBGRAPHS = 2;
  private static final int MODEL_DESCRIPTION = 3;
  private static final int MODEL_BUFFERS = 4;
  private static final int MODEL_METADATA = 6;
  private static final int MODEL_SIGNATURE_DEFS = 7;
  private static final int OPCODE_DEPRECATED_BUILTIN_CODE = 0;
  private static final int OPCODE_CUSTOM_CODE = 1;
  private static final int OPCODE_VERSION = 2;
  private static final int OPCODE_BUILTIN_CODE = 3;
  private static final int SUBGRAPH_TENSORS = 0;
  private static final int SUBGRAPH_INPUTS = 1;
  private static final int SUBGRAPH_OUTPUTS = 2;
  private static final int SUBGRAPH_OPERATORS = 3;
  private static final int SUBGRAPH_NAME = 4;
  private static final int TENSOR_SHAPE = 0;
  private static final int TENSOR_TYPE = 1;
  private static final int TENSOR_BUFFER = 2;
  private static final int TENSOR_NAME = 3;
  private static final int TENSOR_QUANTIZATION = 4;
  private static final int TENSOR_IS_VARIABLE = 5;
  private static final int TENSOR_SPARSITY = 6;
  private static final int TENSOR_SHAPE_SIGNATURE = 7;
  private static final int QUANT_SCALE = 2;
  private static final int QUANT_ZERO_POINT = 3;
  private static final int QUANT_QUANTIZED_DIMENSION = 6;
  private static final int OP_OPCODE_INDEX = 0;
  private static final int OP_INPUTS = 1;
  private static final int OP_OUTPUTS = 2;
  private static final int OP_BUILTIN_OPTIONS_TYPE = 3;
  private static final int OP_BUILTIN_OPTIONS = 4;
  private static final int OP_CUSTOM_OPTIONS = 5;
  private static final int OP_LARGE_CUSTOM_OPTIONS_OFFSET = 9;
  private static final int OP_LARGE_CUSTOM_OPTIONS_SIZE = 10;
  private static final int OP_BUILTIN_OPTIONS_2_TYPE = 11;
  private static final int OP_BUILTIN_OPTIONS_2 = 12;
  private static final int BUFFER_DATA = 0;
  private static final int BUFFER_OFFSET = 1;
  private static final int BUFFER_SIZE = 2;
  private static final int METADATA_NAME = 0;
  private static final int SIGNATURE_KEY = 2;

  private TfliteReader() {}

  /** Reads the model at {@code path} through a read-only memory map. */
  public static Model read(Path path) {
    String source = path.toString();
    if (Files.isDirectory(path)) {
      throw new ModelReadException(source, "is a directory, not a model file");
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        throw new ModelReadException(source, "empty file (0 bytes), not a TensorFlow Lite model");
      }
      MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
      return parse(map, source, new FileRanges(channel, size));
    } catch (NoSuchFileException e) {
      throw new ModelReadException(source, "no such file");
    } catch (AccessDeniedException e) {
      throw new ModelReadException(source, "cannot read the file (permission denied)");
    } catch (IOException e) {
      throw new ModelReadException(source, "cannot read the file: " + e.getMessage(), e);
    }
  }

  /** Reads a model held in {@code buffer} (from its position to its limit); offsets are relative to it. */
  public static Model read(ByteBuffer buffer, String source) {
    try {
      return parse(buffer.slice(), source, null);
    } catch (IOException e) {
      throw new ModelReadException(source, "cannot read the model: " + e.getMessage(), e);
    }
  }

  /** Maps file ranges beyond the first 2 GB; null when the range is outside the file. */
  @FunctionalInterface
  interface ExternalData {
    ByteBuffer map(long offset, long length) throws IOException;
  }

  /** Data stored outside the FlatBuffer of a model larger than 2 GB: each range mapped on its own. */
  private static final class FileRanges implements ExternalData {
    private final FileChannel channel;
    private final long size;

    FileRanges(FileChannel channel, long size) {
      this.channel = channel;
      this.size = size;
    }

    @Override
    public ByteBuffer map(long offset, long length) throws IOException {
      if (offset < 0 || length < 0 || length > Integer.MAX_VALUE || offset + length > size) {
        return null;
      }
      return channel.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  private static Model parse(ByteBuffer buffer, String source, ExternalData external) throws IOException {
    int size = buffer.remaining();
    if (size < 8) {
      throw new ModelReadException(source,
          "truncated: " + size + " bytes is too short for a TensorFlow Lite model");
    }
    FlatBuffer fb = new FlatBuffer(buffer);
    String id = fb.identifier();
    // FlatBuffer identifiers are optional: TFLite Micro test files are written without one (four
    // zero bytes). Those are still read; any other identifier is a different file format.
    if (!FILE_IDENTIFIER.equals(id) && !NO_IDENTIFIER.equals(id)) {
      String format = knownFormat(buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN));
      if (format != null) {
        throw new ModelReadException(source, "not a TensorFlow Lite model (" + format
            + "; expected the file identifier '" + FILE_IDENTIFIER + "')");
      }
      throw new ModelReadException(source,
          "not a TensorFlow Lite model (file identifier is '" + printable(id) + "', expected '"
              + FILE_IDENTIFIER + "')");
    }
    try {
      return new Parse(fb, source, external).model();
    } catch (MalformedFlatBufferException e) {
      throw new ModelReadException(source, "corrupt or truncated TensorFlow Lite model: " + e.getMessage());
    } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException
        | java.nio.BufferUnderflowException | ArithmeticException e) {
      // Defence in depth: every access is checked above; this names what slipped through.
      throw new ModelReadException(source,
          "corrupt TensorFlow Lite model: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      throw new ModelReadException(source, "corrupt TensorFlow Lite model: it declares more data than fits in memory");
    } catch (StackOverflowError e) {
      throw new ModelReadException(source, "corrupt TensorFlow Lite model: tables nest too deeply");
    }
  }

  /** Names a few formats users hand to a TFLite tool by mistake, from their first bytes; else null. */
  static String knownFormat(ByteBuffer bytes) {
    byte[] head = new byte[Math.min(8, bytes.remaining())];
    bytes.get(bytes.position(), head);
    String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
    if (start.startsWith("PK\u0003\u0004")) {
      return "a ZIP archive";
    }
    if (start.startsWith("\u0089HDF")) {
      return "an HDF5 file, such as a Keras .h5 model";
    }
    if (start.startsWith("\u001f\u008b")) {
      return "a gzip-compressed file";
    }
    if (start.startsWith("\u007fELF")) {
      return "an ELF executable or library";
    }
    if (start.startsWith("\u0089PNG") || start.startsWith("\u00ff\u00d8\u00ff")) {
      return "an image";
    }
    if (start.startsWith("{") || start.startsWith("[") || start.startsWith("<")) {
      return "a text file";
    }
    return null;
  }

  /** Escapes non-printable bytes the way C does ('PK\003\004'). */
  static String printable(String raw) {
    StringBuilder out = new StringBuilder();
    for (char c : raw.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
        out.append(c);
      } else {
        out.append('\\').append(String.format("%03o", (int) c & 0xff));
      }
    }
    return out.toString();
  }

  private record OpCode(String name, int code, String customCode, int version) {}

  /** Marks a buffer that was read and holds no data. */
  private static final ConstantData NO_DATA = ConstantData.view(ByteBuffer.allocate(0), TensorType.UNKNOWN, -1);

  /** One read of one model. */
  private static final class Parse {
    private final FlatBuffer fb;
    private final String source;
    private final ExternalData external;
    private final OptionsSchema schema = OptionsSchema.get();
    private SpanTable.Builder spans = new SpanTable.Builder(0);
    private final List<EdgeTpuPackage> packages = new ArrayList<>();
    private FlatVector buffers;
    // The constant data of each buffer read so far (NO_DATA: read, empty), by buffer index.
    private ConstantData[] constants;

    Parse(FlatBuffer fb, String source, ExternalData external) {
      this.fb = fb;
      this.source = source;
      this.external = external;
    }

    Model model() throws IOException {
      FlatTable root = fb.root("model");
      int version = (int) root.u32(MODEL_VERSION, 0);
      List<OpCode> opCodes = opCodes(root.vector(MODEL_OPERATOR_CODES, 4, "operator_codes"));
      buffers = root.vector(MODEL_BUFFERS, 4, "buffers");
      constants = new ConstantData[buffers == null ? 0 : buffers.length()];
      FlatVector subgraphVector = root.vector(MODEL_SUBGRAPHS, 4, "subgraphs");
      List<Subgraph> subgraphs = new ArrayList<>();
      if (subgraphVector != null) {
        fb.spend(subgraphVector.length(), "subgraphs");
        spans = new SpanTable.Builder(subgraphVector.length());
        for (int s = 0; s < subgraphVector.length(); s++) {
          subgraphs.add(subgraph(s, subgraphVector.table(s, Place.element("subgraphs", s)), opCodes));
        }
      }
      String description = root.string(MODEL_DESCRIPTION, "description");
      List<String> metadataNames = new ArrayList<>();
      FlatVector metadata = root.vector(MODEL_METADATA, 4, "metadata");
      if (metadata != null) {
        fb.spend(metadata.length(), "metadata");
        for (int i = 0; i < metadata.length(); i++) {
          String name = metadata.table(i, Place.element("metadata", i)).string(METADATA_NAME, "metadata name");
          metadataNames.add(name == null ? "" : name);
        }
      }
      List<String> signatureKeys = new ArrayList<>();
      FlatVector signatures = root.vector(MODEL_SIGNATURE_DEFS, 4, "signature_defs");
      if (signatures != null) {
        fb.spend(signatures.length(), "signature_defs");
        for (int i = 0; i < signatures.length(); i++) {
          String key = signatures.table(i, Place.element("signature_defs", i))
              .string(SIGNATURE_KEY, "signature_key");
          signatureKeys.add(key == null ? "" : key);
        }
      }
      return new Model(source, version, description, subgraphs, metadataNames, signatureKeys, packages, spans.build());
    }

    private List<OpCode> opCodes(FlatVector vector) {
      List<OpCode> out = new ArrayList<>();
      if (vector == null) {
        return out;
      }
      fb.spend(vector.length(), "operator_codes");
      for (int i = 0; i < vector.length(); i++) {
        FlatTable t = vector.table(i, Place.element("operator_codes", i));
        // The schema: the larger of builtin_code and deprecated_builtin_code is the op's code.
        int code = Math.max(t.i32(OPCODE_BUILTIN_CODE, 0), t.i8(OPCODE_DEPRECATED_BUILTIN_CODE, 0));
        String custom = t.string(OPCODE_CUSTOM_CODE, "custom_code");
        out.add(new OpCode(BuiltinOperators.nameOf(code), code, custom, t.i32(OPCODE_VERSION, 1)));
      }
      return out;
    }

    private Subgraph subgraph(int s, FlatTable t, List<OpCode> opCodes) throws IOException {
      spans.subgraph(s, Span.bytes(t.position(), t.inlineSize()));
      List<Tensor> tensors = new ArrayList<>();
      FlatVector tv = t.vector(SUBGRAPH_TENSORS, 4, "tensors");
      if (tv != null) {
        fb.spend(tv.length(), "tensors");
        spans.tensorCount(s, tv.length());
        for (int i = 0; i < tv.length(); i++) {
          FlatTable tt = tv.table(i, Place.tensor(s, i));
          spans.tensor(s, i, Span.bytes(tt.position(), tt.inlineSize()));
          tensors.add(tensor(i, tt));
        }
      }
      List<Operator> operators = new ArrayList<>();
      FlatVector ov = t.vector(SUBGRAPH_OPERATORS, 4, "operators");
      if (ov != null) {
        fb.spend(ov.length(), "operators");
        spans.operatorCount(s, ov.length());
        for (int i = 0; i < ov.length(); i++) {
          // Built only for an error message: a string per operator was a measurable part of a read.
          Place location = Place.operator(s, i);
          FlatTable ot = ov.table(i, location);
          spans.operator(s, i, Span.bytes(ot.position(), ot.inlineSize()));
          operators.add(operator(s, i, location, ot, opCodes));
        }
      }
      return new Subgraph(s, t.string(SUBGRAPH_NAME, "subgraph name"), tensors, operators,
          ints(t.vector(SUBGRAPH_INPUTS, 4, "subgraph inputs")),
          ints(t.vector(SUBGRAPH_OUTPUTS, 4, "subgraph outputs")));
    }

    private static List<Integer> ints(FlatVector v) {
      return v == null ? IntList.of() : v.ints();
    }

    private Tensor tensor(int index, FlatTable t) throws IOException {
      List<Integer> shape = ints(t.vector(TENSOR_SHAPE, 4, "tensor shape"));
      FlatVector signature = t.vector(TENSOR_SHAPE_SIGNATURE, 4, "tensor shape_signature");
      TensorType type = TensorType.fromCode(t.i8(TENSOR_TYPE, 0));
      long buffer = t.u32(TENSOR_BUFFER, 0);
      Quantization quantization = quantization(t.table(TENSOR_QUANTIZATION, "quantization"));
      return new Tensor(index, t.string(TENSOR_NAME, "tensor name"), type, shape,
          signature == null ? null : signature.ints(), quantization, constant(buffer, type),
          t.bool(TENSOR_IS_VARIABLE, false), t.has(TENSOR_SPARSITY));
    }

    private Quantization quantization(FlatTable q) {
      if (q == null) {
        return Quantization.NONE;
      }
      FlatVector scale = q.vector(QUANT_SCALE, 4, "quantization scale");
      FlatVector zeroPoint = q.vector(QUANT_ZERO_POINT, 8, "quantization zero_point");
      if (scale == null && zeroPoint == null) {
        return Quantization.NONE;
      }
      return new Quantization(scale == null ? List.of() : scale.floats(),
          zeroPoint == null ? List.of() : zeroPoint.longs(), q.i32(QUANT_QUANTIZED_DIMENSION, 0));
    }

    /** The constant data of buffer {@code index}, or null for an empty (or the sentinel) buffer. */
    private ConstantData constant(long index, TensorType type) throws IOException {
      if (index == 0) {
        return null;
      }
      int count = buffers == null ? 0 : buffers.length();
      if (index >= count) {
        throw new MalformedFlatBufferException(
            "a tensor refers to buffer " + index + ", but the model has " + count + " buffers");
      }
      int i = (int) index;
      ConstantData shared = constants[i];
      if (shared != null) {
        return shared == NO_DATA ? null : shared.as(type);
      }
      FlatTable b = buffers.table(i, Place.element("buffers", i));
      ConstantData data = null;
      FlatVector bytes = b.vector(BUFFER_DATA, 1, "buffers[" + i + "].data");
      if (bytes != null && bytes.length() > 0) {
        fb.check(bytes.start(), bytes.length(), "buffer data");
        data = ConstantData.view(fb.readOnlyView(), bytes.start(), bytes.length(), type, bytes.start());
      } else {
        // Schema 3c: data outside the FlatBuffer; offset is from the start of the file, valid if > 1.
        long offset = b.i64(BUFFER_OFFSET, 0);
        long size = b.i64(BUFFER_SIZE, 0);
        if (offset > 1 && size > 0) {
          data = ConstantData.view(outside(offset, size, "buffers[" + i + "]"), type, offset);
        }
      }
      constants[i] = data == null ? NO_DATA : data;
      return data;
    }

    private ByteBuffer outside(long offset, long size, String what) throws IOException {
      if (offset + size <= fb.limit() && offset >= 0 && size >= 0) {
        return fb.slice(offset, size, what);
      }
      ByteBuffer mapped = external == null ? null : external.map(offset, size);
      if (mapped == null) {
        throw new MalformedFlatBufferException(what + " stores " + size + " bytes at offset " + offset
            + ", outside the " + fb.limit() + "-byte file");
      }
      return mapped;
    }

    private Operator operator(int s, int index, Supplier<String> location, FlatTable t, List<OpCode> opCodes)
        throws IOException {
      long opcodeIndex = t.u32(OP_OPCODE_INDEX, 0);
      if (opcodeIndex >= opCodes.size()) {
        throw new MalformedFlatBufferException(location.get() + " refers to operator code "
            + opcodeIndex + ", but the model has " + opCodes.size());
      }
      OpCode code = opCodes.get((int) opcodeIndex);
      Map<String, Object> options =
          decodeOptions(t, OP_BUILTIN_OPTIONS_TYPE, OP_BUILTIN_OPTIONS, OptionsSchema.OPTIONS_1, location);
      Map<String, Object> options2 =
          decodeOptions(t, OP_BUILTIN_OPTIONS_2_TYPE, OP_BUILTIN_OPTIONS_2, OptionsSchema.OPTIONS_2, location);
      if (!options2.isEmpty()) {
        // Rarely both unions: the second's values win over the first's, as they always did.
        Map<String, Object> both = new LinkedHashMap<>(options);
        both.putAll(options2);
        options = both;
      }
      String custom = code.code() == Operator.CUSTOM_CODE ? code.customCode() : null;
      if (Model.EDGETPU_CUSTOM_OP.equals(custom)) {
        packages.add(EdgeTpuPackageDecoder.decode(s, index, customOptions(t)));
      }
      return new Operator(index, code.name(), code.code(), custom, code.version(),
          ints(t.vector(OP_INPUTS, 4, "operator inputs")), ints(t.vector(OP_OUTPUTS, 4, "operator outputs")),
          options);
    }

    /** The options in one of the operator's option unions; empty when it has none this schema knows. */
    private Map<String, Object> decodeOptions(FlatTable op, int typeId, int valueId, String union,
        Supplier<String> location) {
      int type = op.u8(typeId, 0);
      if (type == 0) {
        return OptionValues.empty();
      }
      OptionsSchema.OptionsTable def = schema.table(union, type);
      FlatTable table = op.table(valueId, Place.part("the ", union, location));
      return def != null && table != null ? schema.decode(table, def) : OptionValues.empty();
    }

    /** The custom_options bytes (no copy), or null when the op has none. */
    private ByteBuffer customOptions(FlatTable op) throws IOException {
      FlatVector v = op.vector(OP_CUSTOM_OPTIONS, 1, "custom_options");
      if (v != null) {
        return fb.slice(v.start(), v.length(), "custom_options");
      }
      long offset = op.i64(OP_LARGE_CUSTOM_OPTIONS_OFFSET, 0);
      long size = op.i64(OP_LARGE_CUSTOM_OPTIONS_SIZE, 0);
      if (offset > 1 && size > 0) {
        return outside(offset, size, "large_custom_options");
      }
      return null;
    }
  }
}
