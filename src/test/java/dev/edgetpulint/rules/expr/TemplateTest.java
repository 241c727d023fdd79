package dev.edgetpulint.rules.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {{...}} placeholders in messages and fixes, and how values print in them. */
class TemplateTest {
  @Test
  void placeholdersAreEvaluatedAndPrinted() {
    Template t = Template.compile("dilation {{op.options.dilation_w_factor}}x{{op.options.dilation_h_factor ?? 1}} on {{dims(op.inputs[0].shape)}},"
        + " inputs {{op.inputs[0].shape}}, scale {{1 / 3.0}}, {{n}}, {{str + '!'}}");
    assertEquals("dilation 2x1 on 1x8x8x4, inputs [1, 8, 8, 4], scale 0.333333, none, abc!", t.render(ExpressionFixture.scope()));
  }

  @Test
  void textWithoutPlaceholdersIsKept() {
    assertEquals("no {placeholders} here }}", Template.compile("no {placeholders} here }}").render(ExpressionFixture.scope()));
    assertEquals("", Template.compile(null).render(ExpressionFixture.scope()));
  }

  @Test
  void numbersPrintWithSixSignificantDigits() {
    assertEquals("16", Template.format(16.0));
    assertEquals("0.5", Template.format(0.5f));
    assertEquals("0.0531877", Template.format(0.0531877f));
    assertEquals("0.3", Template.format(0.1 + 0.2));
    assertEquals("-2.5", Template.format(-2.5));
    assertEquals("0.000123457", Template.format(0.000123456789));
    assertEquals("123457", Template.format(123456.789));
    assertEquals("5000000000", Template.format(5_000_000_000L));
    assertEquals("none", Template.format(null));
  }

  @Test
  void zerosThatCarryValueAreKept() {
    // printf's %g with its trailing zeros cut by a regular expression printed these as "2",
    // "10.", "1.e+2" and "2.5e-3": the zeros of the integer part and of the exponent were cut too.
    assertEquals("200000", Template.format(200000.4));
    assertEquals("10", Template.format(10.0000001));
    assertEquals("1e+20", Template.format(1e20));
    assertEquals("2.5e-300", Template.format(2.5e-300));
    assertEquals("3e-10", Template.format(3e-10));
  }

  @Test
  void veryLargeAndVerySmallNumbersUseAnExponent() {
    assertEquals("1.5e-07", Template.format(1.5e-7));
    assertEquals("-1.23457e+06", Template.format(-1234567.8));
    assertEquals("1.23457e+06", Template.format(1234567.8f));
    assertEquals("0.0001", Template.format(0.0001));
    assertEquals("999999", Template.format(999999.4));
    assertEquals("1e+06", Template.format(999999.7));
    assertEquals("NaN", Template.format(Double.NaN));
    assertEquals("-Infinity", Template.format(Double.NEGATIVE_INFINITY));
  }

  @Test
  void wholeNumbersPrintWithoutAPoint() {
    assertEquals("8400", Template.format(8400.0f));
    assertEquals("-3", Template.format(-3.0));
    assertEquals("999999999999999", Template.format(999_999_999_999_999.0));
    assertEquals("1e+15", Template.format(1e15));
  }

  @Test
  void longListsAreCut() {
    List<Integer> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(i);
    }
    String printed = Template.format(many);
    assertTrue(printed.endsWith(", 63, ... (100 items)]"), printed);
  }

  @Test
  void anUnclosedPlaceholderIsAnError() {
    Sandbox.ExpressionException e = assertThrows(Sandbox.ExpressionException.class, () -> Template.compile("a {{op.type b"));
    assertEquals("'{{' at character 3 is never closed with '}}'", e.getMessage());
  }

  @Test
  void aBrokenPlaceholderSaysWhere() {
    Sandbox.ExpressionException e = assertThrows(Sandbox.ExpressionException.class, () -> Template.compile("a {{op.type +}} b"));
    assertEquals("cannot parse expression: expected a value but found the end of the expression (at column 10): op.type +", e.getMessage());
  }
}
