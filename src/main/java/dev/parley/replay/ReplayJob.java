package dev.parley.replay;

import java.util.Map;
import java.util.Set;

/**
 * One transcript checked and ready to run: where, what, and the variables it may use.
 *
 * @param variables the values given by the caller (captures are added as the replay goes)
 * @param secrets   the names whose values are masked everywhere: given as secrets, or filling a masked spot
 */
record ReplayJob(String name, ReplayTarget target, ReplayScript script, Map<String, String> variables,
        Set<String> secrets) {

    /** The values of the secret variables. */
    SecretValues secretValues() {
        return new SecretValues(secrets.stream().map(variables::get).filter(v -> v != null).toList());
    }
}
