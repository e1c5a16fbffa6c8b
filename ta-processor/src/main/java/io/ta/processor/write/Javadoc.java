package io.ta.processor.write;

/**
 * Text an author wrote in an annotation (a kernel's summary, a parameter's or output's doc, a reference) becomes
 * javadoc prose in generated sources; it is plain text, not HTML, so it is escaped here. Without this a summary such
 * as {@code "a > b now and a <= b before"} is malformed HTML under doclint, and {@code "Joanes & Gill"} a bad entity.
 */
public final class Javadoc {
    private Javadoc() {}

    /**
     * {@code text} as javadoc prose that renders as written: HTML metacharacters become entities, {@code @} cannot
     * start a tag, and {@code *}{@code /} cannot end the comment.
     *
     * @param text plain text from an annotation
     * @return the escaped text
     */
    public static String text(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '@' -> b.append("&#64;");
                case '/' -> b.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
