package com.langomni.npc.domain;

/**
 * What the router knows of one replica at the moment of a decision.
 *
 * @param name         stable replica name ({@code npc-1}); the rendezvous hash is over it, so it must not change
 * @param healthy      false while the replica is ejected
 * @param load         requests in flight from us plus the replica's own scraped waiting queue
 * @param kvCacheUsage the replica's KV-cache usage 0..1, 0 when unknown
 */
public record ReplicaLoad(String name, boolean healthy, double load, double kvCacheUsage) {
}
