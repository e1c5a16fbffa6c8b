package io.ta.cli;

import static io.ta.cli.CliTest.dataError;
import static io.ta.cli.CliTest.error;
import static io.ta.cli.CliTest.evalOut;
import static io.ta.cli.CliTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event sources from the command line, eval and stream alike. The primary bars close at 00:01, 00:02, 00:04 (00:03 is
 * missing) and 00:05. ETH's bars close at 00:01 … 00:04 and 00:06, so ETH.close is 10, 11, 13 (its 00:04 bar, not
 * its 00:03 one), then 13 carried (ETH has no bar in (00:04, 00:05]); its 00:06 bar comes after the last primary bar.
 * Trades: 00:00:30 and 00:01:00 (on the boundary) in bar 0; two at 00:01:30 in bar 1; none in bar 2; 00:04:59 in bar
 * 3; 00:06 after the last bar. So trades.count is 2, 2, 0, 1 and the bought amount 1, 2, 0, 6.
 */
class CliSourcesTest {
    private static final String BARS = "date,close\n2024-01-01T00:01:00Z,100\n2024-01-01T00:02:00Z,101\n"
            + "2024-01-01T00:04:00Z,102\n2024-01-01T00:05:00Z,103\n";
    private static final String ETH = "time,open,high,low,close,volume\n2024-01-01T00:01:00Z,9,11,8,10,1\n"
            + "2024-01-01T00:02:00Z,10,12,9,11,2\n2024-01-01T00:03:00Z,11,13,10,12,3\n2024-01-01T00:04:00Z,12,14,11,13,4\n"
            + "2024-01-01T00:06:00Z,14,16,13,15,6\n";
    private static final String TRADES = "timestamp,price,amount,side\n2024-01-01T00:00:30Z,100,1,buy\n"
            + "2024-01-01T00:01:00Z,102,3,sell\n2024-01-01T00:01:30Z,101,2,buy\n2024-01-01T00:01:30Z,103,10,sell\n"
            + "2024-01-01T00:04:59Z,105,6,buy\n2024-01-01T00:06:00Z,106,1,buy\n";
    private static final String[] EXPRS = {"--expr", "e=ETH.close", "--expr", "n=trades.count",
        "--expr", "b=trades.filter(side == 'buy').sum(amount)", "--expr", "d=close - ETH.close"};
    private static final String EXPECTED = """
            date,e,n,b,d
            2024-01-01T00:01:00Z,10.0,2.0,1.0,90.0
            2024-01-01T00:02:00Z,11.0,2.0,2.0,90.0
            2024-01-01T00:04:00Z,13.0,0.0,0.0,89.0
            2024-01-01T00:05:00Z,13.0,1.0,6.0,90.0
            """;

    private static String[] with(String[] first, String... more) {
        String[] out = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }

    @Test
    void sourcesByKeyOrFromADirectoryGiveTheHandCheckedValues(@TempDir Path dir) throws Exception {
        Path bars = write(dir, "bars.csv", BARS);
        Path eth = write(dir, "eth.csv", ETH);
        Path trades = write(dir, "t.csv", TRADES);
        assertEquals(EXPECTED, evalOut(bars, with(EXPRS, "--source", "ETH.bars=" + eth, "--source", "trades=" + trades)));
        Path sources = Files.createDirectory(dir.resolve("sources"));
        write(sources, "ETH.bars.csv", ETH);
        write(sources, "trades.csv", TRADES);
        write(sources, "orderbook.csv", "not read: the plan reads no order book\n");
        assertEquals(EXPECTED, evalOut(bars, with(EXPRS, "--sources", sources.toString())));
        // --source wins over the directory's file of the same key
        Path fewer = write(dir, "fewer.csv", "date,price,amount,side\n2024-01-01T00:04:59Z,1,1,sell\n");
        assertEquals("date,n\n2024-01-01T00:01:00Z,0.0\n2024-01-01T00:02:00Z,0.0\n2024-01-01T00:04:00Z,0.0\n"
                + "2024-01-01T00:05:00Z,1.0\n", evalOut(bars, "--expr", "n=trades.count", "--sources", sources.toString(),
                "--source", "trades=" + fewer));
    }

    @Test
    void anEventInTheMillisecondAfterABarsCloseIsNotInThatBar(@TempDir Path dir) throws Exception {
        // Times are held in milliseconds. Floored, a trade 0.5 ms after the 00:01 close read as 00:01:00.000 and
        // landed in the bar that had closed before it: 3 and 4 where the amounts are 1 and 6. Rounded up, an event is
        // never before its true time, and a bar (floored) never after its close.
        Path bars = write(dir, "bars.csv", "date,close\n2024-01-01T00:01:00Z,100\n2024-01-01T00:02:00Z,101\n");
        String expected = "date,a\n2024-01-01T00:01:00Z,1.0\n2024-01-01T00:02:00Z,6.0\n";
        Path iso = write(dir, "iso.csv", "timestamp,price,amount,side\n2024-01-01T00:00:30Z,100,1,buy\n"
                + "2024-01-01T00:01:00.0005Z,100,2,buy\n2024-01-01T00:02:00.000000Z,100,4,buy\n");
        assertEquals(expected, evalOut(bars, "--expr", "a=trades.sum(amount)", "--source", "trades=" + iso));
        Path micros = write(dir, "us.csv", "timestamp,price,amount,side\n1704067230000000,100,1,buy\n"
                + "1704067260000500,100,2,buy\n1704067320000000,100,4,buy\n");
        assertEquals(expected, evalOut(bars, "--expr", "a=trades.sum(amount)", "--source", "trades=" + micros));
        // another symbol's bar closing 1 ns after ours is not seen by it
        Path eth = write(dir, "eth.csv", "time,open,high,low,close,volume\n2024-01-01T00:00:30Z,1,1,1,7,1\n"
                + "2024-01-01T00:01:00.000000001Z,1,1,1,8,1\n");
        assertEquals("date,e\n2024-01-01T00:01:00Z,7.0\n2024-01-01T00:02:00Z,8.0\n",
                evalOut(bars, "--expr", "e=ETH.close", "--source", "ETH.bars=" + eth));
    }

    @Test
    void aMissingSourceIsNamedWithHowToGiveIt(@TempDir Path dir) throws Exception {
        Path bars = write(dir, "bars.csv", BARS);
        Path trades = write(dir, "t.csv", TRADES);
        dataError("expression 'e' (ETH.close) reads ETH's bars (ETH.close), but none were given: add --source"
                + " ETH.bars=FILE.csv or --sources DIR holding ETH.bars.csv; given: trades", bars,
                with(EXPRS, "--source", "trades=" + trades));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        dataError("reads trades events (trades.count), but none were given: add --source trades=FILE.csv or trades.csv to "
                + empty + "; given: none; " + empty + " holds no .csv file", bars, "--expr", "n=trades.count", "--sources", empty.toString());
        // the directory's files are named, so a misnamed one shows
        write(empty, "eth.bars.csv", ETH);
        write(empty, "trades.csv", TRADES);
        dataError("reads ETH's bars (ETH.close), but none were given: add --source ETH.bars=FILE.csv or ETH.bars.csv to "
                + empty + "; given: trades; " + empty + " holds eth.bars.csv, trades.csv", bars, "--expr", "e=ETH.close",
                "--sources", empty.toString(), "--source", "trades=" + trades);
    }

    @Test
    void aBadEventRowNamesFileRowAndColumn(@TempDir Path dir) throws Exception {
        Path bars = write(dir, "bars.csv", BARS);
        Path t = write(dir, "t.csv", "timestamp,price,amount,side\n2024-01-01T00:00:30Z,100,1,buy\n2024-01-01T00:00:40Z,100,abc,buy\n");
        dataError(t + ": row 3, column 'amount': 'abc' is not a number", bars, "--expr", "n=trades.sum(amount)", "--source", "trades=" + t);
        Files.writeString(t, "timestamp,price,amount,side\n2024-01-01T00:00:30Z,100,1,up\n");
        dataError(t + ": row 2, column 'side': 'up' is not one of 'buy', 'sell'", bars, "--expr", "n=trades.filter(side == 'buy').count",
                "--source", "trades=" + t);
        Files.writeString(t, "timestamp,price,amount,side\n2024-01-01T00:00:30Z,100,1,buy\n2024-01-01T00:00:20Z,100,1,sell\n");
        dataError("trades events must be in time order (equal times are fine), but row 3 (2024-01-01T00:00:20Z) is before row 2"
                + " (2024-01-01T00:00:30Z)", bars, "--expr", "n=trades.filter(side == 'buy').count", "--source", "trades=" + t);
        // two buys out of order: the side is no symbol of its own, the order is across sides (and says so, not 'not after')
        Files.writeString(t, "timestamp,price,amount,side\n2024-01-01T00:00:30Z,100,1,buy\n2024-01-01T00:00:20Z,100,1,buy\n");
        dataError(t + ": trades events must be in time order (equal times are fine), but row 3 (2024-01-01T00:00:20Z) is before"
                + " row 2 (2024-01-01T00:00:30Z)", bars, "--expr", "n=trades.filter(side == 'buy').count", "--source", "trades=" + t);
        dataError(t + ": trades events must be in time order (equal times are fine), but row 3 (2024-01-01T00:00:20Z) is before"
                + " row 2 (2024-01-01T00:00:30Z)", bars, "--expr", "n=trades.count", "--source", "trades=" + t);
        Files.writeString(t, "timestamp,price,amount,side\n2024-01-01T00:00:30Z,100,1,\n");
        dataError(t + ": row 2, column 'side': empty, but it must be one of 'buy', 'sell'", bars, "--expr",
                "n=trades.filter(side == 'buy').count", "--source", "trades=" + t);
        Files.writeString(t, "timestamp,price,amount\n2024-01-01T00:00:30Z,100,1\n");
        dataError(t + " has no column 'side'; columns: timestamp, price, amount", bars, "--expr",
                "n=trades.filter(side == 'buy').count", "--source", "trades=" + t);
        dataError(dir.resolve("nope.csv") + ": no such file", bars, "--expr", "n=trades.count", "--source", "trades=" + dir.resolve("nope.csv"));
        Files.writeString(t, "timestamp,price\n2024-01-01T00:00:30Z,100\n");
        dataError(t + " has no column 'amount'", bars, "--expr", "n=trades.sum(amount)", "--source", "trades=" + t);
        Files.writeString(t, "price,amount\n100,1\n");
        dataError(t + ": the trades events need a time column (date, time, timestamp or datetime)", bars, "--expr", "n=trades.count",
                "--source", "trades=" + t);
        // --time-unit reads the sources too; a source in another unit is refused, not read as times after every bar
        Path secs = write(dir, "secs.csv", "time,close\n1704067260,100\n1704067320,101\n");
        Path ms = write(dir, "ms.csv", "time,price,amount,side\n1704067230000,1,1,buy\n1704067300000,1,2,buy\n");
        assertEquals("time,n\n1704067260,1.0\n1704067320,2.0\n", evalOut(secs, "--expr", "n=trades.sum(amount)", "--source",
                "trades=" + ms));
        dataError(ms + ": row 2, column 'time': 1704067230000 is +55969-09-28T08:20:00Z in --time-unit s, but its magnitude says"
                + " 2024-01-01T00:00:30Z; the trades times are read in the bars' unit: write them in s, or leave --time-unit out",
                secs, "--time-unit", "s", "--expr", "n=trades.sum(amount)", "--source", "trades=" + ms);
        Path untimed = write(dir, "untimed.csv", "close\n1\n2\n");
        dataError("expression 'n' (trades.count) reads event sources, which go onto the bars by time, but " + untimed
                + " has no time column", untimed, "--expr", "n=trades.count", "--source", "trades=" + t);
    }

    @Test
    void misusedOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
        Path bars = write(dir, "bars.csv", BARS);
        for (String command : new String[] {"eval", "stream"}) {
            error(2, "--source ETH.trade: unknown source 'trade' (did you mean trades?)", command, "--csv", bars.toString(),
                    "--expr", "n=trades.count", "--source", "ETH.trade=x.csv");
            error(2, "--source takes KEY=FILE", command, "--csv", bars.toString(), "--expr", "n=trades.count", "--source", "trades");
            error(2, "--source bars: a key is SOURCE or SYMBOL.SOURCE; bars are another symbol's (ETH.bars)", command, "--csv",
                    bars.toString(), "--expr", "n=trades.count", "--source", "bars=x.csv");
            error(2, "with --symbol-col: the sources would be every symbol's", command, "--csv", bars.toString(), "--symbol-col",
                    "close", "--expr", "n=trades.count", "--source", "trades=x.csv");
            error(2, "--sources: 'nope' is not a directory", command, "--csv", bars.toString(), "--expr", "n=trades.count",
                    "--sources", "nope");
        }
        // malformed options are refused also when the expressions read no source
        error(2, "--source ETH.bar: unknown source 'bar' (did you mean bars?)", "eval", "--csv", bars.toString(), "--expr",
                "c=close", "--source", "ETH.bar=x.csv");
        error(2, "--sources: 'nope' is not a directory", "stream", "--csv", bars.toString(), "--expr", "c=close", "--sources", "nope");
        // a key no expression can write: the symbol is one name of the expression language
        for (String symbol : new String[] {"ETH.", "a.b", "ETH ", "1x", "x-y", "not"}) {
            for (String command : new String[] {"eval", "stream"}) {
                error(2, "--source " + symbol + ".trades: the symbol '" + symbol + "' is not a name an expression can write",
                        command, "--csv", bars.toString(), "--expr", "c=close", "--source", symbol + ".trades=x.csv");
            }
        }
        Path trades = write(dir, "t.csv", "time,price,amount,side\n1700000000000,1,1,buy\n");
        for (String symbol : new String[] {"_x", "eth2", "BTC_USD", "prix_é"}) {
            CliTest.Run r = CliTest.run("eval", "--csv", bars.toString(), "--expr", "c=close", "--source",
                    symbol + ".trades=" + trades);
            assertEquals(0, r.code(), symbol + ": " + r.err());
        }
        error(2, "--forming-col with event sources", "stream", "--csv", bars.toString(), "--expr", "n=trades.count",
                "--source", "trades=x.csv", "--forming-col", "close");
    }
}
