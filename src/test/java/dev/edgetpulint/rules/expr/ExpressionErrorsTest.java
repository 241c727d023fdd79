package dev.edgetpulint.rules.expr;

import static dev.edgetpulint.rules.expr.ExpressionFixture.compileError;
import static dev.edgetpulint.rules.expr.ExpressionFixture.evalError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every message a rule author can get from an expression: what is wrong, where, and the expression. */
class ExpressionErrorsTest {

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
      // syntax, with the column
      "(1 + 2 => cannot parse expression: expected ')' to close the '(' at column 1 but found the end of the expression (at column 7): (1 + 2",
      "1 + 2) => cannot parse expression: expected the end of the expression or an operator but found ')' (at column 6): 1 + 2)",
      "1 + => cannot parse expression: expected a value but found the end of the expression (at column 4): 1 +",
      "[1, 2 => cannot parse expression: expected ']' to close the '[' at column 1 but found the end of the expression (at column 6): [1, 2",
      "{'a' 1} => cannot parse expression: expected ':' after a key of the map at column 1 but found '1' (at column 6): {'a' 1}",
      "op. => cannot parse expression: expected a fact name after '.' but found the end of the expression (at column 4): op.",
      "lst[1 => cannot parse expression: expected ']' to close the '[' at column 4 but found the end of the expression (at column 6): lst[1",
      "true ? 1 => cannot parse expression: expected ':' of the '?' at column 6 but found the end of the expression (at column 9): true ? 1",
      "[1,,2] => cannot parse expression: expected a value but found ',' (at column 4): [1,,2]",
      "1 2 => cannot parse expression: expected the end of the expression or an operator but found '2' (at column 3): 1 2",
      "1 < 2 < 3 => cannot parse expression: comparisons cannot be chained; write 'a < b && b < c' (at column 7): 1 < 2 < 3",
      "1 == 1 == true => cannot parse expression: '==' cannot follow '==' directly; add parentheses (at column 8): 1 == 1 == true",
      "'open => cannot parse expression: the text starting here is never closed with ' (at column 1): 'open",
      "'\\u12' => cannot parse expression: '\\u' needs four hexadecimal digits (at column 2): '\\u12'",
      "010 => cannot parse expression: '010': a number cannot start with 0 (write 10) (at column 1): 010",
      "1L => cannot parse expression: unexpected 'L' after the number 1 (at column 2): 1L",
      "99999999999999999999 => cannot parse expression: '99999999999999999999' is too large a number (at column 1): 99999999999999999999",
      "0x => cannot parse expression: '0x' is not a hexadecimal number (at column 1): 0x",
      "i £ 2 => cannot parse expression: unexpected character '£' (at column 3): i £ 2",
      "(x)(1) => cannot parse expression: only the rule functions can be called, by name: size(x), where(l, 'fact'), ... (at column 4): (x)(1)",
      "op and true => cannot parse expression: expected the end of the expression or an operator but found 'and'; 'and' is not supported, write '&&' (at column 4): op and true",
      "not true => cannot parse expression: 'not' is not supported; write '!' (at column 1): not true",
      // forbidden constructs
      "''.getClass() != null => method calls are not allowed; call one of the rule functions instead (docs/rules-engine.md) (at column 4): ''.getClass() != null",
      "new('java.io.File', 'x') => creating Java objects (new) is not allowed (at column 1): new('java.io.File', 'x')",
      "runtime = 9 => assignments are not allowed; expressions only read facts (write '==' to compare) (at column 9): runtime = 9",
      "i += 1 => assignments are not allowed; expressions only read facts (at column 3): i += 1",
      "i++ => assignments are not allowed; expressions only read facts (at column 2): i++",
      "(x -> x)(1) == 1 => lambdas and local variables are not allowed; use the rule's 'let' section (at column 4): (x -> x)(1) == 1",
      "var a = 1; a == 1 => lambdas and local variables are not allowed; use the rule's 'let' section (at column 1): var a = 1; a == 1",
      "while (true) { } => loops are not allowed; use the list functions (where, count, all, any) (at column 1): while (true) { }",
      "for (x : [1]) { x } => loops are not allowed; use the list functions (where, count, all, any) (at column 1): for (x : [1]) { x }",
      "if (true) 1 => statements are not allowed; write a condition such as 'a ? b : c' (at column 1): if (true) 1",
      "true; false => statements are not allowed; a rule expression is a single expression (at column 5): true; false",
      "#pragma x => pragmas and comments are not allowed in expressions (at column 1): #pragma x",
      "@silent true => annotations are not allowed in expressions (at column 1): @silent true",
      "1 & 3 => bitwise operators are not supported; write '&&' for the logical one (at column 3): 1 & 3",
      "1 << 2 => bitwise operators are not supported (at column 3): 1 << 2",
      "n?.x => '?.' is not supported; write 'x.y ?? default' (at column 2): n?.x",
      "n ?: 2 => '?:' is not supported; write 'x ?? default' or 'x ? x : default' (at column 3): n ?: 2",
      "1 // note => comments are not supported in expressions; use YAML comments (#) outside the string (at column 3): 1 // note",
      "`t ${i}` => template strings are not supported; use '+' or a {{...}} placeholder (at column 1): `t ${i}`",
      // functions
      "foo(1) => unknown function 'foo'; the rule functions are abs, all, all_equal, any, at, compact, concat, contains, count, count_above, count_equal, count_not_equal, dims, drop_last, empty, first_index_above, indices_above, indices_equal, join, last, max, min, normalize_axes, normalize_axis, pluck, prod, size, slice, sum, where, where_above, where_equal, where_not (at column 1): foo(1)",
      "size(1, 2) => size() takes 1 argument, not 2 (at column 1): size(1, 2)",
      "where(op.inputs) => where() takes 2 arguments, not 1 (at column 1): where(op.inputs)",
      "slice(lst) => slice() takes 2 or 3 arguments, not 1 (at column 1): slice(lst)",
  })
  void compileErrorsSayWhatAndWhere(String expression, String message) {
    assertEquals(message, compileError(expression));
  }

  @Test
  void lineAndColumnInAnExpressionOfSeveralLines() {
    assertEquals("cannot parse expression: expected a value but found ')' (at line 2, column 7): i == 7\n  && ()",
        compileError("i == 7\n  && ()"));
  }

  @Test
  void emptyAndOverlongExpressionsAreRefused() {
    assertEquals("the expression is empty", compileError("  "));
    assertEquals("the expression is longer than 2000 characters", compileError("1" + " + 1".repeat(500)));
  }

  /** Nesting is bounded, so a hostile rule cannot overflow the stack; each kind of nesting counts. */
  @Test
  void nestingIsLimited() {
    String deep = "(".repeat(Sandbox.MAX_DEPTH) + "1" + ")".repeat(Sandbox.MAX_DEPTH);
    assertTrue(compileError(deep).startsWith("cannot parse expression: the expression is nested more than 64 levels deep (at column 65)"),
        compileError(deep));
    String fine = "(".repeat(Sandbox.MAX_DEPTH - 2) + "1" + ")".repeat(Sandbox.MAX_DEPTH - 2);
    assertEquals(1, ExpressionFixture.eval(fine));
    for (String hostile : new String[] {"!".repeat(1999) + "1", "- ".repeat(999) + "1", "[".repeat(1000) + "]".repeat(1000),
        "size(".repeat(300) + "1" + ")".repeat(300), "n ?? ".repeat(399) + "1", "lst[".repeat(300) + "0" + "]".repeat(300)}) {
      assertTrue(compileError(hostile).contains("nested more than 64 levels deep"), hostile.substring(0, 20));
    }
  }

  /** A long flat chain is not nesting: it compiles and evaluates. */
  @Test
  void longChainsAreFine() {
    assertEquals(500, ExpressionFixture.eval("1" + " + 1".repeat(399) + " + 100"));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
      "undefined_var => unknown variable 'undefined_var'; known here: big, compiler, d, i, lst, model, n, op, runtime, str, tensor",
      "n + 1 => '+' needs numbers or a text, but n is null",
      "'a' + n => '+' cannot join null to a text: n is null",
      "-n => '-' needs numbers, but n is null",
      "-str => '-' needs numbers, but str is a text (abc)",
      "lst * 2 => '*' needs numbers, but lst is a list ([1, 2, 3])",
      "true + 1 => '+' needs numbers or a text, but true is a boolean (true)",
      "1 / 0 => division by zero: 1 / 0",
      "d % (i - 7) => division by zero: d % (i - 7)",
      "big * big => big * big is too large a number",
      "op.options.nope > 1 => '>' compares two numbers or two texts, but op.options.nope is null",
      "i < 'a' => '<' compares two numbers or two texts, but i is a number and 'a' is a text",
      "op < 1 => '<' compares two numbers or two texts, but op is an operator and 1 is a number",
      "!n => n is null, not true or false",
      "n && true => n is null, not true or false",
      "n.x => n is null, so it has no 'x'",
      "n[0] => n is null, so it has no element [0]",
      "str.length => str is a text, which has no 'length'",
      "lst[5] => index 5 is outside lst, which has 3 elements",
      "op.inputs[0].shape[op.inputs[0].rank] => index 4 (op.inputs[0].rank) is outside op.inputs[0].shape, which has 4 elements",
      "lst['a'] => cannot take element ['a'] of lst: it is a list and the index is a text",
      "n ?? n.x => n is null, so it has no 'x'",
      "1..n => '..' needs two numbers, but n is null",
      "0..3000000000 => a range of 3000000001 numbers is longer than rules may use (1048576)",
      "where(op.inputs, 5) => where() needs a text as argument 2 (a fact name such as 'constant'), not a number (5)",
      "join(lst, 1) => join() needs a text as argument 2 (a separator such as ', '), not a number (1)",
      "op.inputs[0].shpe => a tensor has no fact 'shpe'; known: index, name, type, shape, shape_signature, rank, elements, dynamic, dynamic_batch_only, constant, variable, sparse, eight_bit, float, quantized, per_axis, scales, zero_points, quantized_dimension, values, all_zero, byte_size, graph_input, graph_output, producer, producer_index, consumers, consumer_types",
      "op['nope'] => an operator has no fact 'nope'; known: index, subgraph, type, name, custom_code, version, options, inputs, outputs, input_count, output_count",
  })
  void evaluationErrorsNameTheCulprit(String expression, String message) {
    assertEquals(message, evalError(expression));
  }
}
