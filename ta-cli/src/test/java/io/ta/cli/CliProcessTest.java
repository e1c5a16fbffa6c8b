package io.ta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `ta` command as a real process, for what only the operating system shows: a full disk ({@code /dev/full}), a
 * pipe whose reader goes away, a small heap.
 */
class CliProcessTest {
    static final String TTRC = "golden/data/ttrc-daily.csv";

    static ProcessBuilder ta(List<String> jvm, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    static int exit(Process p) throws InterruptedException {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("ta did not stop");
        }
        return p.exitValue();
    }

    static String stderr(Process p) throws IOException {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Writes {@code time,close} rows to the process's standard input until {@code rows} or until the pipe breaks. */
    static Thread feed(Process p, long rows, AtomicLong fed) {
        return feed(p, rows, fed, false);
    }

    /** As {@link #feed(Process, long, AtomicLong)}, with a symbol column that names a new symbol on every row. */
    static Thread feed(Process p, long rows, AtomicLong fed, boolean newSymbols) {
        Thread t = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                StringBuilder sb = new StringBuilder(newSymbols ? "time,sym,close\n" : "time,close\n");
                for (long i = 0; i < rows; i++) {
                    sb.append(1_700_000_000_000L + i * 60_000).append(',');
                    if (newSymbols) {
                        sb.append('S').append(i).append(',');
                    }
                    sb.append(100 + i % 97).append('\n');
                    if (sb.length() > 8192 || i == rows - 1) {
                        in.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                        sb.setLength(0);
                    }
                    fed.set(i + 1);
                }
            } catch (IOException stopped) {
                // the process ended and closed its end of the pipe: the point of the endless feeds
            }
        }, "feed");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aBrokenExtensionOnTheClassPathIsOneWarningLine(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("io.ta.spi.KernelLibraryProvider"), "com.acme.MissingLibrary\n");
        for (String[] args : new String[][] {{"list"}, {"eval", "--csv", TTRC, "--expr", "x=rsi(close, 14)"}, {"describe", "rsi"}}) {
            ProcessBuilder pb = ta(List.of(), args);
            List<String> command = pb.command();
            int cp = command.indexOf("-cp") + 1;
            command.set(cp, command.get(cp) + File.pathSeparator + dir);
            Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int code = exit(p);
            String err = stderr(p);
            assertTrue(err.matches("ta: warning: kernel provider com\\.acme\\.MissingLibrary \\(from .+\\) skipped: .*MissingLibrary.*\n"), err);
            assertEquals(0, code, args[0] + ": the other kernels still work");
        }
    }

    @Test
    void aClosedStandardInputIsAUsageErrorNotACrash() throws Exception {
        Assumptions.assumeTrue(Files.isSymbolicLink(Path.of("/proc/self/fd/0")), "needs Linux's /proc/self/fd");
        for (String command : new String[] {"eval", "stream"}) {
            // ProcessBuilder cannot close a child's descriptor 0; the shell's '<&-' does.
            List<String> sh = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" <&-", "sh"));
            sh.addAll(ta(List.of(), command, "--csv", "-", "--expr", "s=close").command());
            Process p = new ProcessBuilder(sh).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int code = exit(p);
            assertEquals("ta: --csv -: standard input is not open (give the data on standard input, e.g. '< prices.csv' "
                    + "or a pipe, or name a file)\nTry 'ta " + command + " --help'.\n", stderr(p), command);
            assertEquals(Main.USAGE, code, command);
        }
    }

    @Test
    void aFullDiskIsAnErrorNotASuccess() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        for (String command : new String[] {"eval", "stream"}) {
            Process p = ta(List.of(), command, "--csv", TTRC, "--expr", "x=close").redirectOutput(new File("/dev/full")).start();
            int code = exit(p);
            assertEquals("ta: cannot write standard output: No space left on device\n", stderr(p), command);
            assertEquals(Main.OUTPUT, code, command);
        }
    }

    @Test
    void aClosedPipeStopsAnEndlessLiveFeed() throws Exception {
        Process p = ta(List.of(), "stream", "--csv", "-", "--expr", "s=sma(close, 20)").start();
        AtomicLong fed = new AtomicLong();
        Thread feeder = feed(p, Long.MAX_VALUE, fed);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("time,s", out.readLine());
        assertEquals("1700000000000,", out.readLine());
        out.close();
        int code = exit(p);
        assertEquals("", stderr(p));
        assertEquals(Main.BROKEN_PIPE, code);
        feeder.join(60_000);
        assertTrue(fed.get() < Long.MAX_VALUE, "the feed ended because ta stopped reading");
    }

    @Test
    void aClosedPipeStopsEvalAndStreamOverAFile(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("time,close\n");
        for (int i = 0; i < 200_000; i++) {
            sb.append(1_700_000_000_000L + i * 60_000L).append(',').append(100 + i % 97).append('\n');
        }
        Path big = dir.resolve("big.csv");
        Files.writeString(big, sb);
        for (String command : new String[] {"eval", "stream"}) {
            Process p = ta(List.of(), command, "--csv", big.toString(), "--expr", "s=sma(close, 20)").start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("time,s", out.readLine());
            out.close();
            int code = exit(p);
            assertEquals("", stderr(p), command);
            assertEquals(Main.BROKEN_PIPE, code, command);
        }
    }

    @Test
    void outOfMemoryIsOneLineWhileStreamRunsInTheSameHeap() throws Exception {
        List<String> small = List.of("-Xmx48m");
        Process eval = ta(small, "eval", "--csv", "-", "--expr", "s=sma(close, 20)").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        feed(eval, Long.MAX_VALUE, new AtomicLong());
        int code = exit(eval);
        String err = stderr(eval);
        assertTrue(err.matches("ta: not enough memory for \\d+ rows × 3 columns; use 'ta stream' or a bigger heap "
                + "\\(-Xmx, e\\.g\\. TA_JAVA_OPTS=-Xmx8g\\)\n"), err);
        assertEquals(Main.DATA, code, err);

        Process symbols = ta(small, "stream", "--csv", "-", "--symbol-col", "sym", "--expr", "s=sma(close, 20)")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        feed(symbols, Long.MAX_VALUE, new AtomicLong(), true);
        int symbolsCode = exit(symbols);
        String symbolsErr = stderr(symbols);
        assertTrue(symbolsErr.matches("ta: not enough memory for the streams of \\d+ symbols \\(at row \\d+\\); use a bigger heap "
                + "\\(-Xmx, e\\.g\\. TA_JAVA_OPTS=-Xmx8g\\)\n"), symbolsErr);
        assertEquals(Main.DATA, symbolsCode, symbolsErr);

        long rows = 2_000_000;
        Process stream = ta(small, "stream", "--csv", "-", "--expr", "s=sma(close, 20)").start();
        AtomicLong fed = new AtomicLong();
        feed(stream, rows, fed);
        AtomicLong lines = new AtomicLong();
        Thread drain = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8))) {
                while (out.readLine() != null) {
                    lines.incrementAndGet();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        drain.start();
        int streamCode = exit(stream);
        drain.join(60_000);
        assertEquals(0, streamCode, stderr(stream));
        assertEquals(rows, fed.get());
        assertEquals(rows + 1, lines.get(), "a header and one line per row");
    }
}
