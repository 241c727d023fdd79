package dev.edgetpulint.rules;

import dev.edgetpulint.util.JarDirectory;
import dev.edgetpulint.util.PackagedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** An ordered, id-unique set of rules: the packaged ones plus any loaded from {@code --rules DIR}. */
public final class RuleSet {
  /** Where the packaged rule files are on the class path (the top-level rules/ folder of the repo). */
  public static final String RESOURCE_DIR = "rules/";

  private static volatile RuleSet builtIn;

  private final List<Rule> rules;
  private final Map<String, Rule> byId;
  /**
   * Each rule's compiled form, made on first use and shared by every engine over this set (the
   * built-in set lives for the process, so the warm-up thread can compile ahead of the first check).
   */
  private final Map<String, CompiledRule> compiled = new ConcurrentHashMap<>();
  /** Hands out the tensor verdict slots of the compiled rules ({@link CompiledRule}). */
  private final AtomicInteger verdictSlots = new AtomicInteger();
  /** The same for the rules whose false verdicts are remembered per kind of operator (OpcodeVerdicts). */
  private final AtomicInteger opcodeSlots = new AtomicInteger();

  private RuleSet(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Map<String, Rule> map = new LinkedHashMap<>();
    for (Rule r : rules) {
      map.put(r.id(), r);
    }
    this.byId = Collections.unmodifiableMap(map);
  }

  /**
   * A set of the given rules.
   *
   * @throws RuleLoadException when two rules share an id or a rule suppresses an unknown id
   */
  public static RuleSet of(List<Rule> rules) {
    List<String> problems = new ArrayList<>();
    Map<String, Rule> seen = new HashMap<>();
    for (Rule r : rules) {
      Rule before = seen.putIfAbsent(r.id(), r);
      if (before != null) {
        problems.add(r.origin() + ": rule id " + r.id() + " is already used at " + before.origin()
            + "; ids must be unique (change the severity in the configuration instead of redefining a rule)");
      }
    }
    for (Rule r : rules) {
      for (String s : r.suppresses()) {
        if (!seen.containsKey(s)) {
          problems.add(r.origin() + ": rule " + r.id() + " suppresses " + s + ", which is not a known rule id");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
    return new RuleSet(rules);
  }

  /** The rules packaged with edgetpu-lint (the repository's rules/*.yaml). Parsed once per process. */
  public static RuleSet builtIn() {
    RuleSet s = builtIn;
    if (s == null) {
      synchronized (RuleSet.class) {
        s = builtIn;
        if (s == null) {
          // The build-time index, when it matches the packaged YAML; else (an IDE run after editing a
          // rule) the YAML itself.
          Optional<List<Rule>> indexed = RuleIndex.read(RuleSet::builtInChecksums, RuleSet::builtInText);
          s = of(indexed.isPresent() ? indexed.get() : parseAll(builtInFiles(), false, true));
          builtIn = s;
        }
      }
    }
    return s;
  }

  /**
   * The built-in rules plus every {@code *.yaml} / {@code *.yml} file of each directory (for
   * {@code --rules DIR}). User files are checked against the rule schema and their expressions
   * compiled now, so a broken file is reported before any model is judged.
   *
   * @throws RuleLoadException listing every problem as file:line:column: what is wrong
   */
  public static RuleSet load(List<Path> extraDirs) {
    List<Rule> all = new ArrayList<>(builtIn().rules());
    Map<String, String> files = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Path dir : extraDirs) {
      if (!Files.isDirectory(dir)) {
        problems.add(dir + ": not a directory of rule files");
        continue;
      }
      try (Stream<Path> list = Files.list(dir)) {
        for (Path p : (Iterable<Path>) list.sorted()::iterator) {
          String name = p.getFileName().toString();
          if (Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
            files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        problems.add(dir + ": cannot read: " + e.getMessage());
      }
    }
    List<Rule> extra = new ArrayList<>();
    try {
      extra.addAll(parseAll(files, true, false));
    } catch (RuleLoadException e) {
      problems.addAll(e.problems());
    }
    for (Rule r : extra) {
      try {
        CompiledRule.compile(r, new AtomicInteger(), new AtomicInteger()).withTemplates(); // to check it compiles
      } catch (RuleLoadException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
    all.addAll(extra);
    return of(all);
  }

  /** Parses rule files given as name to text, collecting the problems of all of them. */
  static List<Rule> parseAll(Map<String, String> files, boolean validate, boolean lazyExamples) {
    List<Rule> rules = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      try {
        rules.addAll(RuleLoader.parse(f.getKey(), f.getValue(), validate, lazyExamples));
      } catch (RuleLoadException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
    return rules;
  }

  /**
   * The packaged rule files, name ("rules/ops.yaml") to {@link RuleIndex#checksum(String)}: from a
   * directory of classes, every rule file there, computed from the bytes (a rule file added while
   * developing is seen); from a jar, the files {@code indexed} names, with the CRC-32 and length the
   * jar's directory records (no file is read: its rule files are the ones the build indexed).
   */
  static Map<String, String> builtInChecksums(List<String> indexed) throws IOException {
    Optional<JarDirectory> jar = PackagedFiles.jar();
    if (jar.isPresent()) {
      return jarChecksums(jar.get(), indexed);
    }
    Map<String, String> sums = new TreeMap<>();
    builtInFiles().forEach((name, text) -> sums.put(name, RuleIndex.checksum(text)));
    return sums;
  }

  /** {@link #builtInChecksums} of the rule files {@code names} in a jar: those it has. */
  static Map<String, String> jarChecksums(JarDirectory jar, List<String> names) {
    Map<String, String> sums = new TreeMap<>();
    for (String name : names) {
      Optional<JarDirectory.Entry> e = isRuleFile(name) ? jar.entry(name) : Optional.empty();
      if (e.isPresent()) {
        sums.put(name, RuleIndex.checksum(e.get().crc(), e.get().size()));
      }
    }
    return sums;
  }

  private static boolean isRuleFile(String name) {
    return name.startsWith(RESOURCE_DIR) && name.endsWith(".yaml") && name.indexOf('/', RESOURCE_DIR.length()) < 0;
  }

  /** The text of one packaged rule file ("rules/ops.yaml"), read when its examples are asked for. */
  private static String builtInText(String name) {
    try {
      return new String(PackagedFiles.require(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged rule file " + name, e);
    }
  }

  /** The packaged rule files, name ("rules/ops.yaml") to text, in name order. */
  static Map<String, String> builtInFiles() {
    Map<String, String> files = new TreeMap<>();
    try {
      Optional<JarDirectory> jar = PackagedFiles.jar();
      if (jar.isPresent()) {
        for (String name : jar.get().names()) {
          if (isRuleFile(name)) {
            files.put(name, new String(jar.get().read(name).orElseThrow(), StandardCharsets.UTF_8));
          }
        }
      } else {
        Path dir = PackagedFiles.codeLocation().resolve(RESOURCE_DIR);
        if (Files.isDirectory(dir)) {
          try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
              String name = p.getFileName().toString();
              if (name.endsWith(".yaml")) {
                files.put(RESOURCE_DIR + name, Files.readString(p, StandardCharsets.UTF_8));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged rules", e);
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no packaged rule files found under " + RESOURCE_DIR);
    }
    return files;
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * {@code rule} (of this set) compiled.
   *
   * @throws RuleLoadException naming the rule's file, line and field when an expression is broken
   */
  CompiledRule compiled(Rule rule) {
    CompiledRule c = compiled.get(rule.id());
    return c != null ? c : compiled.computeIfAbsent(rule.id(), id -> CompiledRule.compile(rule, verdictSlots, opcodeSlots));
  }

  /**
   * Compiles now the rules that every model meets: the model rules and the rules for every kind of
   * operator. Start-up work for a second core (cli.Warmup); a rule that does not compile is left for
   * the evaluation to report.
   */
  public void compileRulesForEveryModel() {
    for (Rule rule : rules) {
      if (rule.scope() == Rule.Scope.MODEL || rule.ops().contains("*")) {
        try {
          compiled(rule);
        } catch (RuleLoadException e) {
          // The check compiles it again and reports the problem.
        }
      }
    }
  }

  public Optional<Rule> rule(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public int size() {
    return rules.size();
  }
}
