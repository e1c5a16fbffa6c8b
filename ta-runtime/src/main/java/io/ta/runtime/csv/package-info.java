/**
 * Reading bars from CSV text. {@link io.ta.runtime.csv.CsvReader} streams rows one at a time in memory proportional to
 * the columns it parses; {@link io.ta.runtime.csv.CsvBars} loads a whole file into primitive columns and hands out
 * {@link io.ta.runtime.Bars}. Both parse only the selected numeric columns (plus the time and symbol columns), detect
 * the delimiter and the epoch unit or refuse with a {@link io.ta.error.DataFormatException} naming row, column and
 * text. The rules are in {@code docs/contracts.md}, section "CSV input".
 */
package io.ta.runtime.csv;
