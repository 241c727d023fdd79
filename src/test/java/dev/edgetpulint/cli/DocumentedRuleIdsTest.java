package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.service.RuleInfo;
import dev.edgetpulint.service.StandardServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every rule id the help, the documentation and the VS Code settings name is one the tool has, or a prefix of one: an
 * example that names a rule nobody has stops with a usage error when a user copies it. (The
 * changelog is history and may name a misspelt id on purpose.)
 */
class DocumentedRuleIdsTest {
  private static final Pattern RULE_ID = Pattern.compile("\\bEDGETPU-[A-Z0-9]+(?:-[A-Z0-9]+)*-?");

  @Test
  void everyRuleIdInHelpAndDocsExists() throws Exception {
    List<String> known = StandardServices.lintService().rules(List.of()).stream().map(RuleInfo::id).toList();
    List<String> texts = new ArrayList<>();
    CommandLine all = Main.commandLine(StandardServices::lintService);
    texts.add(all.getUsageMessage(CommandLine.Help.Ansi.OFF));
    all.getSubcommands().values().forEach(sub -> texts.add(sub.getUsageMessage(CommandLine.Help.Ansi.OFF)));
    List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"),
        Path.of("vscode-extension/README.md"), Path.of("vscode-extension/package.json")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    for (Path document : documents) {
      texts.add(Files.readString(document, StandardCharsets.UTF_8));
    }
    TreeSet<String> unknown = new TreeSet<>();
    int named = 0;
    for (String text : texts) {
      Matcher m = RULE_ID.matcher(text);
      while (m.find()) {
        named++;
        String id = m.group();
        if (known.stream().noneMatch(k -> k.startsWith(id))) {
          unknown.add(id);
        }
      }
    }
    assertTrue(named > 100, "the scan found only " + named + " rule ids; is the pattern right?");
    assertEquals(new TreeSet<String>(), unknown, "rule ids named in help or docs that no rule has");
  }
}
