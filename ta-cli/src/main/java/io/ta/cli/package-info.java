/**
 * The {@code ta} command: argument parsing, the {@code eval}, {@code stream}, {@code list}, {@code describe} and
 * {@code demo} commands, tables, charts and HTML reports, and loading extension kernels with {@code --kernels}. It is
 * a client of the public runtime API only: no kernel math and no planning rules live here, and nothing else depends on
 * this package.
 */
package io.ta.cli;
