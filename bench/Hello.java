/** The baseline of the cold-start ratio: the cheapest Java program there is. */
public class Hello {
  public static void main(String[] args) {
    System.out.println("Hello");
  }
}
