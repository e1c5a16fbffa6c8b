import com.acme.ta.AcmeTaLibrary;
import io.ta.spi.KernelLibraryProvider;

/**
 * Acme's kernel library as a Java module. It depends on the annotations and SPI, and on the built-in kernels it
 * composes; the one line that matters is {@code provides}, naming the library provider the processor generates
 * ({@code <Facade>Library}); the processor fails the compilation if it is missing.
 */
module com.acme.ta {
    requires transitive io.ta.annotations;
    // DmBalance composes the built-in WilderDm core (a field of that type): the built-ins are needed at run time too.
    requires io.ta.kernels;
    // Generated classes carry @javax.annotation.processing.Generated (source retention): compile time only.
    requires static transitive java.compiler;

    exports com.acme.ta;

    provides KernelLibraryProvider with AcmeTaLibrary;
}
