package dev.parley.bench;

import java.util.Locale;

/** How the bench report writes its figures: µs/ms/s, KB, ratios and counts; "—" for what was not measured. */
final class BenchFormat {

    private BenchFormat() {
    }

    static String us(double micros) {
        if (Double.isNaN(micros)) {
            return "—";
        }
        if (micros >= 1_000_000) {
            return String.format(Locale.ROOT, "%,.1f s", micros / 1_000_000);
        }
        return micros >= 1000 ? String.format(Locale.ROOT, "%,.2f ms", micros / 1000)
                : String.format(Locale.ROOT, "%,.0f µs", micros);
    }

    static String kb(double bytes) {
        return Double.isNaN(bytes) ? "—" : String.format(Locale.ROOT, "%,.1f KB", bytes / 1024);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "—" : String.format(Locale.ROOT, "%.2f×", value);
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
