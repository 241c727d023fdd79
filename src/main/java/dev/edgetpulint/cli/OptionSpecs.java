package dev.edgetpulint.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options for command models built by code ({@link CheckCommandSpec}). They keep their values in the
 * model, read after parsing with {@link #value}; an unset option has its initial value (null, false or
 * an empty list).
 */
public final class OptionSpecs {
  private OptionSpecs() {}

  /**
   * {@code -h/--help} and {@code -V/--version}, worded as picocli's {@code mixinStandardHelpOptions},
   * which would read them from an annotated class.
   */
  public static void addStandardHelpOptions(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
  }

  /** An option with one value. */
  public static OptionSpec option(String name, String label, Class<?> type, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(type).description(description).build();
  }

  /** A boolean option without a value. */
  public static OptionSpec flag(String name, String description) {
    return flag(new String[] {name}, description);
  }

  /** A boolean option without a value, with several names. */
  public static OptionSpec flag(String[] names, String description) {
    return OptionSpec.builder(names).type(boolean.class).arity("0").initialValue(false)
        .description(description).build();
  }

  /** A repeatable option collected into a list (values also split at {@code split} when not null). */
  public static OptionSpec list(String[] names, String label, Class<?> element, String split, String description) {
    OptionSpec.Builder builder = OptionSpec.builder(names).paramLabel(label)
        .type(List.class).auxiliaryTypes(element).initialValue(new ArrayList<>())
        .description(description);
    if (split != null) {
      builder.splitRegex(split);
    }
    return builder.build();
  }

  /**
   * The parsed value of option {@code name} (as declared, "--format") of {@code spec}. A map lookup:
   * picocli's {@code findOption} compares every name of every option, and a check reads twenty.
   */
  @SuppressWarnings("unchecked")
  public static <T> T value(CommandSpec spec, String name) {
    OptionSpec option = spec.optionsMap().get(name);
    if (option == null) {
      throw new IllegalArgumentException("no option " + name);
    }
    return (T) option.getValue();
  }
}
