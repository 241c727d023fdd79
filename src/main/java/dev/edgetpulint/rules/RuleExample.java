package dev.edgetpulint.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A graph a rule must or must not report, written in the model-description syntax
 * ({@code format: edgetpu-lint/description/v1}).
 *
 * @param name what the example shows
 * @param triggers true when the rule must report on it, false when it must not
 * @param runtime the runtime version to judge it at
 * @param compiler the compiler version to judge it with, or null for the default
 * @param model the model description
 * @param line where the example starts in the rule file
 */
public record RuleExample(String name, boolean triggers, int runtime, String compiler, JsonNode model, int line) {}
