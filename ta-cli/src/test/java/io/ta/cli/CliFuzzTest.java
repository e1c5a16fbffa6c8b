package io.ta.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whole command line under a fuzzer: whatever the arguments, the CSV on standard input and the source file,
 * {@code ta} ends with a documented exit code for a user's mistake (0, 2, 3, 4) and never with 1, which
 * {@link Main} reserves for its own bugs (a JDK exception, a stack overflow). Arguments are drawn from the
 * commands' real options with plausible or arbitrary values; every file written or read lies in one scratch folder.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs as a regression test over the committed inputs in
 * {@code src/test/resources/io/ta/cli/CliFuzzTestInputs/commandLine}.
 */
class CliFuzzTest {
    private static final Path DIR = scratch();
    private static final Set<Integer> DOCUMENTED = Set.of(Main.OK, Main.USAGE, Main.DATA, Main.OUTPUT);

    private static final String[] COMMANDS = {"eval", "stream", "plan", "describe", "list", "version", "help", "nope"};
    private static final String[] OPTIONS = {"--expr", "--expr", "--expr", "--csv", "--tz", "--time-format",
        "--time-unit", "--delimiter", "--symbol-col", "--source", "--sources", "--out", "--chart", "--html",
        "--chart-size", "--from", "--to", "--last", "--panel", "--above", "--price-col", "--price-style", "--log",
        "--forming-col", "--bad-rows", "--explain", "--kernels", "--debug", "--help", "-"};
    private static final String[] EXPRS = {"close", "sma(close, 3)", "rsi(close, 2) < 30", "macd(close).signal",
        "close@1d", "rsi(close@1w, 2)", "close@3", "close.24h_ago", "change_pct(close, '1h')", "session_start('1d')",
        "session_high('1w')", "anchored_vwap('1d')", "trades.count", "trades.filter(side == 'buy').sum(amount)",
        "ETH.close", "correl(close, ETH.close, 3)", "orderbook.imbalance", "liquidations.sum(amount)",
        "downsample(close, '1M')", "upsample(close@4h)", "x", "dax + 1", "volume * close",
        "crossup(close, sma(close, 2))", "1 / 0", "bbands(close, 2).upper", "close > open", "ETH.bars.count",
        "obv()@1d", "1e999", "sma(", "close@0", "close@2d", "shift(close, '1M')"};
    private static final Set<String> PATHS = Set.of("--csv", "--kernels", "--out", "--sources", "--chart", "--html");
    private static final String[] NAMES = {"a", "b", "c", "a.b", "1x", "", "e="};
    private static final String[] JOINS = {" + ", " and ", "@", " > "};
    private static final String[] KEYS = {"trades", "ETH.bars", "orderbook", "liquidations", "ETH.trades", "bars",
        ".trades", "é.trades"};
    private static final String[] SOURCE_FILES = {"fz.csv", "eth.csv", "trades.csv", "nothing.csv", "sources"};
    private static final String[] SIZES = {"1200x800", "1x1", "0x0", "100000x100000", "20x5000", "x", "-5x4"};
    private static final String[] WHEN = {"2024-01-01", "2024-01-01T00:30", "0", "2", "-1", "2023-12-31", "2024-01-09",
        "99999999999", "+999999999-12-31", "-999999999-01-01", "+999999999-12-31T23:59:59.999999999-18:00",
        "-999999999-01-01T00:00+18:00", "2024-01-01 00:00:00Z", "+999999999-12-31T23:59:59.999999999"};
    private static final String[] ZONES = {"UTC", "America/New_York", "+02:00", "Europe/Berlin", "Z", "GMT+14",
        "-18:00", "Asia/Kolkata"};
    private static final String[] HEADERS = {"date", "time", "timestamp", "datetime", "close", "open", "high", "low",
        "volume", "sym", "forming", "dax", "x", "price", "amount", "side", "bid", "ask", "bid_size", "ask_size",
        "date"};
    private static final String[] CELLS = {"1", "0", "-1", "2.5", "1e308", "-1e308", "NaN", "", "Inf", "x", "1e-320",
        "100", "2024-01-01", "2024-03-10T07:00:00Z", "2024-03-10T08:00:00-05:00", "1704067200", "1704067200000",
        "1704067200000000", "1704067200000000000", "buy", "sell", "\"1\"", "9223372036854775807",
        "-9223372036854775808", "+1", "1,5", "0x10", "2024-01-01 00:00", "99999-01-01", "2024-02-30",
        "1.7976931348623157E308"};

    private static Path scratch() {
        try {
            Path dir = Files.createTempDirectory("ta-cli-fuzz");
            Files.writeString(dir.resolve("bars.csv"), """
                    date,open,high,low,close,volume
                    2024-01-01T00:01:00Z,1,2,0.5,1.5,10
                    2024-01-01T01:00:00Z,1.5,3,1,2,20
                    2024-01-02T00:00:00Z,2,2,1,1,5
                    2024-01-08T00:00:00Z,1,4,1,3,1
                    """);
            Files.writeString(dir.resolve("eth.csv"), """
                    time,open,high,low,close,volume
                    2024-01-01T00:00:30Z,9,11,8,10,1
                    2024-01-01T01:00:00Z,10,12,9,11,2
                    """);
            String trades = "timestamp,price,amount,side\n2024-01-01T00:00:30Z,100,1,buy\n";
            Files.writeString(dir.resolve("trades.csv"), trades + "2024-01-01T00:01:00Z,102,3,sell\n");
            Files.writeString(dir.resolve("notajar.jar"), "not a zip");
            Files.writeString(Files.createDirectories(dir.resolve("sources")).resolve("trades.csv"), trades);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void commandLine(FuzzedDataProvider data) throws IOException {
        List<String> args = new ArrayList<>();
        String command = data.pickValue(COMMANDS);
        args.add(command);
        if (List.of("eval", "stream", "plan").contains(command) && data.consumeInt(0, 9) > 0) {
            // what these commands require, so that most runs get past picocli to the data
            args.addAll(List.of("--csv", data.consumeInt(0, 3) > 0 ? "-" : value("--csv", data)));
            for (int i = data.consumeInt(1, 3); i > 0; i--) {
                args.addAll(List.of("--expr", value("--expr", data)));
            }
        }
        int options = data.consumeInt(0, 8);
        for (int i = 0; i < options; i++) {
            String option = data.pickValue(OPTIONS);
            if (option.equals("-")) {
                args.add(data.consumeString(12));
                continue;
            }
            args.add(option);
            String value = value(option, data);
            if (value != null) {
                args.add(value);
            }
        }
        Files.write(DIR.resolve("fz.csv"), data.consumeBoolean() ? csv(data) : data.consumeBytes(200));
        byte[] in = data.consumeBoolean() ? csv(data) : data.consumeRemainingAsBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            code = Main.run(args.toArray(String[]::new), new ByteArrayInputStream(in), out, err);
        } catch (Throwable t) {
            fail("ta " + args + " threw " + t, t);
            return;
        }
        // The code, not the message: messages echo what was given, "internal error" included.
        String input = quote(new String(in, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(DOCUMENTED.contains(code), "ta " + args + " with input " + input + " exited " + code + ": " + said);
    }

    /** A plausible or arbitrary value for {@code option}; null for a flag. */
    private static String value(String option, FuzzedDataProvider data) {
        if (data.consumeInt(0, 7) == 0) {
            return PATHS.contains(option) ? file("f" + data.consumeString(8).replaceAll("[^A-Za-z0-9_.-]", "_"))
                    : data.consumeString(16);
        }
        return switch (option) {
            case "--expr" -> data.pickValue(NAMES) + "=" + (data.consumeBoolean() ? data.pickValue(EXPRS)
                    : data.pickValue(EXPRS) + data.pickValue(JOINS) + data.pickValue(EXPRS));
            case "--csv" -> data.pickValue(new String[] {"-", "-", "-", file("bars.csv"), DIR.toString(),
                file("fz.csv"), ""});
            case "--tz" -> data.pickValue(ZONES);
            case "--time-format" -> data.pickValue(new String[] {"input", "iso", "epoch-ms"});
            case "--time-unit" -> data.pickValue(new String[] {"s", "ms", "us", "ns"});
            case "--delimiter" -> data.pickValue(new String[] {",", ";", "|", "tab", "\t", "\\t"});
            case "--symbol-col" -> data.pickValue(new String[] {"sym", "close", "date"});
            case "--source" -> data.pickValue(KEYS) + "=" + file(data.pickValue(SOURCE_FILES));
            case "--sources" -> file(data.pickValue(new String[] {"sources", "bars.csv", "none"}));
            case "--out" -> file("out" + data.pickValue(new String[] {".csv", "", "/x.csv"}));
            case "--chart" -> file("c" + data.pickValue(new String[] {".png", ".svg", ".html", ""}));
            case "--html" -> file("r" + data.pickValue(new String[] {".html", ".htm", ".png"}));
            case "--chart-size" -> data.pickValue(SIZES);
            case "--from", "--to" -> data.pickValue(WHEN);
            case "--last" -> Integer.toString(data.consumeInt(-2, 5));
            case "--panel" -> data.pickValue(new String[] {"p=a,b", "price=a", "p=", "=a", "p=a,a", "q=c"});
            case "--above", "--price-col" -> data.pickValue(new String[] {"a", "b", "close", "a,b", "open"});
            case "--price-style" -> data.pickValue(new String[] {"auto", "candles", "line"});
            case "--forming-col" -> data.pickValue(new String[] {"forming", "close", "sym"});
            case "--bad-rows" -> data.pickValue(new String[] {"skip", "stop"});
            case "--kernels" -> file(data.pickValue(new String[] {"notajar.jar", "none.jar", "sources"}));
            case "--log", "--explain", "--debug", "--help" -> null;
            default -> data.consumeString(16);
        };
    }

    private static String file(String name) {
        return DIR.resolve(name).toString();
    }

    /** A CSV from a few plausible headers and cells, so that most runs get past the header to the rows. */
    private static byte[] csv(FuzzedDataProvider data) {
        StringBuilder sb = new StringBuilder();
        String d = data.pickValue(new String[] {",", ",", ";", "\t"});
        int columns = data.consumeInt(1, 6);
        for (int c = 0; c < columns; c++) {
            sb.append(c == 0 ? "" : d).append(data.pickValue(HEADERS));
        }
        sb.append(data.consumeBoolean() ? "\n" : "\r\n");
        int rows = data.consumeInt(0, 30);
        long t = 1_704_067_200_000L;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                sb.append(c == 0 ? "" : d);
                if (c == 0 && data.consumeBoolean()) {
                    t += data.consumeInt(-3_600_000, 90_000_000);
                    sb.append(data.consumeBoolean() ? Long.toString(t) : java.time.Instant.ofEpochMilli(t).toString());
                } else {
                    sb.append(data.consumeBoolean() ? data.pickValue(CELLS) : Double.toString(data.consumeDouble()));
                }
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 300 ? s.substring(0, 300) + "…" : s).replace("\n", "\\n") + "\"";
    }
}
