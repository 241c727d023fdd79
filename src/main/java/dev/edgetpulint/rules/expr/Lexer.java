package dev.edgetpulint.rules.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule expression into tokens. Knows the operators of the language, and the JEXL ones it
 * leaves out (assignments, bitwise operators, lambdas, statements) so that a rule author learns why
 * they are refused instead of reading "unexpected character".
 */
final class Lexer {
  /** Longest first: the lexer takes the longest operator that matches. */
  private static final String[] OPERATORS = {
      "==", "!=", "<=", ">=", "=~", "!~", "&&", "||", "??", "..",
      "(", ")", "[", "]", "{", "}", ",", ":", ".", "?", "+", "-", "*", "/", "%", "!", "<", ">"};

  /** JEXL operators and statements the rule language does not have, each with its reason. */
  private static final String[][] REFUSED = {
      {"->", "lambdas and local variables are not allowed; use the rule's 'let' section"},
      {"++", "assignments are not allowed; expressions only read facts"},
      {"--", "assignments are not allowed; expressions only read facts"},
      {"+=", "assignments are not allowed; expressions only read facts"},
      {"-=", "assignments are not allowed; expressions only read facts"},
      {"*=", "assignments are not allowed; expressions only read facts"},
      {"/=", "assignments are not allowed; expressions only read facts"},
      {"%=", "assignments are not allowed; expressions only read facts"},
      {"?.", "'?.' is not supported; write 'x.y ?? default'"},
      {"?:", "'?:' is not supported; write 'x ?? default' or 'x ? x : default'"},
      {"===", "'===' is not supported; write '=='"},
      {"!==", "'!==' is not supported; write '!='"},
      {"=^", "'=^' is not supported"},
      {"=$", "'=$' is not supported"},
      {"!^", "'!^' is not supported"},
      {"!$", "'!$' is not supported"},
      {"...", "'...' is not supported"},
      {"//", "comments are not supported in expressions; use YAML comments (#) outside the string"},
      {"/*", "comments are not supported in expressions; use YAML comments (#) outside the string"},
      {";", "statements are not allowed; a rule expression is a single expression"},
      {"#", "pragmas and comments are not allowed in expressions"},
      {"@", "annotations are not allowed in expressions"},
      {"`", "template strings are not supported; use '+' or a {{...}} placeholder"},
      {"<<", "bitwise operators are not supported"},
      {">>", "bitwise operators are not supported"},
      {"~", "bitwise operators are not supported"},
      {"^", "bitwise operators are not supported"},
  };

  /**
   * The first character of each of {@link #OPERATORS} and {@link #REFUSED}: a token is tried against
   * only those that start with its character. Rules are compiled at every start, mostly by the
   * interpreter, where testing each operator text in turn was most of the lexing (docs/performance.md, C24).
   */
  private static final char[] OPERATOR_FIRST = firstCharacters(OPERATORS);
  private static final char[] REFUSED_FIRST = firstCharacters(refusedTexts());

  private final String text;
  private int pos;

  private Lexer(String text) {
    this.text = text;
  }

  static List<Token> tokens(String text) {
    return new Lexer(text).all();
  }

  private List<Token> all() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (pos >= text.length()) {
        out.add(new Token(Token.Kind.END, "", null, pos, pos));
        return out;
      }
      out.add(next());
    }
  }

  private void skipWhitespace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private Token next() {
    char c = text.charAt(pos);
    if (c >= '0' && c <= '9') {
      return number();
    }
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (Character.isLetter(c) || c == '_') {
      int start = pos;
      while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      return new Token(Token.Kind.IDENTIFIER, text.substring(start, pos), null, start, pos);
    }
    String refusal = refusal();
    if (refusal != null) {
      int start = pos;
      pos = text.length(); // nothing after a refused construct is read
      return new Token(Token.Kind.REFUSED, text.substring(start, Math.min(start + 3, text.length())), refusal, start, start);
    }
    for (int i = 0; i < OPERATORS.length; i++) {
      if (OPERATOR_FIRST[i] == c && text.startsWith(OPERATORS[i], pos)) {
        int start = pos;
        pos += OPERATORS[i].length();
        return new Token(Token.Kind.OPERATOR, OPERATORS[i], null, start, pos);
      }
    }
    throw error(pos, "unexpected character '" + c + "'");
  }

  /** A letter, digit or '_'; ASCII without a call into {@link Character}'s tables. */
  private static boolean isIdentifierPart(char c) {
    if (c < 128) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
    return Character.isLetterOrDigit(c);
  }

  private static char[] firstCharacters(String[] texts) {
    char[] first = new char[texts.length];
    for (int i = 0; i < texts.length; i++) {
      first[i] = texts[i].charAt(0);
    }
    return first;
  }

  private static String[] refusedTexts() {
    String[] texts = new String[REFUSED.length];
    for (int i = 0; i < REFUSED.length; i++) {
      texts[i] = REFUSED[i][0];
    }
    return texts;
  }

  /** Why the JEXL operator or statement at {@code pos} is not in the rule language, or null when it is not one of them. */
  private String refusal() {
    char c = text.charAt(pos);
    for (int i = 0; i < REFUSED.length; i++) {
      if (REFUSED_FIRST[i] == c && text.startsWith(REFUSED[i][0], pos)) {
        return REFUSED[i][1];
      }
    }
    boolean single = pos + 1 >= text.length() || text.charAt(pos + 1) != c;
    if ((c == '&' || c == '|') && single) {
      return "bitwise operators are not supported; write '" + c + c + "' for the logical one";
    }
    if (c == '=' && !text.startsWith("==", pos) && !text.startsWith("=~", pos)) {
      return "assignments are not allowed; expressions only read facts (write '==' to compare)";
    }
    return null;
  }

  private Token number() {
    int start = pos;
    if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
      pos += 2;
      int digits = pos;
      while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
        pos++;
      }
      if (pos == digits || pos - digits > 16) {
        throw error(start, "'" + text.substring(start, pos) + "' is not a hexadecimal number");
      }
      long v = Long.parseUnsignedLong(text.substring(digits, pos), 16);
      return endOfNumber(start, v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v);
    }
    digits();
    boolean floating = false;
    if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
      pos++;
      digits();
      floating = true;
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int mark = pos;
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        digits();
        floating = true;
      } else {
        pos = mark;
      }
    }
    String spelled = text.substring(start, pos);
    if (floating) {
      return endOfNumber(start, Double.parseDouble(spelled));
    }
    if (spelled.length() > 1 && spelled.charAt(0) == '0') {
      // JEXL reads 010 as octal 8; refuse rather than read it differently.
      throw error(start, "'" + spelled + "': a number cannot start with 0 (write " + spelled.replaceFirst("^0+(?=.)", "") + ")");
    }
    long v;
    try {
      v = Long.parseLong(spelled);
    } catch (NumberFormatException e) {
      throw error(start, "'" + spelled + "' is too large a number");
    }
    return endOfNumber(start, v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v);
  }

  private Token endOfNumber(int start, Object value) {
    if (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
      throw error(pos, "unexpected '" + text.charAt(pos) + "' after the number " + text.substring(start, pos));
    }
    return new Token(Token.Kind.NUMBER, text.substring(start, pos), value, start, pos);
  }

  private void digits() {
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  /** A 'text' or "text" literal with JEXL's escapes; an unknown escape keeps its backslash, as in JEXL. */
  private Token string(char quote) {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error(start, "the text starting here is never closed with " + quote);
      }
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        return new Token(Token.Kind.STRING, text.substring(start, pos), sb.toString(), start, pos);
      }
      if (c == '\n' || c == '\r') {
        throw error(start, "the text starting here runs past the end of the line (close it with " + quote + ")");
      }
      if (c == '\\' && pos + 1 < text.length()) {
        char e = text.charAt(pos + 1);
        pos += 2;
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case '\\', '\'', '"' -> sb.append(e);
          case 'u' -> sb.append(unicode(pos - 2));
          default -> sb.append('\\').append(e);
        }
        continue;
      }
      sb.append(c);
      pos++;
    }
  }

  private char unicode(int escape) {
    if (pos + 4 > text.length()) {
      throw error(escape, "'\\u' needs four hexadecimal digits");
    }
    try {
      char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
      pos += 4;
      return c;
    } catch (NumberFormatException e) {
      throw error(escape, "'\\u' needs four hexadecimal digits");
    }
  }

  private Sandbox.ExpressionException error(int at, String what) {
    return new Sandbox.ExpressionException("cannot parse expression: " + what + " (at " + Sandbox.position(text, at) + ")");
  }
}
