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
  void numbersPrintAsBefore() {
    assertEquals("16", Template.format(16.0));
    assertEquals("0.5", Template.format(0.5f));
    assertEquals("1.e+2", Template.format(1e20)); // the long-standing format, kept byte for byte
    assertEquals("0.000123457", Template.format(0.000123456789));
    assertEquals("123457", Template.format(123456.789));
    assertEquals("5000000000", Template.format(5_000_000_000L));
    assertEquals("none", Template.format(null));
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
