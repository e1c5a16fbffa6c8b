#!/usr/bin/env Rscript
# Regenerates golden/ttr/fixtures/*.csv.gz from every golden/ttr/*.tsv table with R's TTR package.
# Run from golden/:  Rscript ttr/generate.R
# Needs R and TTR (Debian: apt-get install r-cran-ttr). Values are written with 17 significant digits, which
# parse back to the exact double; each fixture is gzip-compressed (the tests read it as is).
suppressPackageStartupMessages(library(TTR))
# Formula transcriptions too long for one table cell live in ttr/*-functions.R; the expressions can call them.
for (f in sort(Sys.glob("ttr/*-functions.R"))) source(f)

datasets <- list(
  ttrc = read.csv("data/ttrc-daily.csv"),
  eu = read.csv("data/eu-stock-closes.csv")
)
read_table <- function(path) {
  lines <- readLines(path)
  lines <- lines[!startsWith(lines, "#") & nzchar(lines)]
  read.table(text = lines, sep = "\t", header = TRUE, quote = "", stringsAsFactors = FALSE, comment.char = "")
}
cases <- do.call(rbind, lapply(sort(Sys.glob("ttr/*.tsv")), read_table))
dir.create("ttr/fixtures", showWarnings = FALSE)
for (i in seq_len(nrow(cases))) {
  row <- cases[i, ]
  data <- datasets[[row$dataset]]
  value <- eval(parse(text = row$r), envir = data)
  # A matrix result (several outputs, e.g. SMI's SMI and signal) gives one column per output, in order.
  columns <- if (NCOL(value) > 1) lapply(seq_len(NCOL(value)), function(j) as.numeric(value[, j])) else list(as.numeric(value))
  names <- if (NCOL(value) > 1) colnames(value) else "value"
  cells <- sapply(columns, function(v) {
    stopifnot(length(v) == nrow(data))
    ifelse(is.na(v), "", sprintf("%.17g", v))
  })
  out <- gzfile(file.path("ttr/fixtures", paste0(row$id, ".csv.gz")), "w", compression = 9)
  writeLines(c(paste(c("bar", names), collapse = ","),
               paste0(seq_len(nrow(data)) - 1, ",", apply(matrix(cells, nrow = nrow(data)), 1, paste, collapse = ","))),
             out)
  close(out)
}
cat("wrote", nrow(cases), "TTR fixtures with TTR", as.character(packageVersion("TTR")), "\n")
