package dev.edgetpulint.rules;

import dev.edgetpulint.util.PackagedFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A build-time digest of the packaged rule files (everything but the examples) in a compact binary
 * form, so that the command line reads its rules without the YAML stack, without the JSON Schema
 * validator and without a JSON parser: strings, lists and maps with length prefixes
 * ({@link DataOutputStream}). The build writes it ({@code mvn process-classes}, see pom.xml) after
 * checking every file against the schema and compiling every expression; at run time it is used only
 * if it matches the packaged YAML exactly (CRC-32 and length of each file, which a jar's directory
 * records, so the YAML need not even be read), so a stale index can slow the start but never change a
 * verdict. It is generated, never committed: rules/*.yaml stay the source of truth.
 */
public final class RuleIndex {
  /** Where the index is packaged, relative to the root of the jar or the classes. */
  public static final String RESOURCE = "dev/edgetpulint/rules/rules-index.bin";
  private static final int MAGIC = 0x45544c52; // "ETLR"
  private static final int FORMAT = 2;

  private RuleIndex() {}

  /** Build step: {@code RuleIndex RULES_DIR OUTPUT_FILE}. Fails the build on a broken rule file. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".yaml")) {
          files.put(RuleSet.RESOURCE_DIR + name, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    List<Rule> rules = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      rules.addAll(RuleLoader.parse(f.getKey(), f.getValue(), true));
    }
    RuleSet set = RuleSet.of(rules);
    new RuleEngine(set).compileAll();
    Files.createDirectories(out.getParent());
    Files.write(out, write(files, set.rules()));
  }

  static byte[] write(Map<String, String> files, List<Rule> rules) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeInt(files.size());
    for (Map.Entry<String, String> f : files.entrySet()) {
      string(out, f.getKey());
      string(out, checksum(f.getValue()));
    }
    out.writeInt(rules.size());
    for (Rule r : rules) {
      string(out, r.id());
      string(out, r.title());
      string(out, r.scope().id());
      strings(out, r.ops());
      strings(out, r.excludeOps());
      string(out, r.runtimes().text());
      string(out, r.compilers().text());
      string(out, r.forEach());
      map(out, r.let());
      string(out, r.when());
      string(out, r.severity().id());
      string(out, r.message());
      string(out, r.compilerStatus());
      string(out, r.why());
      string(out, r.fix());
      string(out, r.help());
      string(out, r.evidence());
      strings(out, r.suppresses());
      string(out, r.file());
      out.writeInt(r.line());
      out.writeInt(indexInFile(rules, r));
      map(out, r.positions());
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static int indexInFile(List<Rule> rules, Rule rule) {
    int i = 0;
    for (Rule r : rules) {
      if (r == rule) {
        return i;
      }
      if (r.file().equals(rule.file())) {
        i++;
      }
    }
    throw new IllegalStateException(rule.id());
  }

  /** A string as its UTF-8 length (-1 for null) and bytes: no 64 KB limit as with writeUTF. */
  private static void string(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static void strings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      string(out, v);
    }
  }

  private static void map(DataOutputStream out, Map<String, String> values) throws IOException {
    out.writeInt(values.size());
    for (Map.Entry<String, String> e : values.entrySet()) {
      string(out, e.getKey());
      string(out, e.getValue());
    }
  }

  /** CRC-32 and length of the text, enough to notice that a packaged file changed. */
  static String checksum(String text) {
    return checksum(text.getBytes(StandardCharsets.UTF_8));
  }

  static String checksum(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return checksum(crc.getValue(), bytes.length);
  }

  /** The form of {@link #checksum(String)} from a CRC-32 and a length (as a jar entry records them). */
  static String checksum(long crc, long length) {
    return Long.toHexString(crc) + ":" + length;
  }

  /**
   * The rules of the index, if it exists and describes exactly {@code files} (name to text);
   * examples are read from the YAML text when first asked for.
   */
  static Optional<List<Rule>> read(Map<String, String> files) {
    Map<String, String> sums = new TreeMap<>();
    files.forEach((name, text) -> sums.put(name, checksum(text)));
    return read(sums, files::get);
  }

  /**
   * The rules of the index, if it exists and its files have exactly the checksums {@code checksums}
   * (name to {@link #checksum(String)}); {@code text} gives a file's YAML when a rule's examples are
   * first asked for.
   */
  static Optional<List<Rule>> read(Map<String, String> checksums, Function<String, String> text) {
    return read(indexed -> checksums, text);
  }

  /** The checksums of the rule files there are, asked once the index's own file names are known. */
  @FunctionalInterface
  interface Checksums {
    /**
     * Name to {@link #checksum(String)} of the rule files; {@code indexed} are the names the index
     * lists, so a source that can look files up by name need not list them all.
     */
    Map<String, String> of(List<String> indexed) throws IOException;
  }

  /**
   * As {@link #read(Map, Function)}, with the checksums asked for the names the index lists; the
   * index is used when exactly those files exist with those checksums.
   */
  static Optional<List<Rule>> read(Checksums checksums, Function<String, String> text) {
    try {
      Optional<byte[]> index = PackagedFiles.read(RESOURCE);
      return index.isEmpty() ? Optional.empty() : read(index.get(), checksums, text);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // fall back to the YAML, which reports real problems properly
    }
  }

  /** As {@link #read(Checksums, Function)}, from the index's bytes; empty for bytes that do not parse. */
  static Optional<List<Rule>> read(byte[] index, Checksums checksums, Function<String, String> text) {
    try {
      return Optional.ofNullable(rules(new Input(index), checksums, text));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The index's bytes as {@link DataOutputStream} wrote them, read with a cursor over one array: the
   * index is read at every start, mostly by the interpreter, where a {@link DataInputStream} over a
   * buffered stream costs several calls per int (docs/performance.md, C18).
   */
  private static final class Input {
    private final byte[] bytes;
    private int at;

    Input(byte[] bytes) {
      this.bytes = bytes;
    }

    int readInt() throws IOException {
      if (at + 4 > bytes.length) {
        throw new EOFException("rule index ends early");
      }
      int value = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
          | (bytes[at + 3] & 0xff);
      at += 4;
      return value;
    }

    /** A string as its UTF-8 length (-1 for null) and bytes. */
    String string() throws IOException {
      int length = readInt();
      if (length < 0) {
        return null;
      }
      if (length > bytes.length - at) {
        throw new EOFException("rule index ends early");
      }
      String value = new String(bytes, at, length, StandardCharsets.UTF_8);
      at += length;
      return value;
    }
  }

  private static List<Rule> rules(Input in, Checksums checksums, Function<String, String> text)
      throws IOException {
    if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
      return null;
    }
    int fileCount = in.readInt();
    Map<String, String> indexed = new LinkedHashMap<>();
    for (int i = 0; i < fileCount; i++) {
      String name = in.string();
      indexed.put(name, in.string());
    }
    if (!indexed.equals(checksums.of(List.copyOf(indexed.keySet())))) {
      return null;
    }
    Map<String, RuleLoader.ExampleSource> sources = new LinkedHashMap<>();
    for (String name : indexed.keySet()) {
      sources.put(name, new RuleLoader.ExampleSource(name, () -> text.apply(name)));
    }
    int count = in.readInt();
    List<Rule> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = in.string();
      String title = in.string();
      Rule.Scope scope = "model".equals(in.string()) ? Rule.Scope.MODEL : Rule.Scope.OPERATOR;
      List<String> ops = strings(in);
      List<String> excludeOps = strings(in);
      VersionRange runtimes = VersionRange.parse(in.string());
      VersionRange compilers = VersionRange.parse(in.string());
      String forEach = in.string();
      Map<String, String> let = map(in);
      String when = in.string();
      Severity severity = Severity.parse(in.string());
      String message = in.string();
      String compilerStatus = in.string();
      String why = in.string();
      String fix = in.string();
      String help = in.string();
      String evidence = in.string();
      List<String> suppresses = strings(in);
      String file = in.string();
      int line = in.readInt();
      int index = in.readInt();
      Map<String, String> positions = map(in);
      out.add(new Rule(id, title, scope, ops, excludeOps, runtimes, compilers, forEach, let, when, severity, message,
          compilerStatus, why, fix, help, evidence, suppresses, sources.get(file).of(index), file, line, positions));
    }
    return out;
  }

  private static List<String> strings(Input in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.string());
    }
    return out;
  }

  private static Map<String, String> map(Input in) throws IOException {
    int n = in.readInt();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      out.put(in.string(), in.string());
    }
    return out;
  }
}
