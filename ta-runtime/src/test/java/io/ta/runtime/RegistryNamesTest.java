package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A kernel must be callable by its names, and by no name the language reads otherwise: an extension kernel named
 * session_high was registered, and session_high(close, 3) computed the built-in session value instead of it.
 */
class RegistryNamesTest {
    /** The built-in sma republished as an extension kernel named {@code name} with {@code aliases}. */
    static KernelDescriptor sma(String name, String... aliases) {
        KernelDescriptor sma = Registry.standard().kernel("sma");
        List<String> as = Arrays.asList(aliases);
        return (KernelDescriptor) Proxy.newProxyInstance(RegistryNamesTest.class.getClassLoader(),
                new Class<?>[] {KernelDescriptor.class}, (proxy, m, args) -> {
                    if (args == null && m.getName().equals("name")) {
                        return name;
                    }
                    if (args == null && m.getName().equals("aliases")) {
                        return as;
                    }
                    if (args == null && m.getName().equals("selectors")) {
                        return List.of();
                    }
                    for (int i = 0; args != null && i < args.length; i++) {
                        if (args[i] instanceof ParamValues pv) {
                            args[i] = ParamValues.of(sma, pv.asMap());
                        }
                    }
                    try {
                        return m.invoke(sma, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static Registry with(KernelDescriptor extra) {
        List<KernelDescriptor> all = new ArrayList<>(Registry.standard().kernels());
        all.add(extra);
        return Registry.of(all);
    }

    @Test
    void anExtensionKernelWithAFreeNameIsCalledByIt() {
        Bars bars = Bars.builder().column("close", new double[] {1, 2, 3, 4}).build();
        Plan p = Plan.compile(Map.of("v", "mysma(close, 3) + my_avg(close, 3)"), with(sma("mysma", "my_avg")));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 4, 6}, p.run(bars).get("v").toArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"session_high", "session_start", "timeframe", "downsample", "upsample", "sync_timeframe",
        "hl2", "hlc3", "ohlc4", "typical", "close", "volume", "trades", "orderbook", "and", "or", "not", "true"})
    void aNameTheLanguageReservesIsRefused(String name) {
        var e = assertThrows(RegistryConflictException.class, () -> with(sma(name)));
        assertTrue(e.getMessage().startsWith("kernel '" + name + "' ("), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be registered under its name: '" + name + "' is "), e.getMessage());
        var alias = assertThrows(RegistryConflictException.class, () -> with(sma("mysma", "my_avg", name)));
        assertTrue(alias.getMessage().startsWith("kernel 'mysma' ("), alias.getMessage());
        String under = "cannot be registered under the alias '" + name + "': '" + name + "' is ";
        assertTrue(alias.getMessage().contains(under), alias.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sma ", "my kernel", "1sma", "sma-2", "$x"})
    void aNameTheLanguageCannotWriteIsRefused(String name) {
        var e = assertThrows(RegistryConflictException.class, () -> with(sma(name)));
        assertEquals("kernel '" + name + "' (" + sma(name).getClass().getName()
                + ") cannot be registered under its name: '" + name + "' is not a name the language can call (a letter or _, then letters, digits and _); rename it",
                e.getMessage());
    }

    @Test
    void aNullNameOrAliasIsRefusedNotAnNpe() {
        var e = assertThrows(RegistryConflictException.class, () -> with(sma(null)));
        assertTrue(e.getMessage().startsWith("a kernel ("), e.getMessage());
        String end = "cannot be registered under its name: it is null; rename it";
        assertTrue(e.getMessage().endsWith(end), e.getMessage());
        e = assertThrows(RegistryConflictException.class, () -> with(sma("mysma", (String) null)));
        assertTrue(e.getMessage().endsWith("cannot be registered under the alias null: it is null; rename it"),
                e.getMessage());
    }

    @Test
    void aDerivedPriceMayNameOnlyTheKernelItIs() {
        assertEquals("avgprice", Registry.standard().kernel("ohlc4").name());
        var e = assertThrows(RegistryConflictException.class, () -> with(sma("mysma", "hl2")));
        assertTrue(e.getMessage().contains("'hl2' is the language's derived price hl2 (the kernel medprice)"),
                e.getMessage());
    }

    @Test
    void everyBuiltInNameIsAllowed() {
        Registry.of(Registry.standard().kernels());
    }

    /**
     * The processor refuses the sources it knows from io.ta.expr.LanguageNames at compile time (it cannot see the
     * runtime's source types), so that list must be the runtime's built-in sources.
     */
    @Test
    void theProcessorsSourcesAreTheBuiltInSources() {
        List<String> builtIn = List.of(io.ta.runtime.source.SourceType.TRADES, io.ta.runtime.source.SourceType.ORDERBOOK,
                io.ta.runtime.source.SourceType.LIQUIDATIONS, io.ta.runtime.source.SourceType.BARS).stream()
                .map(io.ta.runtime.source.SourceType::name).toList();
        assertEquals(builtIn, io.ta.expr.LanguageNames.SOURCES);
    }
}
