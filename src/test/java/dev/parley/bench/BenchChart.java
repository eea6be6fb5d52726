package dev.parley.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;

/** The chart of a bench run: p50 and p99 bars per target, round trip and under load, on a log scale of µs. */
final class BenchChart {

    /** One pair of bars: what was measured, for whom, and its p50 and p99 in µs (NaN: not measured). */
    record Row(String what, String who, double p50, double p99) {
    }

    private static final String[] TICKS = {"1 µs", "10 µs", "100 µs", "1 ms", "10 ms", "100 ms", "1 s", "10 s", "100 s"};

    private BenchChart() {
    }

    static String draw(List<Row> rows) {
        int left = 260;
        int width = 820;
        int barHeight = 12;
        int rowHeight = 2 * barHeight + 10;
        int top = 50;
        int height = top + rows.size() * rowHeight + 50;
        double minLog = 0;
        double largest = rows.stream().flatMapToDouble(r -> DoubleStream.of(r.p50(), r.p99()))
                .filter(v -> !Double.isNaN(v) && v > 0).max().orElse(1);
        double maxLog = Math.max(6, Math.ceil(Math.log10(largest * 1.5)));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">\n", width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">Latency, log scale — "
                + "p50 (dark) and p99 (light); one run of scripts/bench.sh</text>\n");
        int plot = width - left - 20;
        for (int decade = 0; decade <= (int) maxLog; decade++) {
            double x = left + plot * (decade - minLog) / (maxLog - minLog);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n",
                    x, top - 5, x, height - 40));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x,
                    height - 25, decade < TICKS.length ? TICKS[decade] : "1e" + decade + " µs"));
        }
        for (int i = 0; i < rows.size(); i++) {
            int y = top + i * rowHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s — %s</text>\n",
                    left - 8, y + barHeight + 4, escape(rows.get(i).what()), escape(rows.get(i).who())));
            String[] colours = rows.get(i).who().startsWith("Parley") ? new String[] {"#1f5fa8", "#8db4e2"}
                    : rows.get(i).who().startsWith("websockify") ? new String[] {"#b5651d", "#e8b98a"}
                    : new String[] {"#555", "#bbb"};
            for (int k = 0; k < 2; k++) {
                double v = k == 0 ? rows.get(i).p50() : rows.get(i).p99();
                double w = Double.isNaN(v) || v <= 1 ? 1 : plot * (Math.log10(v) - minLog) / (maxLog - minLog);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                                + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s</text>\n",
                        left, y + k * barHeight, Math.min(w, plot), barHeight - 1, colours[k], left + Math.min(w, plot) + 4,
                        y + k * barHeight + barHeight - 2, BenchFormat.us(v)));
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
