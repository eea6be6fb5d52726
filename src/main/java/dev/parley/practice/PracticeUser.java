package dev.parley.practice;

import java.util.List;

/** A practice mailbox owner, as in the lesson; logs in with the bare name, receives at name@localhost. */
public record PracticeUser(String login, String password) {

    /** The lesson's users: bob/redqueen (POP3), frobozz/xyzzy (IMAP), demo/demo (the Python session). */
    public static final List<PracticeUser> ALL = List.of(
            new PracticeUser("bob", "redqueen"),
            new PracticeUser("frobozz", "xyzzy"),
            new PracticeUser("demo", "demo"));

    public String address() {
        return login + "@localhost";
    }
}
