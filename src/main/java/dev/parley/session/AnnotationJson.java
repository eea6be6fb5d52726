package dev.parley.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * JSON shape of {@link dev.parley.protocol.Annotation} (a Jackson mix-in, so the protocol
 * package stays free of JSON): its {@code last} flag is written {@code final}, as the contract says.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
abstract class AnnotationJson {

    @JsonProperty("final")
    abstract Boolean last();
}
