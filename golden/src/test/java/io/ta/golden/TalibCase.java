package io.ta.golden;

import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.meta.CoreMetaData;
import com.tictactec.ta.lib.meta.annotation.InputParameterType;
import com.tictactec.ta.lib.meta.annotation.OptInputParameterType;
import com.tictactec.ta.lib.meta.annotation.OutputParameterType;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code talib/*.tsv}: how to call ta, and the TA-Lib Java port call that is its reference.
 *
 * @param id case id (unique over {@code talib/*.tsv}; its pin in {@code talib/reference/checksums.tsv})
 * @param kernel ta registry name
 * @param params ta parameters by catalog name, as text
 * @param inputs ta input name → data column
 * @param talib TA-Lib function name
 * @param talibInputs data columns for TA-Lib's inputs, or {@code price}
 * @param talibOpt TA-Lib optional inputs, in TA-Lib's order
 * @param dataset data file
 * @param talibOutputs how ta's outputs are read from TA-Lib's, one per ta output: {@code N} (TA-Lib output N),
 *     {@code abs(N)} or {@code sign(N)}; empty means TA-Lib's outputs in order
 */
public record TalibCase(
        String id,
        String kernel,
        Map<String, String> params,
        Map<String, String> inputs,
        String talib,
        List<String> talibInputs,
        List<String> talibOpt,
        String dataset,
        List<String> talibOutputs) {

    /** Every row of every {@code talib/*.tsv} table (one table per kernel family keeps parallel work apart). */
    public static List<TalibCase> all() {
        List<TalibCase> out = new ArrayList<>();
        for (String[] f : rows(Golden.path("talib"))) {
            out.add(new TalibCase(f[0], f[1], pairs(f[2]), pairs(f[3]), f[4], list(f[5]), list(f[6]), f[7],
                    f.length > 8 ? list(f[8]) : List.of()));
        }
        return out;
    }

    /** The data rows (comments and the header line skipped) of every {@code *.tsv} in {@code dir}, sorted by file. */
    static List<String[]> rows(Path dir) {
        try (var files = Files.list(dir)) {
            List<String[]> out = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Path table : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                boolean header = true;
                for (String line : Files.readAllLines(table)) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    if (ids.contains(f[0])) {
                        throw new IllegalStateException(table + ": case id " + f[0] + " is used twice");
                    }
                    ids.add(f[0]);
                    out.add(f);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> pairs(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : list(s)) {
            String[] p = kv.split("=", 2);
            m.put(p[0], p[1]);
        }
        return m;
    }

    private static List<String> list(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }

    /** A case of another reference (R TTR): the ta side only. */
    static TalibCase taSide(String id, String kernel, String params, String inputs, String dataset) {
        return new TalibCase(id, kernel, pairs(params), pairs(inputs), "", List.of(), List.of(), dataset, List.of());
    }

    /** ta's parameter values for this case, typed from the descriptor's schema; a name it does not have is refused. */
    public ParamValues paramValues(KernelDescriptor d) {
        for (String name : params.keySet()) {
            if (d.params().stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException(id + ": " + d.name() + " has no parameter '" + name + "'");
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (ParamSpec s : d.params()) {
            String v = params.get(s.name());
            if (v != null) {
                typed.put(s.name(), switch (s.type()) {
                    case INT -> Integer.parseInt(v);
                    case REAL -> Double.parseDouble(v);
                    case BOOL -> Boolean.parseBoolean(v);
                    case CHOICE -> v;
                });
            }
        }
        return ParamValues.of(d, typed);
    }

    /** ta's input arrays, in the descriptor's input order; an input name it does not have is refused. */
    public double[][] inputArrays(KernelDescriptor d, Dataset data) {
        for (String name : inputs.keySet()) {
            if (!d.inputs().contains(name)) {
                throw new IllegalArgumentException(id + ": " + d.name() + " has no input '" + name + "'");
            }
        }
        double[][] in = new double[d.inputs().size()][];
        for (int i = 0; i < in.length; i++) {
            String column = inputs.get(d.inputs().get(i));
            if (column == null) {
                throw new IllegalArgumentException(id + ": no column for input " + d.inputs().get(i));
            }
            in[i] = data.column(column);
        }
        return in;
    }

    /** Runs the TA-Lib Java port; outputs are aligned to the input, NaN before {@code outBegIdx}. */
    public double[][] runTalib(Dataset data) throws Exception {
        CoreMetaData f = CoreMetaData.getInstance(talib);
        int n = data.rows();
        int in = f.getFuncInfo().nbInput();
        if (in != talibInputs.size() && !(talibInputs.equals(List.of("price")))) {
            throw new IllegalArgumentException(id + ": " + talib + " takes " + in + " inputs");
        }
        for (int i = 0; i < in; i++) {
            if (f.getInputParameterInfo(i).type() == InputParameterType.TA_Input_Price) {
                f.setInputParamPrice(i, data.column("open"), data.column("high"), data.column("low"),
                        data.column("close"), data.column("volume"), new double[n]);
            } else {
                f.setInputParamReal(i, data.column(talibInputs.get(i)));
            }
        }
        int opt = f.getFuncInfo().nbOptInput();
        if (opt == 0) {
            // The port's CoreMetaData leaves its optional-input array null for functions that take none (TRANGE,
            // TYPPRICE, ...), and callFunc then fails; an empty array is what it should have been.
            java.lang.reflect.Field field = CoreMetaData.class.getDeclaredField("callOptInputParams");
            field.setAccessible(true);
            field.set(f, new Object[0]);
        }
        if (opt != talibOpt.size()) {
            throw new IllegalArgumentException(id + ": " + talib + " takes " + opt + " optional inputs, table has " + talibOpt.size());
        }
        for (int i = 0; i < opt; i++) {
            if (f.getOptInputParameterInfo(i).type() == OptInputParameterType.TA_OptInput_RealRange
                    || f.getOptInputParameterInfo(i).type() == OptInputParameterType.TA_OptInput_RealList) {
                f.setOptInputParamReal(i, Double.parseDouble(talibOpt.get(i)));
            } else if (f.getOptInputParameterInfo(i).type() == OptInputParameterType.TA_OptInput_IntegerList) {
                // An MA type, written as TA-Lib's MAType number (0 = SMA). The port's int setter stores an Integer
                // where the function takes the MAType enum (callFunc then fails with "argument type mismatch");
                // its String setter resolves the enum's name.
                f.setOptInputParamInteger(i, com.tictactec.ta.lib.MAType.values()[Integer.parseInt(talibOpt.get(i))].name());
            } else {
                f.setOptInputParamInteger(i, Integer.parseInt(talibOpt.get(i)));
            }
        }
        int outs = f.getFuncInfo().nbOutput();
        Object[] raw = new Object[outs];
        for (int o = 0; o < outs; o++) {
            if (f.getOutputParameterInfo(o).type() == OutputParameterType.TA_Output_Real) {
                raw[o] = new double[n];
                f.setOutputParamReal(o, raw[o]);
            } else {
                raw[o] = new int[n];
                f.setOutputParamInteger(o, raw[o]);
            }
        }
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        f.callFunc(0, n - 1, begin, count);
        double[][] aligned = new double[outs][n];
        for (int o = 0; o < outs; o++) {
            Arrays.fill(aligned[o], Double.NaN);
            for (int k = 0; k < count.value; k++) {
                aligned[o][begin.value + k] = raw[o] instanceof double[] d ? d[k] : ((int[]) raw[o])[k];
            }
        }
        return talibOutputs.isEmpty() ? aligned : mapOutputs(aligned);
    }

    /** Applies {@link #talibOutputs}: {@code N}, {@code abs(N)}, {@code sign(N)} per ta output. */
    private double[][] mapOutputs(double[][] talibOut) {
        double[][] out = new double[talibOutputs.size()][];
        for (int i = 0; i < out.length; i++) {
            String e = talibOutputs.get(i).trim();
            String fn = e.contains("(") ? e.substring(0, e.indexOf('(')) : "";
            int src = Integer.parseInt(fn.isEmpty() ? e : e.substring(e.indexOf('(') + 1, e.indexOf(')')));
            double[] v = talibOut[src].clone();
            for (int t = 0; t < v.length; t++) {
                v[t] = switch (fn) {
                    case "" -> v[t];
                    case "abs" -> Math.abs(v[t]);
                    case "sign" -> Double.isNaN(v[t]) ? Double.NaN : Math.signum(v[t]);
                    default -> throw new IllegalArgumentException(id + ": unknown output transform " + e);
                };
            }
            out[i] = v;
        }
        return out;
    }
}
