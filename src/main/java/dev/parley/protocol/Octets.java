package dev.parley.protocol;

import java.util.Locale;

/** Sizes written the way a learner reads them in a sentence: "512 octets", "32 KB", "1.5 MB". */
public final class Octets {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    private Octets() {
    }

    public static String words(long octets) {
        if (octets < KB) {
            return String.format(Locale.ROOT, "%,d octet%s", octets, octets == 1 ? "" : "s");
        }
        if (octets < MB) {
            return unit(octets, KB, "KB");
        }
        return unit(octets, MB, "MB");
    }

    private static String unit(long octets, long unit, String name) {
        String number = String.format(Locale.ROOT, "%,.1f", (double) octets / unit);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + name;
    }
}
