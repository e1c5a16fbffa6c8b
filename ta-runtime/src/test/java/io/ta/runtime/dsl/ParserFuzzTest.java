package io.ta.runtime.dsl;

import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ta.error.TaException;
import io.ta.runtime.Registry;
import io.ta.runtime.Plan;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whatever the text — random characters, random token soup, random deep nestings — parsing and planning either
 * succeed or throw one of our typed errors. Never a StackOverflowError, an OutOfMemoryError, or a raw JDK exception.
 */
class ParserFuzzTest {
    static final int EXAMPLES = Integer.getInteger("ta.examples", 1000) * 5;
    static final String[] TOKENS = {"(", ")", ",", ".", "=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "**",
        "and", "or", "not", "true", "false", "close", "high", "hl2", "sma", "ema", "rsi", "macd", "signal", "period", "x",
        "1", "14", "2.5", "1e3", "-", "'ema'", "\"x\"", "#c\n", " ", "\n", "!", "&", "|", "$", "\u00e9", "\t", "'", "[", "]"};

    static void mustBeTyped(String text) {
        try {
            Plan.compile(Map.of("v", text), Registry.standard());
        } catch (TaException expected) {
            // typed: fine
        } catch (Throwable t) {
            fail("input " + quote(text) + " escaped as " + t, t);
        }
    }

    static String quote(String s) {
        return "\"" + (s.length() > 200 ? s.substring(0, 200) + "…" : s).replace("\n", "\\n") + "\"";
    }

    @Test
    void randomCharactersNeverEscapeAsAnythingButOurErrors() {
        qt().withExamples(EXAMPLES).withFixedSeed(11).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(60);
            for (int i = 0; i < n; i++) {
                sb.append((char) (r.nextInt(10) == 0 ? r.nextInt(0x3000) : 0x20 + r.nextInt(0x5f)));
            }
            mustBeTyped(sb.toString());
        });
    }

    @Test
    void randomTokenSoupNeverEscapesAsAnythingButOurErrors() {
        qt().withExamples(EXAMPLES).withFixedSeed(12).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(TOKENS[r.nextInt(TOKENS.length)]).append(r.nextBoolean() ? " " : "");
            }
            mustBeTyped(sb.toString());
        });
    }

    @Test
    void randomDeepNestingsAreRejectedCleanly() {
        String[][] wrappers = {{"(", ")"}, {"sma(", ", 3)"}, {"-", ""}, {"not ", ""}, {"abs(", ")"}, {"1 + ", ""}, {"x ** ", ""}};
        qt().withExamples(200).withFixedSeed(13).forAll(integers().between(1, 20_000), longs().all()).checkAssert((depth, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            StringBuilder open = new StringBuilder();
            StringBuilder close = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                String[] w = wrappers[r.nextInt(wrappers.length)];
                open.append(w[0]);
                close.insert(0, w[1]);
            }
            mustBeTyped(open + "close" + close);
        });
    }
}
