# bench/plot.gp - build time vs N per method, log-log, from bench/results.tsv
#   gnuplot -e "tsv='bench/results.tsv'; png='bench/results.png'" bench/plot.gp
# (bench/run.sh does this when gnuplot is installed)
if (!exists("tsv")) tsv = 'results.tsv'
if (!exists("png")) png = 'results.png'
set terminal pngcairo size 900,600 font ',11'
set output png
set logscale xy
set xlabel 'namespaces N'
set ylabel 'build time, median (s)'
set title 'bridge + N namespaces: build time per method (lower is better)'
set key top left box opaque
set grid xtics ytics mxtics mytics
set format y '%g'
set offsets graph 0.05, graph 0.05, 0, 0
methods = 'nsh floor ip-batch pyroute2 bash-ip'
colors = '#d62728 #000000 #1f77b4 #2ca02c #ff7f0e'
rows(m) = sprintf("< awk -F'\t' '$2 == \"%s\" && $3 == \"build\" && $1 > 0 { print $1, $4 }' '%s' | sort -n", m, tsv)
plot for [i = 1:words(methods)] rows(word(methods, i)) using 1:2 \
	with linespoints lw 2 pt 7 lc rgb word(colors, i) title word(methods, i)
