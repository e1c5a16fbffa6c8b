package io.ta.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What TA-Lib's Java port gave for one case of {@code talib/*.tsv} when the case was pinned: one row of
 * {@code talib/reference/checksums.tsv}. The parity test computes the TA-Lib reference live, so only this fingerprint is
 * committed; if a TA-Lib upgrade (or a change to how a case calls it) changes a single bit of a reference, the
 * fingerprint no longer matches and the case fails, instead of ta being compared with a silently different reference.
 *
 * @param id the case id
 * @param outputs how many reference outputs (after the case's output mapping)
 * @param bars how many bars each output has (the dataset's rows)
 * @param firstValid the first bar at which output 0 is not NaN ({@code bars} if none)
 * @param first every output's value at {@code firstValid}, {@link Double#toString} joined by {@code ;} — for a reader
 * @param last every output's value at the last bar, likewise
 * @param sha256 SHA-256 of the IEEE 754 bits of every value ({@link Double#doubleToLongBits}, big-endian), output by
 *     output, bar by bar
 */
record TalibPin(String id, int outputs, int bars, int firstValid, String first, String last, String sha256) {

    static final String HEADER = "id\toutputs\tbars\tfirst_valid\tfirst\tlast\tsha256";

    /** The pin file: every case's fingerprint, in case order. */
    static Path file() {
        return Golden.path("talib", "reference", "checksums.tsv");
    }

    /** The fingerprint of a reference (outputs aligned to the input, NaN before TA-Lib's {@code outBegIdx}). */
    static TalibPin of(String id, double[][] reference) {
        int bars = reference.length == 0 ? 0 : reference[0].length;
        int firstValid = reference.length == 0 ? 0 : Parity.firstValid(reference[0]);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        ByteBuffer bits = ByteBuffer.allocate(8);
        for (double[] output : reference) {
            for (double v : output) {
                sha.update(bits.clear().putLong(Double.doubleToLongBits(v)).array());
            }
        }
        return new TalibPin(id, reference.length, bars, firstValid, at(reference, firstValid), at(reference, bars - 1),
                HexFormat.of().formatHex(sha.digest()));
    }

    private static String at(double[][] reference, int bar) {
        StringJoiner s = new StringJoiner(";");
        for (double[] output : reference) {
            s.add(bar >= 0 && bar < output.length ? Double.toString(output[bar]) : "-");
        }
        return s.toString();
    }

    /** Every pinned case by id. */
    static Map<String, TalibPin> read() {
        try {
            Map<String, TalibPin> pins = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file())) {
                if (line.startsWith("#") || line.isBlank() || line.equals(HEADER)) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    throw new IllegalStateException(file() + ": a row has " + f.length + " cells, not 7: " + line);
                }
                TalibPin p = new TalibPin(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4],
                        f[5], f[6]);
                if (pins.put(p.id(), p) != null) {
                    throw new IllegalStateException(file() + ": case " + p.id() + " is pinned twice");
                }
            }
            return pins;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the pin file. */
    static void write(List<TalibPin> pins) {
        List<String> lines = new ArrayList<>(List.of(
                "# The TA-Lib references of talib/*.tsv, pinned: written by TalibGenerator (golden/README.md), never by hand.",
                "# TA-Lib: the Java port com.tictactec:ta-lib:0.4.0. first/last: each output's value at first_valid and at the",
                "# last bar; sha256: of every value's IEEE 754 bits (big-endian), output by output, bar by bar.",
                HEADER));
        for (TalibPin p : pins) {
            lines.add(String.join("\t", p.id(), Integer.toString(p.outputs()), Integer.toString(p.bars()),
                    Integer.toString(p.firstValid()), p.first(), p.last(), p.sha256()));
        }
        try {
            Files.createDirectories(file().getParent());
            Files.write(file(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
