package dev.parley.security;

import java.util.List;

/**
 * Targets a hosted server opens for some sessions only, beyond {@code parley.targets.allow}: a
 * workshop's own list, for its attendees (issue #10). Written and judged exactly as
 * {@code parley.targets.allow} entries are ({@code HOST|CIDR[:PORT|:PORT-PORT|:*]}); on a laptop
 * everything they could open is open anyway.
 */
public final class ExtraTargets {

    public static final ExtraTargets NONE = new ExtraTargets(List.of(), List.of());

    private final List<String> written;
    private final List<AllowEntry> entries;

    private ExtraTargets(List<String> written, List<AllowEntry> entries) {
        this.written = written;
        this.entries = entries;
    }

    /**
     * @throws IllegalArgumentException an entry is malformed; the message names it and says why
     */
    public static ExtraTargets parse(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            return NONE;
        }
        List<String> written = entries.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
        return new ExtraTargets(written, AllowEntry.parseAll(written));
    }

    public List<String> written() {
        return written;
    }

    List<AllowEntry> entries() {
        return entries;
    }
}
