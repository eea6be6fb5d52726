package dev.parley.protocol.imap;

import static dev.parley.protocol.imap.ImapTestSupport.greeted;
import static dev.parley.protocol.imap.ImapTestSupport.sent;
import static dev.parley.protocol.imap.ImapTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Annotation;
import dev.parley.protocol.ClientWrite;
import org.junit.jupiter.api.Test;

/** The tagging rule of {@link ImapTagger}, seen through {@link ImapDialect#write}. */
class ImapTaggingTest {

    @Test
    void untaggedCommandsGetIncreasingAutomaticTags() {
        ImapDialect dialect = greeted();
        assertThat(wire(dialect.write("CAPABILITY", false))).isEqualTo("A0001 CAPABILITY");
        assertThat(wire(dialect.write("SELECT INBOX", false))).isEqualTo("A0002 SELECT INBOX");
        assertThat(wire(dialect.write("UID FETCH 1:* FLAGS", false))).isEqualTo("A0003 UID FETCH 1:* FLAGS");
    }

    @Test
    void userTagBeforeAKnownVerbIsKept() {
        ImapDialect dialect = greeted();
        ClientWrite.Send send = sent(dialect.write("x LOGIN bob redqueen", false));
        assertThat(wire(send)).isEqualTo("x LOGIN bob redqueen");
        assertThat(send.expectsAnswer()).isTrue();
        assertThat(send.lines().getFirst().annotation().verb()).isEqualTo("LOGIN");
        assertThat(dev.parley.protocol.SplitFeeder.summary(ImapTestSupport.read(dialect, "x OK done\r\n")))
                .containsExactly("S: x OK done | reply OK last", "complete ok");
    }

    @Test
    void lessonTagBeforeTheUnknownUserVerbIsKeptAndUserIsExplained() {
        ImapDialect dialect = greeted();
        ClientWrite.Send send = sent(dialect.write("A0001 USER \"frobozz\" \"xyzzy\"", false));
        assertThat(wire(send)).isEqualTo("A0001 USER \"frobozz\" \"xyzzy\"");
        Annotation annotation = send.lines().getFirst().annotation();
        assertThat(annotation.verb()).isEqualTo("USER");
        assertThat(annotation.meaning()).contains("IMAP has no USER command").contains("LOGIN");
    }

    @Test
    void untaggedUserGetsATagAndTheSameExplanation() {
        ImapDialect dialect = greeted();
        ClientWrite.Send send = sent(dialect.write("USER frobozz", false));
        assertThat(wire(send)).isEqualTo("A0001 USER frobozz");
        assertThat(send.lines().getFirst().annotation().meaning()).contains("IMAP has no USER command")
                .contains("Parley added the tag A0001");
    }

    @Test
    void aLessonTagThatParleyAlreadyUsedIsSentButSaidToBeADuplicate() {
        ImapDialect dialect = greeted();
        assertThat(wire(dialect.write("LOGIN frobozz xyzzy", false))).isEqualTo("A0001 LOGIN frobozz xyzzy");
        ImapTestSupport.read(dialect, "A0001 OK LOGIN completed\r\n");
        ClientWrite.Send again = sent(dialect.write("A0001 SELECT INBOX", false));
        assertThat(wire(again)).isEqualTo("A0001 SELECT INBOX");
        assertThat(again.lines().getFirst().annotation().meaning()).contains("the tag A0001 was already used",
                "RFC 9051 §2.2.1");
        ClientWrite.Send fresh = sent(dialect.write("A0007 NOOP", false));
        assertThat(fresh.lines().getFirst().annotation().meaning()).doesNotContain("already used");
    }

    @Test
    void automaticTagsSkipTagsTheLearnerAlreadyUsed() {
        ImapDialect dialect = greeted();
        wire(dialect.write("A0001 NOOP", false));
        wire(dialect.write("A0002 NOOP", false));
        assertThat(wire(dialect.write("NOOP", false))).isEqualTo("A0003 NOOP");
    }

    @Test
    void aVerbFirstIsNeverTakenForATag() {
        ImapDialect dialect = greeted();
        assertThat(wire(dialect.write("UID FETCH 1 FLAGS", false))).isEqualTo("A0001 UID FETCH 1 FLAGS");
        assertThat(wire(dialect.write("hello world", false))).isEqualTo("A0002 hello world");
        assertThat(wire(dialect.write("* LOGIN a b", false))).isEqualTo("A0003 * LOGIN a b");
    }

    @Test
    void uidCommandExplainsItsSubCommand() {
        ImapDialect dialect = greeted();
        Annotation annotation = sent(dialect.write("UID FETCH 1 FLAGS", false)).lines().getFirst().annotation();
        assertThat(annotation.verb()).isEqualTo("UID");
        assertThat(annotation.meaning()).contains("Here: FETCH").contains("Reads data of messages");
        assertThat(annotation.reference()).isEqualTo("RFC 9051 §6.4.9");
    }

    @Test
    void rawLineIsSentExactlyAsTyped() {
        ImapDialect dialect = greeted();
        assertThat(wire(dialect.write("select INBOX", true))).isEqualTo("select INBOX");
        ClientWrite.Send lone = sent(dialect.write("hello", true));
        assertThat(wire(lone)).isEqualTo("hello");
        assertThat(lone.expectsAnswer()).isFalse();
        assertThat(wire(dialect.write("NOOP", false))).isEqualTo("A0001 NOOP");
    }

    @Test
    void rawTaggedLineCompletesByItsTag() {
        ImapDialect dialect = greeted();
        assertThat(sent(dialect.write("zz9 NOOP", true)).expectsAnswer()).isTrue();
        assertThat(dev.parley.protocol.SplitFeeder.summary(ImapTestSupport.read(dialect, "zz9 OK\r\n")))
                .containsExactly("S: zz9 OK | reply OK last", "complete ok");
    }

    @Test
    void doneIsNeverTagged() {
        ImapDialect dialect = greeted();
        ClientWrite.Send done = sent(dialect.write("DONE", false));
        assertThat(wire(done)).isEqualTo("DONE");
        assertThat(done.expectsAnswer()).isFalse();
        assertThat(done.lines().getFirst().annotation().meaning()).contains("no IDLE is running");
    }

    @Test
    void emptyLineIsRejectedUnlessRaw() {
        ImapDialect dialect = greeted();
        assertThat(dialect.write("", false)).isInstanceOf(ClientWrite.Reject.class);
        assertThat(wire(dialect.write("", true))).isEmpty();
    }

    @Test
    void unknownVerbPassesThroughWithAGenericMeaning() {
        ImapDialect dialect = greeted();
        Annotation annotation = sent(dialect.write("XYZZY now", false)).lines().getFirst().annotation();
        assertThat(annotation.verb()).isEqualTo("XYZZY");
        assertThat(annotation.meaning()).startsWith("Not a command this protocol defines; sent as typed.");
    }

    @Test
    void reusedTagIsSentWithAWarning() {
        ImapDialect dialect = greeted();
        wire(dialect.write("a1 NOOP", false));
        assertThat(sent(dialect.write("a1 NOOP", false)).lines().getFirst().annotation().meaning())
                .contains("still waiting");
    }

    @Test
    void everyListedCommandHasAnRfcReference() {
        for (String verb : new String[] {"CAPABILITY", "NOOP", "LOGOUT", "STARTTLS", "AUTHENTICATE", "LOGIN",
            "ENABLE", "SELECT", "EXAMINE", "CREATE", "DELETE", "RENAME", "SUBSCRIBE", "UNSUBSCRIBE", "LIST", "LSUB",
            "NAMESPACE", "STATUS", "APPEND", "IDLE", "CLOSE", "UNSELECT", "EXPUNGE", "SEARCH", "FETCH", "STORE",
            "COPY", "MOVE", "UID", "CHECK"}) {
            assertThat(ImapCommands.isKnown(verb)).as(verb).isTrue();
            assertThat(ImapCommands.describe(verb).reference()).as(verb).startsWith("RFC ");
        }
        assertThat(ImapCommands.isKnown("USER")).isFalse();
    }
}
