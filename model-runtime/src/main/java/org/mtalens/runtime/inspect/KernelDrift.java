package org.mtalens.runtime.inspect;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far one MTA kernel has moved from the official identity initialisation.
 *
 * @param name     state-dict key, e.g. {@code layers.1.attention.mta_kernel}
 * @param layer    layer index
 * @param kind     {@code mta_kernel}, {@code mta_kernel_after_sm}, {@code head_kernel}, {@code wpsm} or {@code wposm}
 * @param norm     L2 norm of the kernel
 * @param distanceFromIdentity L2 norm of (kernel - identity initialisation)
 */
public record KernelDrift(@JsonProperty("name") String name, @JsonProperty("layer") int layer,
                          @JsonProperty("kind") String kind, @JsonProperty("norm") double norm,
                          @JsonProperty("distance_from_identity") double distanceFromIdentity) {
}
