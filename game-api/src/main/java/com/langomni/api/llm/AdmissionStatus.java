package com.langomni.api.llm;

import java.util.Map;

/**
 * How world-llm-service admits narrations to its model when it saturates (admission by value), as one replica sees
 * it. Carried by {@link BackendStatus#admission()} at world-llm-service {@code GET /api/backends}; null for
 * backends that do not admit this way (the NPC replicas).
 *
 * @param maxConcurrent    streams allowed on the backend at once; the whole backend's limit (all replicas together)
 *                         while {@code clusterLimit} is {@code redis}, this replica's own otherwise
 * @param maxQueued        requests this replica lets wait for a slot (high priority may use all of it)
 * @param maxQueuedNormal  how many of those may be normal priority; a normal request beyond it gets the rules at once
 * @param running          streams this replica has open on the backend now
 * @param queuedHigh       high-priority requests waiting in this replica now
 * @param queuedNormal     normal-priority requests waiting in this replica now
 * @param admittedHigh     high-priority requests that got the model since this replica started
 * @param admittedNormal   normal-priority requests that got the model since this replica started
 * @param degradedHigh     high-priority requests the rules answered instead, by reason ({@code busy}, {@code timeout},
 *                         {@code error}, {@code circuit_open}), since start
 * @param degradedNormal   the same for normal priority
 * @param clusterLimit     {@code redis} (the limit holds for the whole backend), {@code local} (Redis unreachable:
 *                         this replica's limit alone for now) or {@code off} (not configured)
 * @param clusterFallbacks admissions made under the local limit because Redis was unreachable, since start
 */
public record AdmissionStatus(int maxConcurrent, int maxQueued, int maxQueuedNormal, int running, int queuedHigh,
                              int queuedNormal, long admittedHigh, long admittedNormal,
                              Map<String, Long> degradedHigh, Map<String, Long> degradedNormal, String clusterLimit,
                              long clusterFallbacks) {
}
