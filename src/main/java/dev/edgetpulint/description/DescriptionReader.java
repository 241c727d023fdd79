package dev.edgetpulint.description;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.util.PackagedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a model description ({@code MODEL.tflite.yaml}) into the graph model, exactly as the TFLite
 * reader would have produced it from the binary.
 *
 * <p>Defaults, documented in {@code docs/description.md} and the JSON Schema:
 * <ul>
 *   <li>INT8 and UINT8 tensors without {@code quantization} get scale [0.05], zero point [0];
 *       {@code quantization: none} states that a tensor has none. Other types default to none.
 *   <li>{@code constant: true} without values: a constant whose contents are unknown but not all zero
 *       (every element reads as 1); {@code constant: zeros}: all zero; {@code values} implies constant.
 *   <li>{@code shape_signature} defaults to the shape; operator {@code version} to 1; {@code
 *       schema_version} to 3.
 * </ul>
 *
 * <p>Every operator and tensor gets a line span in {@link Model#spans()} (keys {@link
 * Model#operatorLocation} and {@link Model#tensorLocation}); problems point at line and column.
 */
public final class DescriptionReader {
  public static final String FORMAT = "edgetpu-lint/description/v1";
  /** The conventional file-name suffix of a description. */
  public static final String SUFFIX = ".tflite.yaml";
  /** Largest constant (in bytes) a description may declare without values. */
  public static final long MAX_CONSTANT_BYTES = 512L * 1024 * 1024;

  private DescriptionReader() {}

  /**
   * Reads a description file (UTF-8).
   *
   * @throws DescriptionException for a file that is not a valid description (line and column given)
   * @throws ModelReadException for a file that cannot be read at all
   */
  public static Model read(Path path) {
    String source = path.toString();
    if (Files.isDirectory(path)) {
      throw new ModelReadException(source, "is a directory, not a model description");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ModelReadException(source, "no such file");
    } catch (AccessDeniedException e) {
      throw new ModelReadException(source, "cannot read the file (permission denied)");
    } catch (IOException | OutOfMemoryError e) {
      throw new ModelReadException(source, "cannot read the file: " + e.getMessage(), e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new DescriptionException(path.toString(),
          List.of(new DescriptionProblem(1, 1, 1, 1, "not a UTF-8 text file (is it a binary .tflite?)")));
    }
    return parse(text, path.toString());
  }

  /**
   * Parses description text. {@code source} names the file in messages and becomes {@link Model#source()}.
   *
   * @throws DescriptionException listing every problem found, each with line and column
   */
  public static Model parse(String text, String source) {
    return parse(text, source, null, tree -> { });
  }

  /**
   * Parses {@code text} reusing {@code previous}, the YAML tree of an earlier version of the same
   * document (or null); {@code parsed} receives this version's tree when it has one. Same result as
   * {@link #parse(String, String)}.
   */
  static Model parse(String text, String source, YamlTree previous, java.util.function.Consumer<YamlTree> parsed) {
    List<DescriptionProblem> problems = new ArrayList<>();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    YamlTree tree = YamlTree.reparse(previous, text, problems);
    if (tree == null) {
      throw new DescriptionException(source, problems);
    }
    parsed.accept(tree);
    validate(tree, problems);
    if (!problems.isEmpty()) {
      throw new DescriptionException(source, sorted(problems));
    }
    Model model = new DescriptionModelBuilder(tree, source, problems).build();
    if (!problems.isEmpty()) {
      throw new DescriptionException(source, sorted(problems));
    }
    return model;
  }

  /** Whether {@code path} names a description rather than a binary model (by its .yaml/.yml suffix). */
  public static boolean isDescription(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** The description JSON Schema (docs/schema/description.schema.json), as packaged. */
  public static byte[] schemaBytes() throws IOException {
    return PackagedFiles.require("dev/edgetpulint/schema/description.schema.json");
  }

  private static List<DescriptionProblem> sorted(List<DescriptionProblem> problems) {
    List<DescriptionProblem> copy = new ArrayList<>(problems);
    copy.sort(Comparator.comparingInt(DescriptionProblem::line).thenComparingInt(DescriptionProblem::column));
    return copy;
  }

  private static void validate(YamlTree tree, List<DescriptionProblem> problems) {
    JsonNode root = tree.root();
    if (root.isObject() && root.has("format") && !FORMAT.equals(root.get("format").asText())) {
      problems.add(tree.problemAt("/format", "unsupported format '" + root.get("format").asText()
          + "': this version reads '" + FORMAT + "'"));
      return;
    }
    SchemaPrecheck.Result quick = SchemaHolder.PRECHECK.check(root, tree.precheck());
    tree.precheck(quick.memo());
    if (quick.verdict() == SchemaPrecheck.Verdict.VALID) {
      return; // certainly valid: the full validator would find nothing
    }
    List<ValidationMessage> messages = fullValidation(root);
    messages.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
    for (ValidationMessage message : messages) {
      String pointer = pointer(message.getInstanceLocation());
      problems.add(tree.problemAt(pointer, describe(message, root.at(pointer))));
    }
  }

  /**
   * {@code root}, or a copy with 0 for each NaN or infinity (YAML's {@code .nan}, {@code .inf}): networknt's
   * enum check turns numbers into {@code BigDecimal}, which throws for them (found by the fuzzer). The
   * messages quote the original values.
   */
  private static JsonNode finiteNumbers(JsonNode root) {
    return hasNonFinite(root) ? replaceNonFinite(root.deepCopy()) : root;
  }

  private static boolean hasNonFinite(JsonNode node) {
    if (node.isFloatingPointNumber()) {
      return !Double.isFinite(node.doubleValue());
    }
    for (JsonNode child : node) {
      if (hasNonFinite(child)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode replaceNonFinite(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(e -> e.setValue(replaceNonFinite(e.getValue())));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replaceNonFinite(array.get(i)));
      }
    } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      return DoubleNode.valueOf(0);
    }
    return node;
  }

  /**
   * networknt's message without the "$." prefix, with the offending scalar value ({@code original}, the
   * node at the message's location) where there is one.
   */
  private static String describe(ValidationMessage message, JsonNode original) {
    String text = message.getMessage();
    if (text.startsWith("$.")) {
      text = text.substring(2);
    } else if (text.startsWith("$: ")) {
      text = "document: " + text.substring(3);
    }
    JsonNode value = original == null || original.isMissingNode() ? message.getInstanceNode() : original;
    if (value != null && value.isValueNode() && "enum".equals(message.getType())) {
      int colon = text.indexOf(": ");
      if (colon > 0) {
        text = text.substring(0, colon) + ": '" + value.asText() + "'" + text.substring(colon + 1);
      }
    }
    return text;
  }

  private static String pointer(JsonNodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      out.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  private static final class SchemaHolder {
    static final JsonNode SCHEMA_TREE = load();
    static final JsonSchema SCHEMA =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA_TREE);
    static final SchemaPrecheck PRECHECK = SchemaPrecheck.of(SCHEMA_TREE);

    private static JsonNode load() {
      try {
        return new ObjectMapper().readTree(schemaBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The quick check of the packaged schema (tests: it must be in use, and agree with the full validator). */
  static SchemaPrecheck precheck() {
    return SchemaHolder.PRECHECK;
  }

  /** The full validator's messages for {@code tree} (tests). */
  static List<ValidationMessage> fullValidation(JsonNode tree) {
    return new ArrayList<>(SchemaHolder.SCHEMA.validate(finiteNumbers(tree)));
  }
}
