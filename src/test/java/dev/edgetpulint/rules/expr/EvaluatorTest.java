package dev.edgetpulint.rules.expr;

import static dev.edgetpulint.rules.expr.ExpressionFixture.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What expressions evaluate to. The expected values are what Apache Commons JEXL 3.4 (strict, with
 * the project's arithmetic) gave for the same text, recorded before JEXL was replaced.
 */
class EvaluatorTest {

  /** expression => the value's class => the value as a message prints it. */
  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
      // precedence and associativity
      "2 + 3 * 4 => Integer => 14",
      "(2 + 3) * 4 => Integer => 20",
      "10 - 2 - 3 => Integer => 5",
      "100 / 10 / 5 => Integer => 2",
      "2 * 3 % 4 => Integer => 2",
      "7 % 4 * 2 => Integer => 6",
      "-i + 1 => Integer => -6",
      "-i * -i => Integer => 49",
      "2*-1 => Integer => -2",
      "1 -1 => Integer => 0",
      "- -1 => Integer => 1",
      "+1 => Integer => 1",
      "2 < 3 == true => Boolean => true",
      "1 + 2 == 3 && 4 > 3 => Boolean => true",
      "true || false && false => Boolean => true",
      "! i == 7 => Boolean => false",
      "!(i == 7) => Boolean => false",
      "1 + 1 =~ [2] => Boolean => true",
      "1 =~ [1] == true => Boolean => true",
      "true ? 1 : false ? 2 : 3 => Integer => 1",
      "false ? 1 : true ? 2 : 3 => Integer => 2",
      "1 ?? 2 == 1 => Integer => 1",
      "n ?? n ?? 7 => Integer => 7",
      "true ? n ?? 1 : 2 => Integer => 1",
      "i>=7&&i<=7 => Boolean => true",
      // numbers
      "1 + 2 => Integer => 3",
      "2147483647 + 1 => Long => 2147483648",
      "2147483647 * 2 => Long => 4294967294",
      "-2147483648 => Integer => -2147483648",
      "-2147483648 - 1 => Long => -2147483649",
      "i + big => Long => 5000000007",
      "big - big => Long => 0",
      "7 / 2 => Integer => 3",
      "-7 / 2 => Integer => -3",
      "-7 % 3 => Integer => -1",
      "10 / 4 * 4 => Integer => 8",
      "7 / 2.0 => Double => 3.5",
      "d * 2 => Double => 5",
      "d % 2 => Double => 0.5",
      "i % 2.0 => Double => 1",
      "2 - 1.5 => Double => 0.5",
      "1 / 3.0 => Double => 0.333333",
      "0.1 + 0.2 => Double => 0.3",
      "1e3 => Double => 1000",
      "1e-7 => Double => 1e-07",
      "1234567.89 => Double => 1.23457e+06",
      "0x1F => Integer => 31",
      "123456789012 => Long => 123456789012",
      "3000000000 * 3 => Long => 9000000000",
      "-d => Double => -2.5",
      "compiler => Double => 16",
      "runtime => Integer => 14",
      // text
      "'a' + 1 => String => a1",
      "1 + 'a' => String => 1a",
      "1 + 2 + 'a' => String => 3a",
      "1 + (2 + 'a') => String => 12a",
      "'x' + 2.0 => String => x2.0",
      "'x' + lst => String => x[1, 2, 3]",
      "'x' + op => String => xCONV_2D #0",
      "\"dq\" => String => dq",
      "'sq\\'x' => String => sq'x",
      "'a\\\\b' => String => a\\b",
      "'a\\qb' => String => a\\qb",
      "\"\\u0041\" => String => A",
      // equality
      "1 == 1.0 => Boolean => true",
      "i == 7 => Boolean => true",
      "1 == big => Boolean => false",
      "'1' == 1 => Boolean => true",
      "1.5 == '1.5' => Boolean => true",
      "'a' == 1 => Boolean => false",
      "true == 1 => Boolean => true",
      "false == '' => Boolean => true",
      "true == lst => Boolean => true",
      "n == null => Boolean => true",
      "n != null => Boolean => false",
      "n == 0 => Boolean => false",
      "'' == n => Boolean => false",
      "n != 1 => Boolean => true",
      "op == op => Boolean => true",
      "op == model => Boolean => false",
      "op.inputs[0] == op.inputs[0] => Boolean => true",
      "'[1]' == [1] => Boolean => false",
      "[1] == 1 => Boolean => false",
      "{'a': 1} == {'a': 1} => Boolean => true",
      "runtime == 14.0 => Boolean => true",
      "compiler == 16 => Boolean => true",
      // lists compare by content
      "[1, 2] == [1, 2] => Boolean => true",
      "[1, 2] == lst => Boolean => false",
      "lst == [1, 2, 3] => Boolean => true",
      "[1, 2.0, 3] == lst => Boolean => true",
      "[] == [] => Boolean => true",
      "[[1], [2]] == [[1], [2]] => Boolean => true",
      "[1, [2]] == [1, [2.0]] => Boolean => true",
      "[n] == [n] => Boolean => true",
      "op.inputs[0].shape == [1, 8, 8, 4] => Boolean => true",
      "op.inputs[0].shape == [1, 8, 8, 4.0] => Boolean => true",
      "op.inputs[0].shape != [1] => Boolean => true",
      "op.inputs[2].values == [1, 2, 3, 4] => Boolean => true",
      // order
      "'abc' < 'abd' => Boolean => true",
      "1 < 2.5 => Boolean => true",
      "big > i => Boolean => true",
      "true < false => Boolean => false",
      "compiler >= 2.1 => Boolean => true",
      // membership
      "'x' =~ ['x', 'y'] => Boolean => true",
      "'z' =~ ['x', 'y'] => Boolean => false",
      "1 =~ [1.0, 2] => Boolean => true",
      "'a' =~ 'a|b' => Boolean => false",
      "'abc' =~ 'abc' => Boolean => true",
      "1 =~ '1' => Boolean => true",
      "1 =~ 1 => Boolean => true",
      "n =~ [n] => Boolean => true",
      "1 =~ n => Boolean => false",
      "n =~ 'a' => Boolean => false",
      "n =~ n => Boolean => true",
      "lst =~ [lst] => Boolean => true",
      "'type' =~ op => Boolean => true",
      "'nope' =~ op => Boolean => false",
      "{'a': 1} =~ {'a': 1, 'b': 2} => Boolean => true",
      "op.type =~ ['CONV_2D'] => Boolean => true",
      "'x' !~ ['x'] => Boolean => false",
      "'z' !~ ['x'] => Boolean => true",
      // truth
      "!0 => Boolean => true",
      "!1 => Boolean => false",
      "!'' => Boolean => true",
      "!'false' => Boolean => true",
      "!'a' => Boolean => false",
      "![] => Boolean => false",
      "!str => Boolean => false",
      "true && 1 => Boolean => true",
      "0 || 0 => Boolean => false",
      "'false' && true => Boolean => false",
      "false && n => Boolean => false",
      "true || n => Boolean => true",
      "'x' ? 1 : 2 => Integer => 1",
      "'' ? 1 : 2 => Integer => 2",
      "'0' ? 1 : 2 => Integer => 1",
      "0.0 ? 1 : 2 => Integer => 2",
      "[] ? 1 : 2 => Integer => 1",
      "op ? 1 : 2 => Integer => 1",
      // null, ?? and the references JEXL protected
      "n ? 1 : 2 => Integer => 2",
      "n ?? 3 => Integer => 3",
      "0 ?? 3 => Integer => 0",
      "x ?? 3 => Integer => 3",
      "x ? 1 : 2 => Integer => 2",
      "op.nope ?? 3 => Integer => 3",
      "op.nope ? 1 : 2 => Integer => 2",
      "op.options.nope ?? 3 => Integer => 3",
      "n.x ?? 4 => Integer => 4",
      "n.x.y ?? 3 => Integer => 3",
      "n[0] ?? 5 => Integer => 5",
      "lst[5] ?? 6 => Integer => 6",
      "lst[x] ?? 3 => Integer => 3",
      "str.x ?? 3 => Integer => 3",
      "str[0] ?? 3 => Integer => 3",
      "op.inputs[9].name ?? 'x' => String => x",
      "op.inputs[0].values[0] ?? 'none' => String => none",
      "1 ?? n.x => Integer => 1",
      "true ? 1 : n.x => Integer => 1",
      "false ? n.x : 2 => Integer => 2",
      // reads
      "op.type => String => CONV_2D",
      "op['type'] => String => CONV_2D",
      "op.inputs[0]['name'] => String => in",
      "op.options.padding => String => SAME",
      "op.inputs[0].shape[op.inputs[0].rank - 1] => Integer => 4",
      "op.inputs[0].shape[0.5] => Integer => 1",
      "[1, 2][1.0] => Integer => 2",
      "{'a': 1}.a + 1 => Integer => 2",
      "{1: 'x'}[1] => String => x",
      "{'A': 1}[op.type] ?? 0 => Integer => 0",
      "(compiler >= 2.1 ? {'A': 1} : {'B': 2})['A'] ?? 0 => Integer => 1",
      "model.tensors[0].name => String => in",
      "tensor.name => String => in",
      // functions
      "size(lst) => Integer => 3",
      "size(str) => Integer => 3",
      "size(n) => Integer => 0",
      "size(op) => Integer => 11",
      "size({'a': 1}) => Integer => 1",
      "size(7) => Integer => 0",
      "empty([]) => Boolean => true",
      "empty(n) => Boolean => true",
      "empty(0) => Boolean => true",
      "empty('') => Boolean => true",
      "empty(str) => Boolean => false",
      "empty(op.options) => Boolean => false",
      "max(lst) => Long => 3",
      "slice(lst, 1) => ArrayList => [2, 3]",
      "slice(lst, 0, 2) => ArrayList => [1, 2]",
      "count(op.inputs, 'constant') => Integer => 2",
      "join(op.inputs, ', ') => String => 'in', 'w', 'b'",
      "dims(op.inputs[0].shape) => String => 1x8x8x4",
      "abs(-3) => Long => 3",
      // ranges
      "size(1..3) => Integer => 3",
      "3..1 => Range => [3, 2, 1]",
      "sum(1..1000) => Long => 500500",
      "contains(1..10, 3) => Boolean => true",
  })
  void evaluatesAsJexlDid(String expression, String type, String printed) {
    Object value = eval(expression);
    assertEquals(type, value.getClass().getSimpleName(), expression);
    assertEquals(printed, Template.format(value), expression);
  }

  @Test
  void literalsAreReadOnlyListsAndMaps() {
    assertEquals(List.of(1, 2), eval("[1, 2,]"));
    assertEquals(java.util.Arrays.asList(1, "a", null), eval("[1, 'a', n]"));
    assertEquals(Map.of("a", 1), eval("{'a': 1,}"));
    assertEquals(Map.of(), eval("{:}"));
    assertEquals(Map.of(), eval("{}"));
    assertEquals(Map.of("CONV_2D", List.of(1, 2)), eval("{op.type: [1, i - 5]}"));
    assertNull(eval("null"));
    assertNull(eval("{'a': n}.a"));
    assertNull(eval("{'a': 1}['b']"));
    assertNull(eval("op.options.nope"));
  }

  @Test
  void expressionsKnowTheVariablesTheyRead() {
    assertEquals(Set.of("op", "tensor", "k"), Sandbox.compile("op.inputs[k] == tensor ? size(op.x) : k").variables());
    assertEquals(Set.of(), Sandbox.compile("{'op': 1}['op'] + size([1])").variables());
  }

  @Test
  void anExpressionMaySpanLines() {
    assertTrue((Boolean) eval("i == 7\n  && str == 'abc'"));
    assertFalse((Boolean) eval("i\n==\n8"));
  }
}
