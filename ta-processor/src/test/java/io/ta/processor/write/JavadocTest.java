package io.ta.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Annotation text reaches generated javadoc as it was written, never as markup, a tag or the end of the comment. */
class JavadocTest {
    @Test
    void htmlMetacharactersBecomeEntities() {
        assertEquals("1 where a &gt; b now and a &lt;= b before", Javadoc.text("1 where a > b now and a <= b before"));
        assertEquals("Joanes &amp; Gill 1998", Javadoc.text("Joanes & Gill 1998"));
        assertEquals("&amp;lt; stays visible", Javadoc.text("&lt; stays visible"));
    }

    @Test
    void noTagAndNoEndOfComment() {
        assertEquals("&#64;param x, {&#64;code y}", Javadoc.text("@param x, {@code y}"));
        assertEquals("a *&#47; b", Javadoc.text("a */ b"));
        assertEquals("per 1/2 bar", Javadoc.text("per 1/2 bar"));
    }

    @Test
    void plainTextUnchanged() {
        assertEquals("Mean of a window.", Javadoc.text("Mean of a window."));
        assertEquals("", Javadoc.text(""));
    }
}
