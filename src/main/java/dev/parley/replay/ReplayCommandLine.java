package dev.parley.replay;

import dev.parley.protocol.Protocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arguments of {@code java -jar parley.jar replay} (CONTRACTS.md §8), read into a
 * {@link ReplayCommandLine.Arguments}; anything wrong is a {@link UsageException} saying what and
 * how to put it right (exit 2). A secret's value never comes from the command line, where
 * {@code ps} and the shell's history would show it: {@code --secret NAME} reads the environment
 * variable {@code PARLEY_SECRET_<NAME>}.
 */
final class ReplayCommandLine {

    static final String USAGE = """
            Usage: java -jar parley.jar replay [options] FILE... | DIR...

            Replays transcripts (the text format: C: and S: lines) against a server and checks its
            answers. A directory stands for every *.txt file below it. Starts no web server and no
            practice servers. Exits 0 when every transcript passed, 1 when any step failed or a
            server could not be reached, 2 on bad input (arguments, files, variables, a target the
            policy refuses).

            Options:
              --target PROTOCOL://HOST:PORT[?tls=implicit]
                                   where to replay (default: each file's "# protocol:" and
                                   "# target:" lines); PROTOCOL is smtp, pop3, imap, http or raw
              --var NAME=VALUE     a value for ${NAME} in the transcripts (repeatable)
              --secret NAME        a secret variable: its value comes from the environment
                                   variable PARLEY_SECRET_<NAME> and is masked as ******** in
                                   every report; a stored transcript's masked PASS ********
                                   needs --secret password (repeatable)
              --junit FILE         also write a JUnit XML report to FILE
              --svg DIR            also write an SVG ladder of each failing replay into DIR
              --match codes|exact  compare reply codes only (default) or whole lines
              --keep-going         run the steps after a failed one too
              --parallel N         transcripts run at once (default 4)
              --time-limit S       seconds one replay may take (default 60, at most 300)
              --answer-timeout S   seconds to wait for one answer (default 10)
              --parley.NAME=VALUE  any Parley setting, as for the web application, e.g.
                                   --parley.targets.trusted-certificates=ca.pem
              --help               this text
            """;

    /** The arguments, read. */
    record Arguments(TargetSpec target, Map<String, String> variables, List<String> secrets, Path junit, Path svg,
            String match, boolean keepGoing, Integer parallel, Integer timeLimit, Integer answerTimeout,
            List<String> settings, List<Path> files, boolean help) {
    }

    /** Bad arguments: the message says which and what to do. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private ReplayCommandLine() {
    }

    /** The environment variable a secret's value is read from: {@code PARLEY_SECRET_} and the name in upper case. */
    static String secretVariable(String name) {
        return "PARLEY_SECRET_" + name.toUpperCase(Locale.ROOT);
    }

    static Arguments parse(List<String> args, Map<String, String> env) throws UsageException {
        TargetSpec target = null;
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        Path junit = null;
        Path svg = null;
        String match = null;
        boolean keepGoing = false;
        Integer parallel = null;
        Integer timeLimit = null;
        Integer answerTimeout = null;
        List<String> settings = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        boolean onlyFiles = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyFiles || !arg.startsWith("-") || arg.equals("-")) {
                files.add(Path.of(arg));
                continue;
            }
            if (arg.equals("--")) {
                onlyFiles = true;
                continue;
            }
            if (arg.startsWith("--parley.")) {
                if (!arg.contains("=")) {
                    throw new UsageException(arg + ": a setting is written --parley.NAME=VALUE");
                }
                settings.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String option = eq > 0 ? arg.substring(0, eq) : arg;
            switch (option) {
                case "--help", "-h" -> {
                    return new Arguments(null, Map.of(), List.of(), null, null, null, false, null, null, null,
                            List.of(), List.of(), true);
                }
                case "--keep-going" -> keepGoing = true;
                default -> {
                    String value;
                    if (eq > 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(option + " needs a value");
                    }
                    switch (option) {
                        case "--target" -> target = target(value);
                        case "--var" -> variable(value, variables);
                        case "--secret" -> secrets.add(secretName(value));
                        case "--junit" -> junit = Path.of(value);
                        case "--svg" -> svg = Path.of(value);
                        case "--match" -> match = value;
                        case "--parallel" -> parallel = number(option, value);
                        case "--time-limit" -> timeLimit = number(option, value);
                        case "--answer-timeout" -> answerTimeout = number(option, value);
                        default -> throw new UsageException("unknown option " + option);
                    }
                }
            }
        }
        for (String name : secrets) {
            if (variables.containsKey(name)) {
                throw new UsageException("--secret " + name + " and --var " + name + "=…: a secret's value comes from"
                        + " the environment variable " + secretVariable(name) + " only, never from the command line");
            }
            String value = env.get(secretVariable(name));
            if (value == null || value.isEmpty()) {
                throw new UsageException("--secret " + name + ": set the environment variable " + secretVariable(name)
                        + " to its value (a secret never goes on the command line, where ps and the shell history"
                        + " would show it)");
            }
            variables.put(name, value);
        }
        if (files.isEmpty()) {
            throw new UsageException("no transcript given: name one or more files or directories");
        }
        return new Arguments(target, variables, List.copyOf(secrets), junit, svg, match, keepGoing, parallel, timeLimit,
                answerTimeout, List.copyOf(settings), List.copyOf(files), false);
    }

    /** {@code PROTOCOL://HOST[:PORT][?tls=implicit|none]}; a port left out is the protocol's usual one. */
    static TargetSpec target(String url) throws UsageException {
        String hint = " (write --target PROTOCOL://HOST:PORT, e.g. imap://127.0.0.1:3143 or pop3://mail.example:995?tls=implicit)";
        int scheme = url.indexOf("://");
        if (scheme <= 0) {
            throw new UsageException("--target " + url + ": no protocol" + hint);
        }
        String protocol = url.substring(0, scheme).toLowerCase(Locale.ROOT);
        Protocol known = Protocol.fromId(protocol).orElseThrow(() ->
                new UsageException("--target " + url + ": unknown protocol “" + protocol
                        + "”: use smtp, pop3, imap, http or raw"));
        String rest = url.substring(scheme + 3);
        String tls = "none";
        int query = rest.indexOf('?');
        if (query >= 0) {
            String q = rest.substring(query + 1);
            rest = rest.substring(0, query);
            if (q.equals("tls=implicit") || q.equals("tls=none")) {
                tls = q.substring(4);
            } else {
                throw new UsageException("--target " + url + ": the only option is ?tls=implicit (or ?tls=none)");
            }
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String host;
        String port = null;
        boolean bracketed = rest.startsWith("[");
        if (bracketed) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new UsageException("--target " + url + ": an IPv6 address needs its closing ]" + hint);
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                port = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new UsageException("--target " + url + ": unexpected “" + after + "”" + hint);
            }
        } else {
            int colon = rest.lastIndexOf(':');
            host = colon >= 0 ? rest.substring(0, colon) : rest;
            port = colon >= 0 ? rest.substring(colon + 1) : null;
        }
        if (host.isEmpty() || host.contains("/") || !bracketed && host.contains(":")) {
            throw new UsageException("--target " + url + ": no host" + hint);
        }
        int number;
        if (port == null) {
            number = tls.equals("implicit") ? known.defaultTlsPort() : known.defaultPort();
            if (number == 0) {
                throw new UsageException("--target " + url + ": raw has no usual port; give one" + hint);
            }
        } else {
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new UsageException("--target " + url + ": the port “" + port + "” is not a number" + hint);
            }
            if (number < 1 || number > 65_535) {
                throw new UsageException("--target " + url + ": the port must be between 1 and 65535");
            }
        }
        return new TargetSpec(known.id(), host, number, tls);
    }

    private static void variable(String value, Map<String, String> variables) throws UsageException {
        int eq = value.indexOf('=');
        String name = eq > 0 ? value.substring(0, eq) : value;
        if (eq <= 0) {
            throw new UsageException("--var " + value + ": write --var NAME=VALUE");
        }
        if (!VariableRefs.validName(name)) {
            throw new UsageException("--var " + name + ": a name is letters, digits and _, not starting with a digit");
        }
        variables.put(name, value.substring(eq + 1));
    }

    private static String secretName(String name) throws UsageException {
        if (!VariableRefs.validName(name)) {
            throw new UsageException("--secret " + name + ": a name is letters, digits and _, not starting with a digit"
                    + " (its value comes from the environment variable PARLEY_SECRET_<NAME>)");
        }
        return name;
    }

    private static int number(String option, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1) {
                throw new UsageException(option + " " + value + ": must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " " + value + ": not a whole number");
        }
    }
}
