package dev.edgetpulint.service.baseline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings a team has accepted, so that only new ones fail. Stored as JSON:
 * <pre>{"version": 1, "findings": [{"path", "sha256", "rule", "location", "reason"}]}</pre>
 * A key may be listed several times (one rule firing twice at one place); each entry silences one
 * finding.
 */
public final class Baseline {
  public static final int VERSION = 1;
  public static final String DEFAULT_REASON = "accepted when the baseline was written";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final List<BaselineEntry> entries;

  public Baseline(Path file, List<BaselineEntry> entries) {
    this.file = file;
    this.entries = List.copyOf(entries);
  }

  public Path file() {
    return file;
  }

  /** How reports name the baseline file. */
  public String displayPath(dev.edgetpulint.service.LintOptions options) {
    return options.displayPath(file);
  }

  public List<BaselineEntry> entries() {
    return entries;
  }

  /** Reads a baseline; the message of the exception is one line naming the file. */
  public static Baseline read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new IOException(file + ": not a baseline file (invalid JSON: "
          + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    } catch (IOException e) {
      throw new IOException(file + ": cannot read baseline: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !root.path("findings").isArray()) {
      throw new IOException(file + ": not a baseline file (expected {\"version\": 1, \"findings\": [...]})");
    }
    if (root.path("version").asInt(-1) != VERSION) {
      throw new IOException(file + ": unsupported baseline version " + root.path("version").asText()
          + " (this edgetpu-lint writes version " + VERSION + ")");
    }
    List<BaselineEntry> entries = new ArrayList<>();
    int i = 0;
    for (JsonNode node : root.get("findings")) {
      String sha = node.path("sha256").asText("");
      String rule = node.path("rule").asText("");
      String location = node.path("location").asText("");
      if (sha.isEmpty() || rule.isEmpty() || location.isEmpty()) {
        throw new IOException(file + ": findings[" + i + "] needs sha256, rule and location");
      }
      String reason = node.path("reason").asText("");
      entries.add(new BaselineEntry(node.path("path").asText(""), sha, rule, location,
          reason.isBlank() ? DEFAULT_REASON : reason));
      i++;
    }
    return new Baseline(file, entries);
  }

  /** Writes entries sorted by path, rule and location, so that the file diffs well. */
  public static String toJson(List<BaselineEntry> entries) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    root.put("tool", "edgetpu-lint");
    ArrayNode findings = root.putArray("findings");
    entries.stream()
        .sorted(Comparator.comparing(BaselineEntry::path).thenComparing(BaselineEntry::rule)
            .thenComparing(BaselineEntry::location))
        .forEach(e -> {
          ObjectNode node = findings.addObject();
          node.put("path", e.path());
          node.put("sha256", e.sha256());
          node.put("rule", e.rule());
          node.put("location", e.location());
          node.put("reason", e.reason());
        });
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh matcher: each entry silences at most one finding per run. */
  public Matcher matcher() {
    return new Matcher();
  }

  /** Consumes entries as findings are matched. */
  public final class Matcher {
    private final Map<String, List<BaselineEntry>> remaining = new HashMap<>();

    private Matcher() {
      for (BaselineEntry entry : entries) {
        remaining.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
      }
    }

    /** The entry that silences this finding, or null; the entry is used up. */
    public synchronized BaselineEntry match(String sha256, String rule, String location) {
      List<BaselineEntry> list = remaining.get(sha256 + "\u0000" + rule + "\u0000" + location);
      return list == null || list.isEmpty() ? null : list.remove(0);
    }

    /** Entries no finding used: stale baseline lines. */
    public synchronized List<BaselineEntry> unused() {
      return remaining.values().stream().flatMap(List::stream).toList();
    }
  }

  /** Whether {@code file} exists and is readable. */
  public static boolean exists(Path file) {
    return Files.isRegularFile(file);
  }
}
