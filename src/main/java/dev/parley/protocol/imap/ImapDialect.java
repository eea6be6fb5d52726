package dev.parley.protocol.imap;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.Protocol;
import java.util.List;

/** PLACEHOLDER, being replaced by the real dialect. */
public final class ImapDialect implements Dialect {

    public ImapDialect(FramingLimits limits) {
    }

    @Override
    public Protocol protocol() {
        return Protocol.IMAP;
    }

    @Override
    public List<DialectEvent> read(byte[] buffer, int offset, int length) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<DialectEvent> endOfInput() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public ClientWrite write(String line, boolean raw) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public ClientWrite payload(String text) {
        throw new UnsupportedOperationException("not yet");
    }
}
