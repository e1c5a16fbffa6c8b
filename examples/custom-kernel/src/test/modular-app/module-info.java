/**
 * A modular application using ta: it requires the runtime only. The built-in kernels come with it; Acme's kernels
 * are found because com.acme.ta is on the module path and provides a kernel library — no requires needed.
 */
module com.acme.app {
    requires io.ta.runtime;
}
