package dev.parley.replay;

import dev.parley.protocol.Protocol;
import dev.parley.transcript.HostPort;
import dev.parley.transcript.Transcript;
import dev.parley.transcript.TranscriptFormatException;
import dev.parley.transcript.TranscriptText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks everything a replay needs before any connection opens, so that bad input is a clear
 * error naming the field (REST 400, command line exit 2) rather than a failed run: each transcript
 * parses, has a target, and every {@code ${name}} a client line sends has a value, given by the
 * caller or captured by an earlier step. A masked secret without a value asks for its variable by
 * name instead of sending {@code ********}.
 */
final class ReplayPlanner {

    private ReplayPlanner() {
    }

    /** A checked suite: the jobs in the caller's order. */
    record Plan(List<ReplayJob> jobs, ReplayOptions options, int parallel) {
    }

    static Plan plan(ReplaySpec spec, ReplayLimits limits) {
        List<ReplayInput> inputs = spec.transcripts() == null ? List.of() : spec.transcripts();
        if (inputs.isEmpty()) {
            throw new ReplayInputException(-1, "transcript", 0, "is required: the transcript in the text format");
        }
        if (inputs.size() > limits.maxTranscripts()) {
            throw new ReplayInputException(-1, "transcripts", 0, inputs.size() + " transcripts are more than one"
                    + " suite may hold (" + limits.maxTranscripts() + ", parley.replay.max-transcripts)");
        }
        Map<String, String> variables = variables(spec.variables());
        Set<String> secrets = secrets(spec.secrets(), variables);
        int parallel = spec.parallel() == null ? limits.parallel() : spec.parallel();
        if (parallel < 1) {
            throw new ReplayInputException(-1, "parallel", 0, "must be at least 1");
        }
        SecretValues given = new SecretValues(secrets.stream().map(variables::get).toList());
        List<ReplayJob> jobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            ReplayInput input = inputs.get(i);
            String name = input.name() == null || input.name().isBlank() ? "transcript " + (i + 1) : input.name().strip();
            if (!names.add(name)) {
                throw new ReplayInputException(i, "name", 0, "“" + name + "” names two transcripts of this suite;"
                        + " give each its own name");
            }
            jobs.add(job(i, name, input, spec.target(), variables, secrets, given));
        }
        return new Plan(List.copyOf(jobs), spec.options(), Math.min(parallel, limits.parallel()));
    }

    private static ReplayJob job(int i, String name, ReplayInput input, TargetSpec common, Map<String, String> variables,
            Set<String> secrets, SecretValues given) {
        if (input.transcript() == null || input.transcript().isBlank()) {
            throw new ReplayInputException(i, "transcript", 0, "is required: the transcript in the text format");
        }
        Transcript transcript;
        try {
            transcript = TranscriptText.parse(input.transcript());
        } catch (TranscriptFormatException e) {
            throw new ReplayInputException(i, "transcript", e.line(), e.reason());
        }
        ReplayTarget target = target(i, input.target() == null ? common : input.target().over(common), transcript);
        ReplayScript script = ReplayScript.of(transcript, target.protocol(), input.transcript());
        if (script.steps().isEmpty()) {
            // Passing by default would let a wrong file (or an empty one) pass a CI check.
            throw new ReplayInputException(i, "transcript", 0, "has no C: or S: line, so there is nothing to replay");
        }
        checkVariables(i, script, variables, given);
        Set<String> jobSecrets = new LinkedHashSet<>(secrets);
        jobSecrets.addAll(script.masked());
        return new ReplayJob(name, target, script, variables, Set.copyOf(jobSecrets));
    }

    private static Map<String, String> variables(Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        if (given != null) {
            for (Map.Entry<String, String> e : given.entrySet()) {
                if (!VariableRefs.validName(e.getKey())) {
                    throw new ReplayInputException(-1, "variables", 0, "“" + e.getKey() + "” is not a variable name:"
                            + " use letters, digits and _, not starting with a digit");
                }
                if (e.getValue() == null) {
                    throw new ReplayInputException(-1, "variables." + e.getKey(), 0, "has no value");
                }
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static Set<String> secrets(List<String> given, Map<String, String> variables) {
        Set<String> out = new LinkedHashSet<>();
        if (given != null) {
            for (String name : given) {
                if (name == null || !variables.containsKey(name)) {
                    throw new ReplayInputException(-1, "secrets", 0, "“" + name + "” has no value: give it in"
                            + " variables too (a secret is a variable whose value is masked everywhere)");
                }
                out.add(name);
            }
        }
        return out;
    }

    /** Every variable a client line needs is given, or captured by an earlier step. */
    private static void checkVariables(int i, ReplayScript script, Map<String, String> variables, SecretValues given) {
        Set<String> known = new HashSet<>(variables.keySet());
        for (ReplayScript.Step step : script.steps()) {
            for (ReplayScript.Client client : step.sent()) {
                for (String name : VariableRefs.names(client.template())) {
                    if (known.contains(name)) {
                        continue;
                    }
                    String quoted = "“C: " + given.mask(client.original()) + "”";
                    if (script.masked().contains(name)) {
                        throw new ReplayInputException(i, "variables." + name, client.line(), quoted + " had its"
                                + " secret masked when it was stored, and Parley never sends ******** in its place:"
                                + " give the value as the secret variable “" + name + "” (request: \"variables\": {\""
                                + name + "\": …}, \"secrets\": [\"" + name + "\"]; command line: --secret " + name
                                + " with the environment variable " + ReplayCommandLine.secretVariable(name) + ")");
                    }
                    throw new ReplayInputException(i, "variables." + name, client.line(), "${" + name + "} in " + quoted
                            + " has no value: give it as a variable (\"variables\" or --var " + name + "=…) or capture"
                            + " it in an earlier S: line, e.g. <" + name + " here:" + name + ">; write $${ to send ${"
                            + " as it is");
                }
            }
            known.addAll(step.captures());
        }
    }

    /** The given target's parts, each falling back to the transcript's own {@code # protocol:} and {@code # target:}. */
    private static ReplayTarget target(int i, TargetSpec given, Transcript transcript) {
        TargetSpec t = given == null ? TargetSpec.NONE : given;
        Protocol protocol;
        if (t.protocol() != null) {
            protocol = Protocol.fromId(t.protocol()).orElseThrow(() -> new ReplayInputException(i, "target.protocol", 0,
                    "unknown protocol “" + t.protocol() + "”: use smtp, pop3, imap, http or raw"));
        } else if (transcript.meta().protocol() != null) {
            protocol = transcript.meta().protocol();
        } else {
            throw new ReplayInputException(i, "target.protocol", 0, "is required (or a “# protocol:” line in the"
                    + " transcript)");
        }
        HostPort fallback = transcript.meta().target();
        String host = t.host() != null ? t.host() : fallback == null ? null : fallback.host();
        Integer port = t.port() != null ? t.port() : fallback == null ? null : fallback.port();
        if (host == null || host.isBlank()) {
            throw new ReplayInputException(i, "target.host", 0, "is required (or a “# target:” line in the transcript)");
        }
        if (port == null || port < 1 || port > 65_535) {
            throw new ReplayInputException(i, "target.port", 0, "must be between 1 and 65535");
        }
        String tls = t.tls() == null ? "none" : t.tls();
        if (!tls.equals("none") && !tls.equals("implicit")) {
            throw new ReplayInputException(i, "target.tls", 0, "must be “none” or “implicit”");
        }
        return new ReplayTarget(protocol, host, port, tls.equals("implicit"));
    }
}
